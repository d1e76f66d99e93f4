// The ceiling of a scenario: the same work its endpoint does (the same statements, through the
// project's own database handle, driver and services), with as many concurrent callers as the load
// has connections and the server's pool size, and no HTTP in between. For movie details that is
// one statement, the raw-SQL ceiling; the API's throughput divided by it says what HTTP costs.
// Where even the ceiling's p99 is over a latency target, no HTTP layer can meet that target at that
// concurrency on that machine: the database's own queueing is already above it.
import { type DatabaseHandle, openDatabase } from '../../src/db/database.js';
import { type Random, createRandom } from './random.js';

/** The server's pool (and as many pipelined connections): openDatabase's default, which the server does not change (src/db/database.ts). */
export const SERVER_POOL_SIZE = 10;

export interface CeilingResult {
  statementsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** What the first failed call threw, if any failed. */
  firstError?: string;
}

/** One call of a scenario's work without HTTP; its inputs drawn from `random`, as the load draws them. */
export type DirectCall = (random: Random) => Promise<void>;

export async function openCeilingDatabase(databaseUrl: string): Promise<DatabaseHandle> {
  return openDatabase({ kind: 'postgres', url: databaseUrl, maxConnections: SERVER_POOL_SIZE });
}

export async function measureCeiling(
  call: DirectCall,
  options: { callers: number; warmupSeconds: number; seconds: number; part: number },
): Promise<CeilingResult> {
  const random = createRandom(7, 100 + options.part);
  const once = () => call(random);
  await callInLoop(once, options.callers, options.warmupSeconds);
  const { latencies, errors, firstError } = await callInLoop(once, options.callers, options.seconds);
  latencies.sort((a, b) => a - b);
  return {
    statementsPerSecond: latencies.length / options.seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    errors,
    ...(firstError === undefined ? {} : { firstError }),
  };
}

/** `callers` loops calling `call` back to back until the time is up; the latency of each call. */
async function callInLoop(call: () => Promise<void>, callers: number, seconds: number) {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  const until = performance.now() + seconds * 1000;
  const caller = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      try {
        await call();
        latencies.push(performance.now() - started);
      } catch (error) {
        errors++;
        firstError ??= error instanceof Error ? error.message : String(error);
      }
    }
  };
  await Promise.all(Array.from({ length: callers }, caller));
  return { latencies, errors, firstError };
}

function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))]!;
}
