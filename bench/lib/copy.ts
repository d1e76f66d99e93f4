// Streams generated rows into a table with COPY ... FROM STDIN (text format), in large chunks and
// with backpressure, so that millions of rows go in without ever being held in memory together.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Sql } from 'postgres';

export type CopyValue = string | number | null;

export interface CopyTarget {
  table: string;
  columns: readonly string[];
}

export interface CopyStream {
  /** Queues one row; call `drained()` now and then to let the database catch up. */
  row(values: readonly CopyValue[]): void;
  /** Resolves at once while little is queued; otherwise sends the queue and waits for room. */
  drained(): Promise<void> | undefined;
  /** Sends the rest and waits until the table has every row; returns how many were sent. */
  end(): Promise<number>;
}

// Large enough that the per-write overhead vanishes, small enough to stay cheap in memory.
const CHUNK_CHARS = 256 * 1024;
const SPECIAL = /[\\\t\n\r]/;

export async function openCopy(sql: Sql, target: CopyTarget): Promise<CopyStream> {
  // A connection of its own: its backend pid lets us see whether the COPY is still running.
  const connection = await sql.reserve();
  const [backend] = await connection<{ pid: number }[]>`select pg_backend_pid() as pid`;
  const columns = target.columns.map((column) => `"${column}"`).join(', ');
  const stream: Writable = await connection.unsafe(`copy ${target.table} (${columns}) from stdin`).writable();
  let failure: Error | undefined;
  stream.on('error', (error: Error) => (failure ??= error));

  let queue = '';
  let rows = 0;
  const send = async () => {
    if (failure) throw copyFailed(target, failure);
    const chunk = queue;
    queue = '';
    // once() also rejects if the stream errors meanwhile.
    if (!stream.write(chunk)) await once(stream, 'drain');
    if (failure) throw copyFailed(target, failure);
  };

  return {
    row(values) {
      queue += values.map(copyText).join('\t') + '\n';
      rows++;
    },
    drained: () => (queue.length >= CHUNK_CHARS ? send() : undefined),
    async end() {
      if (queue) await send();
      stream.end();
      try {
        await finished(sql, stream, backend!.pid, target);
      } finally {
        connection.release();
      }
      return rows;
    },
  };
}

/** One value in COPY's text format: \N for null, backslash escapes for the few special characters. */
function copyText(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'number') return String(value);
  if (!SPECIAL.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/**
 * Waits for the COPY to finish. postgres.js reports a row the server refuses only while the stream
 * is still open: a refusal that comes after the last write would leave 'finish' pending forever.
 * So the backend is watched too: once it is idle and no 'finish' came, the COPY failed.
 */
async function finished(sql: Sql, stream: Writable, pid: number, target: CopyTarget): Promise<void> {
  let done = false;
  const finish = once(stream, 'finish').then(() => (done = true));
  for (;;) {
    const settled = await Promise.race([finish.then(() => true), delay(1000).then(() => false)]);
    if (settled) return;
    const [activity] = await sql<{ state: string | null }[]>`select state from pg_stat_activity where pid = ${pid}`;
    if (activity?.state !== 'active') {
      await delay(500);
      if (!done)
        throw copyFailed(target, new Error(`the server ended the COPY (backend ${pid} is ${activity?.state ?? 'gone'}); its log says why`));
    }
  }
}

function copyFailed(target: CopyTarget, cause: Error): Error {
  return new Error(`COPY into ${target.table} failed: ${cause.message}`, { cause });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
