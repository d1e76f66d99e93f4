// Reading database errors through Drizzle's wrapper, whichever driver raised them.

function causes(error: unknown): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = [];
  for (let current: unknown = error; current && typeof current === 'object' && chain.length < 5; ) {
    chain.push(current as Record<string, unknown>);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** The SQLSTATE of a database error, or undefined for any other error. */
export function databaseErrorCode(error: unknown): string | undefined {
  for (const link of causes(error)) {
    if (typeof link.code === 'string' && /^[0-9A-Z]{5}$/.test(link.code)) return link.code;
  }
  return undefined;
}

/** The constraint a unique violation names (postgres.js says constraint_name, PGlite constraint). */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (databaseErrorCode(error) !== '23505') return undefined;
  for (const link of causes(error)) {
    const name = link.constraint_name ?? link.constraint;
    if (typeof name === 'string') return name;
  }
  return undefined;
}
