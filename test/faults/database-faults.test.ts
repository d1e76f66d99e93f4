// The service as a real process on a throwaway PostgreSQL cluster of its own, broken on purpose:
// restarted 10 times under a mixed read and write load, taken away, frozen, its connection cut
// right after a COMMIT; then the service itself killed mid-write and stopped under load. What
// must hold: the process stays up; every answer is a 2xx or a 503 problem details with
// Retry-After; ready again within 5 s of the database's return; every write answered 2xx is
// stored, none answered as a failure is, none partly. Needs PostgreSQL's server binaries (initdb,
// pg_ctl); skipped, and said so at the end of the run, where there are none (CI fails instead).
import { execFile } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Catalogue, createMovie, prepareCatalogue, startWorkload, storedCreates, waitUntilReady } from '../helpers/fault-workload.js';
import { clusterUnavailableReason, createThrowawayCluster, type ThrowawayCluster } from '../helpers/pg-cluster.js';
import { type CuttingProxy, startCuttingProxy } from '../helpers/pg-proxy.js';
import { judgeAnswers, restartUnderLoad, summarize } from '../helpers/restart-scenario.js';
import { type ServiceProcess, startService } from '../helpers/service-process.js';

const run = promisify(execFile);
const unavailable = clusterUnavailableReason();
if (unavailable && process.env.CI)
  throw new Error(`The fault tests cannot make a PostgreSQL cluster here, and CI must run them: ${unavailable}`);

const ADMIN = { email: 'fault-admin@example.com', password: 'fault-admin-password' };
const JWT_SECRET = randomBytes(32).toString('hex');

let cluster: ThrowawayCluster;
let databaseUrl: string;
let service: ServiceProcess | undefined;
let catalogue: Catalogue;
/** An API key of the admin's, for the /3 surface. */
let apiKey: string;

const serve = (url = databaseUrl, extra: Record<string, string> = {}) =>
  startService({ DATABASE_URL: url, JWT_SECRET, ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, RATE_LIMITS: 'off', ...extra });

async function get(path: string) {
  const started = Date.now();
  const response = await fetch(`${service!.baseUrl}${path}`, { signal: AbortSignal.timeout(30_000) });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: text ? (JSON.parse(text) as Record<string, unknown>) : {},
    ms: Date.now() - started,
  };
}

/** The PIDs of the cluster's postmaster and its children, for freezing it. */
async function clusterPids(port: number): Promise<number[]> {
  const { stdout } = await run('pgrep', ['-f', `postgres .*-p ${port}`]);
  const postmaster = stdout.split('\n').filter(Boolean).map(Number);
  const children = await Promise.all(
    postmaster.map((pid) =>
      run('pgrep', ['-P', String(pid)]).then(
        ({ stdout: out }) => out.split('\n').filter(Boolean).map(Number),
        () => [],
      ),
    ),
  );
  return [...postmaster, ...children.flat()];
}

describe.skipIf(unavailable !== undefined)('the service under database faults', () => {
  beforeAll(async () => {
    cluster = await createThrowawayCluster();
    await cluster.psql('postgres', 'create database moviedb');
    databaseUrl = cluster.url('moviedb');
    service = await serve();
    catalogue = await prepareCatalogue(service.baseUrl, ADMIN);
    const made = await fetch(`${service.baseUrl}/api/v1/me/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${catalogue.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'faults' }),
    });
    apiKey = ((await made.json()) as { key: string }).key;
  }, 180_000);

  afterAll(async () => {
    await service?.stop();
    await cluster?.destroy();
  });

  it('survives 10 restarts of PostgreSQL (fast and immediate) under a mixed load, keeping every promise', async () => {
    const outcome = await restartUnderLoad({ cluster, service: service!, catalogue, restarts: 10, prefix: 'restart', databaseUrl });
    console.log(`10 restarts: ${JSON.stringify(summarize(outcome))}; rounds ${JSON.stringify(outcome.rounds)}`);
    expect(outcome.violations).toEqual([]);
    expect(outcome.survived).toBe(true);
    expect(outcome.rounds).toHaveLength(10);
    // The load did meet the outages: answers of both kinds on both sides of them.
    expect(outcome.answers.some((answer) => answer.status === 503)).toBe(true);
    expect(outcome.answers.filter((answer) => answer.kind === 'create' && answer.status === 201).length).toBeGreaterThan(20);
  }, 300_000);

  it('answers 503 at once while the database is away, and is ready again within 5 s of its return', async () => {
    await cluster.stop('fast');
    const waits: Record<string, number> = {};
    try {
      for (const path of ['/api/v1/movies/' + catalogue.movieIds[0], '/api/v1/genres', '/ready']) {
        const answer = await get(path);
        waits[path] = answer.ms;
        expect(answer.status, path).toBe(503);
        expect(answer.headers.get('content-type'), path).toMatch(/^application\/problem\+json/);
        expect(answer.headers.get('retry-after'), path).toBe('2');
        expect(answer.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
        // Refused connections are known at once; the connect timeout (5 s) bounds the rest.
        expect(answer.ms, path).toBeLessThan(5_000);
      }
      const write = await createMovie(service!.baseUrl, catalogue, 'away-1');
      expect(write.status).toBe(503);
      // The TMDB-compatible surface: its key lookup, a movie and a list, in TMDB's error form.
      for (const path of [`/3/movie/${1_000_000_000 + catalogue.movieIds[0]!}`, '/3/discover/movie?with_genres=28']) {
        const answer = await get(`${path}${path.includes('?') ? '&' : '?'}api_key=${apiKey}`);
        expect(answer.status, path).toBe(503);
        expect(answer.headers.get('retry-after'), path).toBe('2');
        expect(answer.body, path).toMatchObject({ success: false, status_code: 9 });
        expect(String(answer.body.status_message), path).toMatch(/offline/);
        expect(answer.ms, path).toBeLessThan(5_000);
      }
    } finally {
      await cluster.start();
    }
    const readyMs = await waitUntilReady(service!.baseUrl);
    console.log(`database away: answered 503 in ${JSON.stringify(waits)} ms; ready ${readyMs} ms after its return`);
    expect(readyMs).toBeLessThanOrEqual(5_000);
    expect((await storedCreates(databaseUrl, 'away')).size).toBe(0);
    expect((await get(`/api/v1/movies/${catalogue.movieIds[0]}`)).status).toBe(200);
    const back = await get(`/3/movie/${1_000_000_000 + catalogue.movieIds[0]!}?api_key=${apiKey}`);
    expect(back.status).toBe(200);
    expect(back.body.title).toBe('steady-0');
  }, 60_000);

  it('answers within the timeouts when the database stops answering (frozen), and recovers when it thaws', async () => {
    const pids = await clusterPids(cluster.port);
    expect(pids.length).toBeGreaterThan(1);
    await run('kill', ['-STOP', ...pids.map(String)]);
    let answers: Awaited<ReturnType<typeof get>>[];
    try {
      answers = await Promise.all([get(`/api/v1/movies/${catalogue.movieIds[1]}`), get('/api/v1/genres'), get('/ready')]);
    } finally {
      await run('kill', ['-CONT', ...pids.map(String)]);
    }
    for (const answer of answers) {
      expect(answer.status).toBe(503);
      expect(answer.body).toMatchObject({ status: 503 });
      // The statement timeout (5 s) and the driver's margin (1 s) bound the wait.
      expect(answer.ms).toBeLessThan(15_000);
    }
    const readyMs = await waitUntilReady(service!.baseUrl);
    console.log(
      `database frozen: answered 503 after ${answers.map((answer) => answer.ms).join(', ')} ms (a movie, genres, /ready); ready ${readyMs} ms after it thawed`,
    );
    expect(readyMs).toBeLessThanOrEqual(5_000);
    expect((await get(`/api/v1/movies/${catalogue.movieIds[1]}`)).status).toBe(200);
  }, 90_000);

  describe('a connection cut right after PostgreSQL confirmed a COMMIT', () => {
    let proxy: CuttingProxy;
    let proxied: ServiceProcess;
    let proxiedCatalogue: Catalogue;
    beforeAll(async () => {
      proxy = await startCuttingProxy({ host: '127.0.0.1', port: cluster.port });
      const url = new URL(databaseUrl);
      url.port = String(proxy.port);
      proxied = await serve(url.toString());
      proxiedCatalogue = { ...catalogue, token: await prepareCatalogueToken(proxied.baseUrl) };
    }, 120_000);
    afterAll(async () => {
      await proxied?.stop();
      await proxy?.close();
    });

    it('answers the create as done (PostgreSQL says it committed), and a retry with its key gets the same answer and no second row', async () => {
      proxy.cutAfterNextCommit();
      const key = randomUUID();
      const first = await createMovie(proxied.baseUrl, proxiedCatalogue, 'cut-after-commit', key);
      expect(proxy.cuts()).toBe(1);
      expect(first.status).toBe(201);
      const retry = await createMovie(proxied.baseUrl, proxiedCatalogue, 'cut-after-commit', key);
      expect(retry.status).toBe(201);
      expect(retry.replayed).toBe(true);
      const stored = await storedCreates(databaseUrl, 'cut');
      expect(stored.get('cut-after-commit')).toEqual({ rows: 1, genres: 3, directorId: catalogue.directorId });
    });
  });

  it('loses nothing when the service is killed (SIGKILL) mid-write: every create answered 201 is stored whole', async () => {
    const workload = startWorkload(service!.baseUrl, catalogue, { workers: 6, writeShare: 1, prefix: 'killed' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    service!.signal('SIGKILL');
    expect(await service!.exited).toMatchObject({ signal: 'SIGKILL' });
    const answers = await workload.stop();
    expect(answers.filter((answer) => answer.status === 201).length).toBeGreaterThan(5);
    console.log(
      `SIGKILL mid-write: ${answers.filter((a) => a.status === 201).length} creates answered 201 before the kill, ` +
        `${answers.filter((a) => a.status === 'error').length} cut off by it`,
    );
    service = await serve();
    // Requests cut by the kill are in doubt: their retry with the same key settles them.
    const violations = await judgeAnswers(service.baseUrl, catalogue, answers, databaseUrl, 'killed', {
      allowNoAnswer: () => true,
    });
    expect(violations).toEqual([]);
  }, 120_000);

  it('answers every request in flight when stopped (SIGTERM) under load, then exits 0', async () => {
    const workload = startWorkload(service!.baseUrl, catalogue, { workers: 6, writeShare: 0.5, prefix: 'stopped' });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Sign-ins take a while (argon2, at most one per core at once): once the service has logged
    // their arrival, they are in flight when the signal comes, however busy the machine is.
    const loginIds = Array.from({ length: 4 }, (_, index) => `sigterm-login-${index}-${Date.now()}`);
    const logins = loginIds.map((requestId) =>
      fetch(`${service!.baseUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-request-id': requestId },
        body: JSON.stringify({ login: ADMIN.email, password: ADMIN.password }),
      }).then(
        (response) => response.status,
        (error: unknown) => String(error),
      ),
    );
    const arrived = () => loginIds.every((id) => service!.logs.some((line) => line.reqId === id && line.msg === 'incoming request'));
    for (const deadline = Date.now() + 30_000; !arrived();) {
      if (Date.now() > deadline) throw new Error('the sign-ins did not reach the service within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const signalled = Date.now();
    service!.signal('SIGTERM');
    const exit = await service!.exited;
    const stoppedMs = Date.now() - signalled;
    const answers = await workload.stop();
    service = undefined;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(await Promise.all(logins)).toEqual([200, 200, 200, 200]);
    console.log(`SIGTERM under load: exited 0 after ${stoppedMs} ms; the 4 sign-ins in flight answered 200`);
    // Sent around the signal or after it: answered 2xx or 503 problem details, or not connected at all.
    const late = answers.filter((answer) => answer.started >= signalled - 200);
    for (const answer of late) {
      if (answer.status === 'error') continue;
      expect([200, 201, 503]).toContain(answer.status);
      if (answer.status === 503) expect(answer.contentType).toMatch(/^application\/problem\+json/);
    }
    service = await serve();
    const violations = await judgeAnswers(service.baseUrl, catalogue, answers, databaseUrl, 'stopped', {
      allowNoAnswer: (answer) => answer.started >= signalled - 200,
    });
    expect(violations).toEqual([]);
  }, 120_000);
});

/** A fresh access token from a service on the same database (the same admin). */
async function prepareCatalogueToken(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: ADMIN.email, password: ADMIN.password }),
  });
  const body = (await response.json()) as { accessToken: string };
  return body.accessToken;
}
