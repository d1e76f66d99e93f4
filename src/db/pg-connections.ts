// node-postgres underneath the PostgreSQL handle (database.ts): the settings of a connection,
// containing the faults of lost connections, and the pipelined connections that carry the
// statements outside transactions. Nothing here knows drizzle or the schema.
import { createHash } from 'node:crypto';
import pg from 'pg';

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

export function textTypeParser(oid: number, format?: 'text' | 'binary'): (value: string) => unknown {
  if (TEXT_TYPES.has(oid)) return (value) => value;
  return (format === 'binary' ? pg.types.getTypeParser(oid, 'binary') : pg.types.getTypeParser(oid, 'text')) as (value: string) => unknown;
}

/** The settings of every connection the service opens to PostgreSQL. */
export function connectionConfig(url: string, timeouts: DatabaseTimeouts | undefined): pg.ClientConfig {
  return {
    connectionString: url,
    // Text, as the embedded database and drizzle's own queries give them: dates, times and
    // intervals are formatted by SQL (db/sql.ts), never by the driver.
    types: { getTypeParser: textTypeParser },
    // Requests are many and small: a parallel plan's workers cost more to start than they save,
    // and compiling a plan (JIT, for a statement the planner expects to be costly) took 27 ms of a
    // 30 ms search at 1M titles.
    options: '-c max_parallel_workers_per_gather=0 -c jit=off',
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
}

/**
 * node-postgres reports a lost connection twice: to the query waiting on it (a rejected promise,
 * answered 503 by the error handler) and as an 'error' event on the client, which would end the
 * process if nobody listened. Every client listens, idle or checked out; the pool removes a broken
 * client and opens another when one is next needed. A client whose answer never came (query_timeout)
 * is closed, so that nothing queues behind a statement the database will never answer.
 */
export function containConnectionFaults(pool: pg.Pool, log: DatabaseLog | undefined): void {
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

/**
 * Pipelined connections (besides the pool, and no more than it has): with fewer, a slow search
 * held up the statements sent behind it on its connection (search p99 1.9 s with four, 0.6 s with
 * ten, on the 1M catalogue).
 */
export const PIPELINED_CONNECTIONS = 10;

export interface PipelinedConnections {
  query(config: pg.QueryConfig): Promise<pg.QueryResult>;
  end(): Promise<void>;
}

/**
 * A few connections in pipeline mode; each statement goes to the one with the fewest statements
 * in flight, so that a slow one holds up as little as possible behind it. Opened when first
 * needed; one that fails or ends is opened anew for the next statement.
 */
export function createPipelinedConnections(config: pg.ClientConfig, count: number, log: DatabaseLog | undefined): PipelinedConnections {
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
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `s${createHash('sha1').update(text).digest('hex')}`;
    statementNames.set(text, name);
  }
  return name;
}

export async function transactionOutcome(
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
