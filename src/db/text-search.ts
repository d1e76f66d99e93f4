// SQL pieces for matching text the way people type it: without regard to case or accents.
import { type SQL, type SQLWrapper, sql } from 'drizzle-orm';

/** `column` contains `term`, ignoring case and accents; LIKE wildcards in the term match literally. */
export function containsText(column: SQLWrapper, term: string): SQL {
  const escaped = term.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`unaccent(${column}) ilike unaccent(${`%${escaped}%`})`;
}

/**
 * An order for names that people expect: case and accents do not move a name to the end. The C
 * collation makes it the same on every server, whatever locale its database was created with.
 */
export function nameOrder(column: SQLWrapper): SQL {
  return sql`lower(unaccent(${column})) collate "C"`;
}
