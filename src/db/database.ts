// One database handle for both modes: the embedded PGlite (no server to install) and a real
// PostgreSQL. Both speak the same SQL and run the same migrations.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, type SQLWrapper, fillPlaceholders, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.js';
import { intArray } from './sql.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  /** Applies pending migrations; returns how many it applied. */
  migrate(): Promise<{ applied: number }>;
  close(): Promise<void>;
}

export type DatabaseOptions = (
  | { kind: 'postgres'; url: string; maxConnections?: number }
  /** dataDir null: an in-memory database (tests). */
  | { kind: 'pglite'; dataDir: string | null }
) & {
  /** Called with every SQL statement the application runs (tests count them). */
  logQuery?: (query: string) => void;
};

export class DatabaseUnavailableError extends Error {
  constructor(url: string, cause: unknown) {
    const where = new URL(url);
    const reason = cause instanceof Error ? cause.message : String(cause);
    // The URL's password stays out of the message.
    super(`Cannot reach the PostgreSQL database at ${where.host || 'localhost'}${where.pathname} (DATABASE_URL): ${reason}`, {
      cause,
    });
    this.name = 'DatabaseUnavailableError';
  }
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));
const MIGRATIONS_TABLE = { migrationsSchema: 'drizzle', migrationsTable: '__drizzle_migrations' };
// Any constant will do; it keeps two processes starting at once from migrating together.
const MIGRATION_LOCK_KEY = 4_771_002;

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  const logger = options.logQuery ? { logQuery: options.logQuery } : undefined;
  return options.kind === 'postgres'
    ? openPostgres(options.url, options.maxConnections, logger)
    : openPglite(options.dataDir, logger);
}

type QueryLogger = { logQuery: (query: string) => void } | undefined;

async function openPglite(dataDir: string | null, logger: QueryLogger): Promise<DatabaseHandle> {
  let storage: string | undefined;
  if (dataDir !== null) {
    storage = path.resolve(dataDir, 'pgdata');
    await mkdir(storage, { recursive: true });
  }
  // Loaded only here: a service on PostgreSQL has no use for the embedded database (16 MB).
  const [{ PGlite }, { pg_trgm }, { unaccent }, { drizzle: drizzlePglite }, { migrate: migratePglite }] = await Promise.all([
    import('@electric-sql/pglite'),
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('drizzle-orm/pglite'),
    import('drizzle-orm/pglite/migrator'),
  ]);
  const client = await PGlite.create(storage, { extensions: { pg_trgm, unaccent } });
  const db = drizzlePglite({ client, schema, logger }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    // One process owns a PGlite directory, so no lock is needed here.
    migrate: () => countApplied(db, () => migratePglite(drizzlePglite({ client }), migrationConfig())),
    close: once(() => client.close()),
  };
}

async function openPostgres(url: string, maxConnections = 10, logger?: QueryLogger): Promise<DatabaseHandle> {
  const client = postgres(url, {
    max: maxConnections,
    onnotice: () => {},
    // Requests are many and small: a parallel plan's workers cost more to start than they save,
    // and a plan made once for any values would otherwise often be one.
    connection: { max_parallel_workers_per_gather: 0 },
  });
  const db = drizzlePostgres({ client, schema, logger }) as unknown as Database;
  preparePlainStatements(db, client, logger);
  try {
    await client`select 1`;
  } catch (error) {
    await client.end({ timeout: 1 });
    throw new DatabaseUnavailableError(url, error);
  }
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      // A session-level advisory lock needs one connection for the whole run.
      const single = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        const migrationDb = drizzlePostgres({ client: single }) as unknown as Database;
        return await countApplied(migrationDb, () => migratePostgres(drizzlePostgres({ client: single }), migrationConfig()));
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    close: once(() => client.end({ timeout: 5 })),
  };
}

const PLANNED_EACH_TIME = Symbol('execute, planned for these values');
const RUN_TEXT = Symbol('run statement text with parameters, prepared');

/**
 * A statement whose text never changes, only its values: its SQL is built once (drizzle builds a
 * long statement in about as much time as PostgreSQL runs it) and runs as a prepared statement.
 * `build` names each value with `value(name)`; `run(db, values)` runs it. In a transaction or on
 * PGlite, it is built with the values and run as any statement.
 */
export function fixedStatement(build: (value: (name: string) => SQL) => SQL) {
  let built: { sql: string; params: unknown[] } | undefined;
  return async function run<T>(db: Database, values: Record<string, unknown>): Promise<T[]> {
    const runText = (db as unknown as { [RUN_TEXT]?: (text: string, params: unknown[]) => Promise<unknown> })[RUN_TEXT];
    if (!runText) {
      const valueOf = (name: string) => {
        const given = values[name];
        return Array.isArray(given) ? intArray(given as number[]) : sql`${given}`;
      };
      return rowsOf<T>(await db.execute(build(valueOf)));
    }
    built ??= dialectOf(db).sqlToQuery(build((name) => sql`${sql.placeholder(name)}`));
    return rowsOf<T>(await runText(built.sql, fillPlaceholders(built.params, values)));
  };
}

function dialectOf(db: Database): { sqlToQuery(query: SQL): { sql: string; params: unknown[] } } {
  return (db as unknown as { dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } } }).dialect;
}

/**
 * Runs a statement planned for its values, every time: for lists and searches, where the best plan
 * depends on the values (a common genre over fifty years wants the sort's index, a rare one its
 * own), and a prepared statement's generic plan, made once for any values, can be a hundred times
 * slower. Elsewhere (PGlite, transactions) the same as db.execute.
 */
export function executePlannedEachTime(db: Database, query: SQL): ReturnType<Database['execute']> {
  const execute = (db as unknown as { [PLANNED_EACH_TIME]?: Database['execute'] })[PLANNED_EACH_TIME];
  return execute ? execute(query) : db.execute(query);
}

/**
 * Statements run through db.execute outside a transaction (every catalogue read) become named
 * prepared statements, kept per connection by postgres.js: PostgreSQL then parses and plans each
 * one once, not on every request. A page of the catalogue costs more to plan than to run.
 */
function preparePlainStatements(db: Database, client: postgres.Sql, logger: QueryLogger): void {
  Object.assign(db, {
    [PLANNED_EACH_TIME]: db.execute.bind(db),
    [RUN_TEXT]: (text: string, params: unknown[]) => {
      logger?.logQuery(text);
      return client.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true });
    },
  });
  const dialect = dialectOf(db);
  const execute = (query: SQLWrapper | string) => {
    const built = dialect.sqlToQuery(typeof query === 'string' ? sql.raw(query) : query.getSQL());
    logger?.logQuery(built.sql);
    return client.unsafe(built.sql, built.params as postgres.ParameterOrJSON<never>[], { prepare: true });
  };
  Object.assign(db, { execute });
}

/** Closing twice (a failed start, then shutdown) must not fail the second time. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => (closing ??= close());
}

function migrationConfig() {
  return { migrationsFolder: MIGRATIONS_FOLDER, ...MIGRATIONS_TABLE };
}

async function countApplied(db: Database, run: () => Promise<void>): Promise<{ applied: number }> {
  const before = await appliedMigrations(db);
  await run();
  return { applied: (await appliedMigrations(db)) - before };
}

async function appliedMigrations(db: Database): Promise<number> {
  const [table] = rowsOf<{ name: string | null }>(
    await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`),
  );
  if (!table?.name) return 0;
  const [row] = rowsOf<{ count: number }>(await db.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`));
  return Number(row?.count ?? 0);
}

/** A json column: parsed already by most drivers, text by some; either way, the value. */
export function jsonValue<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** `execute` returns an array (postgres.js) or `{ rows }` (PGlite); this reads either. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
