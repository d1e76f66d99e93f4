// One database handle for both modes: the embedded PGlite (no server to install) and a real
// PostgreSQL. Both speak the same SQL and run the same migrations.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { type SQL, type SQLWrapper, fillPlaceholders, sql } from 'drizzle-orm';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { CommitOutcomeUnknownError, isConnectionFault } from './errors.js';
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

async function openPostgres(
  url: string,
  maxConnections = 10,
  logger: QueryLogger,
  timeouts: DatabaseTimeouts | undefined,
  log: DatabaseLog | undefined,
): Promise<DatabaseHandle> {
  const connection: pg.ClientConfig = {
    connectionString: url,
    // Text, as the embedded database and drizzle's own queries give them: dates, times and
    // intervals are formatted by SQL (db/sql.ts), never by the driver.
    types: { getTypeParser: textTypeParser },
    // Requests are many and small: a parallel plan's workers cost more to start than they save.
    options: '-c max_parallel_workers_per_gather=0',
    application_name: 'moviedb',
    keepAlive: true,
    ...(timeouts
      ? {
          // Waiting for a free connection, or for a new one to open.
          connectionTimeoutMillis: timeouts.connectMs,
          ...(timeouts.statementMs > 0
            ? {
                // PostgreSQL cancels a statement running longer; the driver gives up on an answer
                // that never comes (a database that stopped answering, a network that drops packets).
                statement_timeout: timeouts.statementMs,
                query_timeout: timeouts.statementMs + QUERY_TIMEOUT_MARGIN_MS,
              }
            : {}),
        }
      : {}),
  };
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

/** How long to give up waiting on the database; the service's defaults are in config.ts. */
export interface DatabaseTimeouts {
  /** Waiting for a connection: a free one of the pool, or a new one opening. */
  connectMs: number;
  /** The longest a statement may run; 0: no limit. */
  statementMs: number;
}

/** Where the database layer reports faults it contained (a pino logger fits). */
export interface DatabaseLog {
  warn(details: object, message: string): void;
}

// The driver's own clock runs a little longer than PostgreSQL's, so that a slow statement is
// cancelled by PostgreSQL (and its connection kept) before the driver gives up on the connection.
const QUERY_TIMEOUT_MARGIN_MS = 1_000;

const TEXT_TYPES = new Set([
  1082, // date
  1083, // time
  1114, // timestamp
  1184, // timestamptz
  1186, // interval
  1266, // timetz
  1182, // date[]
  1183, // time[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1270, // timetz[]
  1231, // numeric[]
]);

function textTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (TEXT_TYPES.has(oid)) return (value) => value;
  return (format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text')) as (value: string) => unknown;
}

/**
 * node-postgres reports a lost connection twice: to the query waiting on it (a rejected promise,
 * answered 503 by the error handler) and as an 'error' event on the client, which would end the
 * process if nobody listened. Every client listens, idle or checked out; the pool removes a broken
 * client and opens another when one is next needed. A client whose answer never came (query_timeout)
 * is closed, so that nothing queues behind a statement the database will never answer.
 */
function containConnectionFaults(pool: pg.Pool, log: DatabaseLog | undefined): void {
  pool.on('error', (err) => log?.warn({ err }, 'an idle database connection failed; the pool replaces it'));
  pool.on('connect', (client) => {
    client.on('error', (err) => log?.warn({ err }, 'a database connection failed'));
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const result = query(...args);
      if (result instanceof Promise) {
        result.catch((error: unknown) => {
          if (error instanceof Error && error.message === 'Query read timeout') closeConnection(client);
        });
      }
      return result;
    };
  });
}

function closeConnection(client: pg.PoolClient): void {
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
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
 * Pipelined connections (besides the pool, and no more than it has): with fewer, a slow search
 * held up the statements sent behind it on its connection (search p99 1.9 s with four, 0.6 s with
 * ten, on the 1M catalogue).
 */
const PIPELINED_CONNECTIONS = 10;

interface PipelinedConnections {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
  end(): Promise<void>;
}

/**
 * A few connections in pipeline mode; each statement goes to the one with the fewest statements
 * in flight, so that a slow one holds up as little as possible behind it. Opened when first
 * needed; one that fails or ends is opened anew for the next statement.
 */
function createPipelinedConnections(config: pg.ClientConfig, count: number, log: DatabaseLog | undefined): PipelinedConnections {
  interface Slot {
    client: Promise<pg.Client>;
    broken: boolean;
    inFlight: number;
  }
  const slots: (Slot | undefined)[] = Array.from({ length: count }, () => undefined);
  let ended = false;
  const open = (index: number): Slot => {
    const client = new pg.Client({ ...config, pipeline: true });
    const slot: Slot = { client: Promise.resolve(client), broken: false, inFlight: 0 };
    const forget = () => {
      slot.broken = true;
      if (slots[index] === slot) slots[index] = undefined;
    };
    client.on('error', (err) => {
      log?.warn({ err }, 'a pipelined database connection failed; the next statement opens another');
      forget();
    });
    client.on('end', forget);
    slot.client = client.connect().then(
      () => client,
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    slots[index] = slot;
    return slot;
  };
  const leastBusy = (): Slot => {
    let best = 0;
    for (let index = 0; index < count; index++) {
      const slot = slots[index];
      if (!slot || slot.broken) return open(index);
      if (slot.inFlight < slots[best]!.inFlight) best = index;
    }
    return slots[best]!;
  };
  return {
    async query(query) {
      if (ended) throw new Error('Cannot use a pool after calling end on the pool');
      const slot = leastBusy();
      slot.inFlight++;
      try {
        return await (await slot.client).query(query);
      } finally {
        slot.inFlight--;
      }
    },
    async end() {
      ended = true;
      await Promise.all(
        slots.map(async (slot) => {
          const client = await slot?.client.catch(() => undefined);
          await client?.end().catch(() => undefined);
        }),
      );
    },
  };
}

const statementNames = new Map<string, string>();

/** One name a statement text, the same on every connection (PostgreSQL allows 63 bytes). */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `s${createHash('sha1').update(text).digest('hex')}`;
    statementNames.set(text, name);
  }
  return name;
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

async function transactionOutcome(
  pool: pg.Pool,
  begun: { id: string; serverStarted: string },
  patienceMs: number,
): Promise<'committed' | 'aborted' | 'unknown'> {
  const deadline = Date.now() + patienceMs;
  for (;;) {
    try {
      const { rows } = await pool.query<{ status: string | null; future: boolean; serverStarted: string }>(
        `select case when $1::xid8 < pg_snapshot_xmax(pg_current_snapshot()) then pg_xact_status($1::xid8) end as status,
                $1::xid8 >= pg_snapshot_xmax(pg_current_snapshot()) as future,
                pg_postmaster_start_time()::text as "serverStarted"`,
        [begun.id],
      );
      const row = rows[0];
      const restarted = row?.serverStarted !== begun.serverStarted;
      // An id the server has not given out yet: the transaction left no trace, it did not commit.
      if (row?.future) return 'aborted';
      if (row?.status === 'aborted') return 'aborted';
      if (row?.status === 'committed') return restarted ? 'unknown' : 'committed';
      // 'in progress': on the same server, the backend has not noticed the broken connection yet;
      // after a restart, the id went to another transaction, so ours left no trace.
      if (row?.status === 'in progress' && restarted) return 'aborted';
    } catch {
      // The database is not back yet.
    }
    if (Date.now() >= deadline) return 'unknown';
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
