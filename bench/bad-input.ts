// What bad input costs the server: oversized and invalid requests sent to a real server process
// (embedded database, a fresh DATA_DIR), each kind 20 times; the server's own CPU time per request
// (from /proc, so the client's work is not counted), the answer's status and size. Then the
// latency of GET /genres alone, and with two connections sending those requests meanwhile, side
// by side. Run: npx tsx bench/bad-input.ts [--cli path/to/dist/cli.js]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readOptions } from './lib/args.js';
import { startService } from '../test/helpers/service-process.js';

const options = readOptions({ cli: { type: 'string' } }, 'Usage: npx tsx bench/bad-input.ts [--cli path/to/dist/cli.js]');
const REPEAT = 20;
const ADMIN = { email: 'bench-admin@example.com', password: 'bench-admin-password' };
const dataDir = mkdtempSync(path.join(tmpdir(), 'moviedb-bench-bad-'));

/** User plus system CPU time of a process, in milliseconds. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / 100;
}

const unknownKeys = (count: number) => Object.fromEntries(Array.from({ length: count }, (_, n) => [`k${String(n).padStart(6, '0')}`, 1]));

const service = await startService(
  {
    DATA_DIR: dataDir,
    DEMO_DATA: 'false',
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    RATE_LIMITS: 'off',
    LOG_LEVEL: 'info',
  },
  options.cli ? { cli: path.resolve(options.cli) } : {},
);
try {
  const base = `${service.baseUrl}/api/v1`;
  const login = (await (
    await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: ADMIN.email, password: ADMIN.password }),
    })
  ).json()) as { accessToken: string };
  const auth = { authorization: `Bearer ${login.accessToken}`, 'content-type': 'application/json' };
  const movie = (await (
    await fetch(`${base}/movies`, { method: 'POST', headers: auth, body: JSON.stringify({ title: 'Bench' }) })
  ).json()) as { id: number };
  const character = (await (
    await fetch(`${base}/movies/${movie.id}/characters`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ name: 'Crowd', role: 'background' }),
    })
  ).json()) as { id: number };

  const kinds: { name: string; url: string; method: string; headers: Record<string, string>; body: string }[] = [
    {
      name: 'sign-up, 650 KB, 60,000 unknown keys (anonymous)',
      url: `${base}/auth/register`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'big_one', email: 'big@example.com', password: 'long enough password', ...unknownKeys(60_000) }),
    },
    {
      name: 'performers, 200,000 bad items (editor)',
      url: `${base}/characters/${character.id}/actors`,
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ actorIds: Array.from({ length: 200_000 }, (_, n) => `x${n}`) }),
    },
    {
      name: 'sign-up, 48 KB, 4,000 unknown keys (within the limit)',
      url: `${base}/auth/register`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'keys_one', email: 'keys@example.com', password: 'long enough password', ...unknownKeys(4_000) }),
    },
    {
      name: 'performers, 48 KB, 12,000 bad items (within the limit)',
      url: `${base}/characters/${character.id}/actors`,
      method: 'PUT',
      headers: auth,
      body: JSON.stringify({ actorIds: Array.from({ length: 12_000 }, () => 'x') }),
    },
  ];

  const rows = [];
  for (const kind of kinds) {
    let status = 0;
    let bytes = 0;
    let slowest = 0;
    const before = cpuMs(service.pid);
    for (let n = 0; n < REPEAT; n++) {
      const started = performance.now();
      try {
        const response = await fetch(kind.url, { method: kind.method, headers: kind.headers, body: kind.body });
        const answer = await response.arrayBuffer();
        status = response.status;
        bytes = answer.byteLength;
      } catch {
        // Answered and closed before the body was all sent (413): counted, with its time.
        status = status || -1;
      }
      slowest = Math.max(slowest, performance.now() - started);
    }
    rows.push({
      request: kind.name,
      'request KB': Math.round(kind.body.length / 1024),
      status,
      'answer bytes': bytes,
      'server CPU ms per request': Math.round(((cpuMs(service.pid) - before) / REPEAT) * 10) / 10,
      'slowest answer ms': Math.round(slowest),
    });
  }
  console.table(rows);

  // GET /genres alone, then with two connections sending the bad requests, for 5 s each.
  const genresLatency = async (seconds: number) => {
    const times: number[] = [];
    const until = performance.now() + seconds * 1000;
    while (performance.now() < until) {
      const started = performance.now();
      await (await fetch(`${base}/genres`)).arrayBuffer();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => Math.round(times[Math.min(times.length - 1, Math.floor(times.length * q))]! * 10) / 10;
    return { requests: times.length, 'p50 ms': at(0.5), 'p99 ms': at(0.99) };
  };
  const quiet = await genresLatency(5);
  let flooding = true;
  const floods = [0, 1].map(async (connection) => {
    for (let n = 0; flooding; n++) {
      const kind = kinds[(n + connection) % 2]!;
      // A server that refuses a body past its limit may close the connection before it is all sent.
      await fetch(kind.url, { method: kind.method, headers: kind.headers, body: kind.body }).then(
        (response) => response.arrayBuffer(),
        () => undefined,
      );
    }
  });
  const loud = await genresLatency(5);
  flooding = false;
  await Promise.all(floods);
  console.table([
    { 'GET /genres': 'alone', ...quiet },
    { 'GET /genres': 'with 2 connections sending the oversized requests', ...loud },
  ]);
} finally {
  await service.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
