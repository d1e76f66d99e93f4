// The raw-SQL ceiling of movie details: the project's own query (findMovieDetails), through the
// project's own database handle and driver, with as many concurrent callers as the load has
// connections and the server's pool size, with no HTTP in between. The API's movie details
// throughput divided by this says what the HTTP layer costs.
import { openDatabase } from '../../src/db/database.js';
import { findMovieDetails } from '../../src/modules/movies/movies.queries.js';
import { createRandom } from './random.js';

/** The server's pool: openDatabase's default, which the server does not change (src/db/database.ts). */
export const SERVER_POOL_SIZE = 10;

export interface CeilingResult {
  statementsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  /** What the first failed call threw, if any failed. */
  firstError?: string;
}

export async function measureMovieDetailsCeiling(options: {
  databaseUrl: string;
  movieIds: { min: number; max: number };
  callers: number;
  warmupSeconds: number;
  seconds: number;
}): Promise<CeilingResult> {
  const handle = await openDatabase({ kind: 'postgres', url: options.databaseUrl, maxConnections: SERVER_POOL_SIZE });
  const random = createRandom(7, 9);
  try {
    const call = async () => {
      const movieId = random.int(options.movieIds.min, options.movieIds.max);
      const details = await findMovieDetails(handle.db, movieId);
      if (!details) throw new Error(`movie ${movieId} not found`);
    };
    await callInLoop(call, options.callers, options.warmupSeconds);
    const { latencies, errors, firstError } = await callInLoop(call, options.callers, options.seconds);
    latencies.sort((a, b) => a - b);
    return {
      statementsPerSecond: latencies.length / options.seconds,
      p50Ms: percentile(latencies, 0.5),
      p99Ms: percentile(latencies, 0.99),
      errors,
      ...(firstError === undefined ? {} : { firstError }),
    };
  } finally {
    await handle.close();
  }
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
