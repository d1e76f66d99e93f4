// Restarts a service's database under load and judges every answer: the fault test runs it 10
// times over, bench/restarts.ts as often as asked (and against another build, for comparison).
import type { Answer, Catalogue } from './fault-workload.js';
import { createMovie, startWorkload, storedCreates, waitUntilReady } from './fault-workload.js';
import type { ThrowawayCluster } from './pg-cluster.js';
import type { ServiceProcess } from './service-process.js';

export interface RestartRound {
  mode: 'fast' | 'immediate';
  /** From the stop command to the database accepting connections again. */
  downMs: number;
  /** From the database accepting connections to /ready answering 200. */
  recoveryMs: number;
  /** Answers to requests that started while the database was down or coming back. */
  answers: number;
  unavailable: number;
}

export interface RestartOutcome {
  rounds: RestartRound[];
  /** Whether the service process was still running at the end. */
  survived: boolean;
  exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  answers: Answer[];
  /** Every broken promise, in words; empty when all held. */
  violations: string[];
}

/** The answers the contract allows under a database fault, beyond 2xx. */
const OUTCOME_UNKNOWN = /whether it was saved is unknown/;
/** No request may wait longer: the connect timeout, the wait for a lost COMMIT's outcome, and slack. */
const LONGEST_WAIT_MS = 15_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function restartUnderLoad({
  cluster,
  service,
  catalogue,
  restarts,
  outageMs = 1_500,
  loadMs = 1_200,
  prefix = 'restart',
  databaseUrl,
}: {
  cluster: ThrowawayCluster;
  service: ServiceProcess;
  catalogue: Catalogue;
  restarts: number;
  outageMs?: number;
  loadMs?: number;
  prefix?: string;
  /** The service's database, read directly for the checks. */
  databaseUrl: string;
}): Promise<RestartOutcome> {
  const workload = startWorkload(service.baseUrl, catalogue, { prefix });
  const rounds: RestartRound[] = [];
  for (let round = 0; round < restarts && !service.exit(); round++) {
    await pause(loadMs);
    const mode = round % 2 === 0 ? 'fast' : 'immediate';
    const down = Date.now();
    await cluster.stop(mode);
    await pause(outageMs);
    await cluster.start();
    const up = Date.now();
    let recoveryMs = Number.NaN;
    try {
      recoveryMs = await waitUntilReady(service.baseUrl);
    } catch {
      // Judged below: a service that never gets ready again breaks the contract.
    }
    const during = workload.answers.filter((answer) => answer.started >= down && answer.started <= up + recoveryMs);
    rounds.push({
      mode,
      downMs: up - down,
      recoveryMs,
      answers: during.length,
      unavailable: during.filter((answer) => answer.status === 503).length,
    });
  }
  await pause(loadMs);
  const answers = await workload.stop();
  const survived = service.exit() === null;
  const violations: string[] = [];
  if (!survived) violations.push(`the service exited: ${JSON.stringify(service.exit())}`);
  for (const round of rounds) {
    if (!(round.recoveryMs <= 5_000)) violations.push(`not ready within 5 s of the database's return: ${round.recoveryMs} ms`);
  }
  if (survived) violations.push(...(await judgeAnswers(service.baseUrl, catalogue, answers, databaseUrl, prefix)));
  return { rounds, survived, exit: service.exit(), answers, violations };
}

/**
 * Every answer is a 2xx, or a 503 problem details with Retry-After; none took longer than the
 * bound; every create answered 2xx is stored whole and once, none refused is stored, and one
 * whose outcome the service could not learn is settled by a retry with its Idempotency-Key.
 */
export async function judgeAnswers(
  baseUrl: string,
  catalogue: Catalogue,
  answers: Answer[],
  databaseUrl: string,
  prefix: string,
  { allowNoAnswer = () => false }: { allowNoAnswer?: (answer: Answer) => boolean } = {},
): Promise<string[]> {
  const violations: string[] = [];
  const inDoubt: Answer[] = [];
  for (const answer of answers) {
    const what = `${answer.kind} ${answer.title ?? ''} (${answer.status}${answer.error ? `: ${answer.error}` : ''})`;
    if (answer.ms > LONGEST_WAIT_MS) violations.push(`${what} waited ${answer.ms} ms`);
    if (answer.status === 'error') {
      if (!allowNoAnswer(answer)) violations.push(`${what}: no answer`);
      else if (answer.kind === 'create') inDoubt.push(answer);
      continue;
    }
    if (answer.status >= 200 && answer.status < 300) continue;
    if (answer.status !== 503) {
      violations.push(`${what}: neither 2xx nor 503`);
      continue;
    }
    if (!answer.contentType?.startsWith('application/problem+json')) violations.push(`${what}: a 503 that is not problem details`);
    if (!answer.retryAfter) violations.push(`${what}: a 503 without Retry-After`);
    if (answer.kind === 'create' && OUTCOME_UNKNOWN.test(answer.detail ?? '')) inDoubt.push(answer);
  }

  // Settle the creates in doubt the way a client would: the same request, the same key.
  const settled = new Map<string, Answer>();
  for (const answer of inDoubt) {
    const retry = await createMovie(baseUrl, catalogue, answer.title!, answer.key);
    settled.set(answer.title!, retry);
    if (retry.status !== 201) violations.push(`the retry of ${answer.title} with its key answered ${retry.status}`);
  }

  const stored = await storedCreates(databaseUrl, prefix);
  for (const answer of answers) {
    if (answer.kind !== 'create') continue;
    const row = stored.get(answer.title!);
    const ok = answer.status === 201 || settled.get(answer.title!)?.status === 201;
    if (ok && !row) violations.push(`${answer.title} was answered 201 but is not stored`);
    if (!ok && row && answer.status !== 'error') violations.push(`${answer.title} was answered ${answer.status} but is stored`);
  }
  for (const [title, row] of stored) {
    if (row.rows !== 1) violations.push(`${title} is stored ${row.rows} times`);
    if (row.rows === 1 && (row.genres !== catalogue.genreIds.length || row.directorId !== catalogue.directorId)) {
      violations.push(`${title} is stored partly: ${row.genres} genres, director ${row.directorId}`);
    }
  }
  return violations;
}

/** The figures a report quotes: answers by status, and the rounds' recovery times. */
export function summarize(outcome: RestartOutcome) {
  const byStatus: Record<string, number> = {};
  for (const answer of outcome.answers) byStatus[String(answer.status)] = (byStatus[String(answer.status)] ?? 0) + 1;
  const recoveries = outcome.rounds.map((round) => round.recoveryMs).filter(Number.isFinite);
  return {
    survived: outcome.survived,
    rounds: outcome.rounds.length,
    answers: outcome.answers.length,
    byStatus,
    recoveryMs: {
      max: recoveries.length ? recoveries.reduce((a, b) => Math.max(a, b)) : null,
      median: recoveries.length ? recoveries.sort((a, b) => a - b)[Math.floor(recoveries.length / 2)] : null,
    },
    longestAnswerMs: outcome.answers.reduce((longest, answer) => Math.max(longest, answer.ms), 0),
    violations: outcome.violations.length,
  };
}
