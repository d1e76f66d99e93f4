// Drives one scenario with autocannon and keeps the figures the report shows. Anything but a 2xx
// answer counts as an error, with connection errors and timeouts (autocannon counts timeouts
// among its errors).
import autocannon from 'autocannon';
import type { Sql } from 'postgres';
import type { LoadPlan } from './scenarios.js';

export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  detail: { connectionErrors: number; timeouts: number; non2xx: number; statusCodes: Record<string, number> };
}

export async function runLoad(baseUrl: string, plan: LoadPlan, connections: number, seconds: number): Promise<LoadFigures> {
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 10,
    requests: plan.requests,
    ...(plan.setupClient ? { setupClient: plan.setupClient } : {}),
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, stats] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = stats.count ?? 0;
  return {
    requests: result.requests.total,
    requestsPerSecond: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
    detail: { connectionErrors: result.errors - result.timeouts, timeouts: result.timeouts, non2xx: result.non2xx, statusCodes },
  };
}

/**
 * Waits until the server's statements have finished, so that one scenario's backlog (requests the
 * load generator gave up on still run in PostgreSQL) does not slow the next one; after `seconds`,
 * cancels what still runs. Returns how many statements were cancelled.
 */
export async function waitForIdleDatabase(sql: Sql, seconds: number): Promise<number> {
  const deadline = Date.now() + seconds * 1000;
  const others = sql`datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend' and state = 'active'`;
  while (Date.now() < deadline) {
    const [row] = await sql<{ active: number }[]>`select count(*)::int as active from pg_stat_activity where ${others}`;
    if (!row || row.active === 0) return 0;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const [row] = await sql<{ cancelled: number }[]>`
    select count(*) filter (where pg_cancel_backend(pid))::int as cancelled from pg_stat_activity where ${others}`;
  return row?.cancelled ?? 0;
}
