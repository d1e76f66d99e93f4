// One database handle for both modes: the embedded PGlite (no server to install) and a real
// PostgreSQL. Both speak the same SQL and run the same migrations.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type SQL, type SQLWrapper, fillPlaceholders, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { CommitOutcomeUnknownError, isConnectionFault } from './errors.js';
import * as schema from './schema.js';
import { intArray } from './sql.js';
import {
  type DatabaseLog,
  type DatabaseTimeouts,
  type PipelinedConnections,
  PIPELINED_CONNECTIONS,
  connectionConfig,
  containConnectionFaults,
  createPipelinedConnections,
  statementName,
  textTypeParser,
  transactionOutcome,
} from './pg-connections.js';

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  /** Applies pending migrations; returns how many it applied. */
  migrate(): Promise<{ applied: number }>;
  close(): Promise<void>;
}

export type DatabaseOptions = (
  | {
      kind: 'postgres';
      url: string;
      maxConnections?: number;
      /** Unset: no limits (tools: migrations, imports, exports); the service sets them (config.ts). */
      timeouts?: DatabaseTimeouts;
      log?: DatabaseLog;
    }
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
    ? openPostgres(options.url, options.maxConnections, logger, options.timeouts, options.log)
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
  const [{ PGlite }, { pg_trgm }, { unaccent }, { fuzzystrmatch }, { drizzle: drizzlePglite }, { migrate: migratePglite }] =
    await Promise.all([
      import('@electric-sql/pglite'),
      import('@electric-sql/pglite/contrib/pg_trgm'),
      import('@electric-sql/pglite/contrib/unaccent'),
      import('@electric-sql/pglite/contrib/fuzzystrmatch'),
      import('drizzle-orm/pglite'),
      import('drizzle-orm/pglite/migrator'),
    ]);
  const client = await PGlite.create(storage, { extensions: { pg_trgm, unaccent, fuzzystrmatch } });
  const db = drizzlePglite({ client, schema, logger }) as unknown as Database;
  return {
    db,
    kind: 'pglite',
    // One process owns a PGlite directory, so no lock is needed here.
    migrate: () => countApplied(db, () => migratePglite(drizzlePglite({ client }), migrationConfig())),
    close: once(() => client.close()),
  };
}

async function openPostgres(
  url: string,
  maxConnections = 10,
  logger: QueryLogger,
  timeouts: DatabaseTimeouts | undefined,
  log: DatabaseLog | undefined,
): Promise<DatabaseHandle> {
  const connection = connectionConfig(url, timeouts);
  const pool = new pg.Pool({ ...connection, max: maxConnections, idleTimeoutMillis: 30_000 });
  const pipelined = createPipelinedConnections(connection, Math.min(PIPELINED_CONNECTIONS, maxConnections), log);
  containConnectionFaults(pool, log);
  const db = drizzleNodePostgres({ client: pool, schema, logger }) as unknown as Database;
  preparePlainStatements(db, pipelined, logger);
  resolveLostCommits(db, pool, timeouts, log);
  const close = async () => {
    await Promise.all([pool.end(), pipelined.end()]);
  };
  try {
    await pool.query('select 1');
  } catch (error) {
    await close();
    throw new DatabaseUnavailableError(url, error);
  }
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      // A session-level advisory lock needs one connection for the whole run; migrations may run
      // for long (an index over a big table), so no statement timeout here.
      const single = new pg.Client({ connectionString: url, types: { getTypeParser: textTypeParser } });
      single.on('error', () => {});
      await single.connect();
      try {
        await single.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        const migrationDb = drizzleNodePostgres({ client: single });
        return await countApplied(migrationDb as unknown as Database, () => migratePostgres(migrationDb, migrationConfig()));
      } finally {
        await single.end();
      }
    },
    close: once(close),
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
 * Statements outside a transaction (every catalogue read) go over a few connections in
 * node-postgres' pipeline mode, where a statement is sent without waiting for those before it on
 * that connection to be answered: one connection carries many requests at once, and none waits
 * for a pool. Those of db.execute become named prepared statements, kept per connection:
 * PostgreSQL parses and plans each once, not on every request (a page of the catalogue costs more
 * to plan than to run); those planned each time (lists, searches) stay unnamed. Transactions and
 * drizzle's query builder use the pool.
 */
function preparePlainStatements(db: Database, pipelined: PipelinedConnections, logger: QueryLogger): void {
  const dialect = dialectOf(db);
  const run = (text: string, params: unknown[], prepared: boolean) => {
    logger?.logQuery(text);
    return pipelined.query(prepared ? { name: statementName(text), text, values: params } : { text, values: params });
  };
  const built = (query: SQLWrapper | string) => dialect.sqlToQuery(typeof query === 'string' ? sql.raw(query) : query.getSQL());
  Object.assign(db, {
    [PLANNED_EACH_TIME]: (query: SQLWrapper) => {
      const { sql: text, params } = built(query);
      return run(text, params, false);
    },
    [RUN_TEXT]: (text: string, params: unknown[]) => run(text, params, true),
    execute: (query: SQLWrapper | string) => {
      const { sql: text, params } = built(query);
      return run(text, params, true);
    },
  });
}

/**
 * A write whose COMMIT got no answer (the connection broke while it was on its way) may have
 * committed or not. Rather than guess, each transaction notes its id and the server's start time
 * first, and after such a failure asks PostgreSQL (on another connection, once the database
 * answers again, within the connect timeout) what became of it: aborted, the write is answered as
 * the failure it is; committed, as done; still unknown, a 503 that says so
 * (CommitOutcomeUnknownError). One case is unknown by nature: after a crash, PostgreSQL may give
 * a transaction id that left no trace in its log to another transaction, so a "committed" from a
 * server that restarted since may be that other one's, and is not taken for ours.
 */
function resolveLostCommits(db: Database, pool: pg.Pool, timeouts: DatabaseTimeouts | undefined, log: DatabaseLog | undefined): void {
  const transaction = db.transaction.bind(db);
  const patient = Math.max(timeouts?.connectMs ?? 5_000, 1_000);
  const resolved: Database['transaction'] = async (work, config) => {
    let begun: { id: string; serverStarted: string } | undefined;
    let result: { value: unknown } | undefined;
    try {
      return await transaction(async (tx) => {
        [begun] = rowsOf<{ id: string; serverStarted: string }>(
          await tx.execute(sql`select pg_current_xact_id()::text as id, pg_postmaster_start_time()::text as "serverStarted"`),
        );
        const value = await work(tx);
        result = { value };
        return value;
      }, config);
    } catch (error) {
      // Only a failure after the work was done (at COMMIT) leaves the outcome in doubt.
      if (!result || !begun || !isConnectionFault(error)) throw error;
      const outcome = await transactionOutcome(pool, begun, patient);
      log?.warn({ err: error, transactionId: begun.id, outcome }, 'the answer to a COMMIT was lost; asked PostgreSQL what became of it');
      if (outcome === 'committed') return result.value as never;
      if (outcome === 'aborted') throw error;
      throw new CommitOutcomeUnknownError(error);
    }
  };
  Object.assign(db, { transaction: resolved });
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
  const [table] = rowsOf<{ name: string | null }>(await db.execute(sql`select to_regclass('drizzle.__drizzle_migrations')::text as name`));
  if (!table?.name) return 0;
  const [row] = rowsOf<{ count: number }>(await db.execute(sql`select count(*)::int as count from drizzle.__drizzle_migrations`));
  return Number(row?.count ?? 0);
}

/** A json column: parsed already by most drivers, text by some; either way, the value. */
export function jsonValue<T>(value: T | string): T {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

/** `execute` returns `{ rows }` (node-postgres, PGlite) or an array (some drivers); this reads either. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
