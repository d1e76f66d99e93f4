// Command-line options shared by the benchmark scripts, parsed with node:util and checked once,
// with a message that names the option.
import { parseArgs } from 'node:util';

const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/moviedb_bench';

type OptionSpec = Record<string, { type: 'string' | 'boolean'; default?: string | boolean }>;

export function readOptions<T extends OptionSpec>(spec: T, usage: string) {
  try {
    return parseArgs({ options: spec, strict: true, allowPositionals: false }).values;
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}

export function wholeNumber(name: string, value: string | undefined, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    fail(`--${name} must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`);
  }
  return Number(value);
}

/**
 * The benchmark database's URL. Its name must say "bench": the generator drops and recreates it,
 * and a typo must not cost anyone another database.
 */
export function benchDatabaseUrl(value: string | undefined): string {
  const url = value ?? DEFAULT_BENCH_DATABASE_URL;
  if (!/^postgres(ql)?:\/\//.test(url) || !URL.canParse(url)) fail(`--database-url must be a postgres:// URL (got ${JSON.stringify(url)})`);
  const name = databaseName(url);
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || !name.includes('bench')) {
    fail(`--database-url must name a database whose name contains "bench" (lowercase letters, digits, _), got "${name}"`);
  }
  return url;
}

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** The same server's maintenance database, from which a database is dropped and created. */
export function maintenanceUrl(url: string): string {
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  return maintenance.toString();
}

export function fail(message: string): never {
  console.error(message);
  process.exit(2);
}
