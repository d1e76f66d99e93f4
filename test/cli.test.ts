// The command line as an operator meets it: a real process, its exit code and its output.
import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from '../src/db/database.js';
import { createEmptyPostgresDatabase, query, TEST_DATABASE_URL } from './helpers/database.js';

const CLI = path.resolve('src/cli.ts');
const MIGRATION_COUNT = (JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] })
  .entries.length;

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

function baseEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'info', HOST: '127.0.0.1' };
  return { ...env, ...extra };
}

function start(args: string[], env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: baseEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
}

function finish(child: ChildProcess): Promise<Finished> {
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

const run = (args: string[], env: Record<string, string>) => finish(start(args, env));

interface LogLine {
  msg?: string;
  migrationsApplied?: number;
  [key: string]: unknown;
}

/** Starts `serve` and resolves once it listens, with its address and the log lines so far. */
async function serve(env: Record<string, string>) {
  const child = start(['serve'], { PORT: '0', ...env });
  const logs: LogLine[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  const address = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const entry = JSON.parse(line) as LogLine;
      logs.push(entry);
      const match = /^Server listening at (http:\/\/127\.0\.0\.1:\d+)$/.exec(entry.msg ?? '');
      if (match) resolve(match[1]!);
    });
    void exited.then((code) => reject(new Error(`serve exited with ${code} before listening: ${stderr}`)));
  });
  return {
    address,
    logs,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('bad configuration', () => {
  it.each([
    [{ PORT: 'abc' }, 'PORT must be a whole number from 0 to 65535 (got "abc")'],
    [{ DATABASE_URL: 'postgres://us er@db:port/x' }, 'DATABASE_URL is not a valid URL'],
    [{ DATABASE_URL: 'mysql://db/x' }, 'DATABASE_URL must be a postgres:// or postgresql:// connection URL'],
  ])('%o stops the process with a non-zero exit and a message naming the variable', async (env, message) => {
    for (const command of ['serve', 'migrate']) {
      const result = await run([command], env);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(message);
      // One clear message, not a stack trace.
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });
});

// The PostgreSQL run (TEST_DATABASE_URL set) serves from a fresh, empty database on that server.
const modes: [string, boolean][] = TEST_DATABASE_URL ? [['PostgreSQL', true]] : [['embedded PGlite', false]];

describe('the signing secret', () => {
  it('is required with DATABASE_URL, where several processes must share it', async () => {
    const result = await run(['serve'], { DATABASE_URL: 'postgres://app@127.0.0.1:1/moviedb' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('JWT_SECRET is required when DATABASE_URL is set');
  });
});

describe('an unreachable database', () => {
  it('stops the process with a message naming DATABASE_URL, without the password', async () => {
    const result = await run(['migrate'], { DATABASE_URL: 'postgres://app:s3cret@127.0.0.1:1/moviedb' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('Cannot reach the PostgreSQL database at 127.0.0.1:1/moviedb (DATABASE_URL)');
    expect(result.stderr).not.toContain('s3cret');
  });
});

describe.each(modes)('serving on %s', (_name, usesPostgres) => {
  let dataDir: string;
  let env: Record<string, string>;
  let dropDatabase: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'moviedb-cli-'));
    env = { DATA_DIR: dataDir, ADMIN_EMAIL: 'Chief.Admin@example.com', ADMIN_PASSWORD: 'admin password 123' };
    if (usesPostgres) {
      const empty = await createEmptyPostgresDatabase();
      env.DATABASE_URL = empty.url;
      env.JWT_SECRET = 'a shared secret of at least thirty-two characters';
      dropDatabase = () => empty.drop();
    }
  });
  afterAll(async () => {
    await dropDatabase?.();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('migrates on first start, answers /health, stops on SIGTERM, and finds everything in place on restart', async () => {
    const first = await serve(env);
    const health = await fetch(`${first.address}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok' });
    // The demo catalogue: on a fresh embedded install at once, never by itself on PostgreSQL.
    const movies = (await (await fetch(`${first.address}/api/v1/movies?pageSize=1&includeTotal=true`)).json()) as { total: number };
    if (usesPostgres) expect(movies.total).toBe(0);
    else expect(movies.total).toBeGreaterThan(3000);
    const countries = (await (await fetch(`${first.address}/api/v1/countries?q=JP`)).json()) as { items: unknown[] };
    expect(countries.items).toEqual([{ id: expect.any(Number) as number, code: 'JP', name: 'Japan' }]);
    expect(first.logs.find((l) => l.msg === 'database ready')).toMatchObject({
      database: usesPostgres ? 'postgres' : 'pglite',
      migrationsApplied: MIGRATION_COUNT,
    });
    expect(first.logs.find((l) => l.msg === 'admin from ADMIN_EMAIL')).toMatchObject({ outcome: 'created', username: 'chief.admin' });
    const signIn = await fetch(`${first.address}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'chief.admin@example.com', password: 'admin password 123' }),
    });
    expect(signIn.status).toBe(200);
    const { accessToken, user } = (await signIn.json()) as { accessToken: string; user: { role: string } };
    expect(user.role).toBe('admin');

    if (!usesPostgres) {
      // The embedded database belongs to the running server alone.
      const second = await run(['migrate'], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/The embedded database in .* is in use by process \d+/);
    }

    expect(await first.stop()).toBe(0);
    expect(first.logs.some((l) => l.msg === 'shutting down')).toBe(true);

    const again = await serve(env);
    expect(again.logs.find((l) => l.msg === 'database ready')).toMatchObject({ migrationsApplied: 0 });
    expect(again.logs.find((l) => l.msg === 'admin from ADMIN_EMAIL')).toMatchObject({ outcome: 'unchanged' });
    expect((await fetch(`${again.address}/ready`)).status).toBe(200);
    // The account, its session and the signing secret all survived the restart.
    const me = await fetch(`${again.address}/api/v1/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ username: 'chief.admin', role: 'admin' });
    expect(await again.stop()).toBe(0);

    const migrate = await run(['migrate'], env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout).toContain('No pending migrations');
  }, 90_000);
});

describe('moviedb users create-admin', () => {
  it('creates an admin, then finds it there; refuses a bad e-mail', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'moviedb-admin-'));
    try {
      const args = ['users', 'create-admin', '--email', 'root@example.com', '--username', 'Root', '--password', 'root password 1'];
      const first = await run(args, { DATA_DIR: dataDir });
      expect(first.stderr).toBe('');
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/^Created admin root <root@example.com> \(id \d+\)\.$/m);
      const second = await run(args, { DATA_DIR: dataDir });
      expect(second.stdout).toMatch(/^Already an admin: root <root@example.com>/m);

      // An account someone registered with an e-mail becomes admin only when the operator says so.
      const other = ['users', 'create-admin', '--email', 'other@example.com', '--password', 'other password 1'];
      await run(other, { DATA_DIR: dataDir });
      const database = await openDatabase({ kind: 'pglite', dataDir });
      await query(database, `update user_account set role = 'user' where email = 'other@example.com'`);
      await database.close();
      const refused = await run(other, { DATA_DIR: dataDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Add --promote-existing to make it admin.');
      const promoted = await run([...other, '--promote-existing'], { DATA_DIR: dataDir });
      expect(promoted.stdout).toMatch(/^Made admin: other <other@example.com>/m);

      const bad = await run(['users', 'create-admin', '--email', 'not-an-email', '--password', 'root password 1'], { DATA_DIR: dataDir });
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain('--email must be an e-mail address (got "not-an-email")');
      const short = await run(['users', 'create-admin', '--email', 'x@example.com', '--password', 'short'], { DATA_DIR: dataDir });
      expect(short.stderr).toContain('the password must be 10 to 256 characters');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    // Seven CLI processes, each starting Node.js and opening the embedded database.
  }, 120_000);
});

describe('moviedb import tmdb', () => {
  it('imports, reports, and refuses an unusable file before writing anything', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'moviedb-import-cli-'));
    try {
      const movies = path.join(dataDir, 'movies.csv');
      const credits = path.join(dataDir, 'credits.csv');
      await writeFile(
        movies,
        'id,title,overview,budget,release_date,runtime,genres,production_countries\n' +
          '1,First,,0,2001-01-01,100,"[{""id"":18,""name"":""Drama""}]","[{""iso_3166_1"":""FR"",""name"":""France""}]"\n',
      );
      await writeFile(
        credits,
        'movie_id,title,cast,crew\n1,First,"[{""id"":7,""name"":""Ann Lee"",""character"":""Hero"",""order"":0,""gender"":1}]","[]"\n',
      );
      const env = { DATA_DIR: dataDir, DEMO_DATA: 'false' };
      const first = await run(['import', 'tmdb', '--movies', movies, '--credits', credits], env);
      // Progress goes to standard error (plain lines, as there is no terminal), the summary to standard output.
      expect(first.stderr).toContain('movies: 1/1');
      expect(first.stdout).toMatch(/^ {2}movies {10}1 inserted, 0 updated, 0 unchanged$/m);
      expect(first.stdout).toMatch(/^ {2}characters {6}1 inserted, 0 updated, 0 unchanged$/m);
      expect(first.stdout).toMatch(/^ {2}crew {12}0 inserted, 0 removed, 0 unchanged; 0 repeated in the source$/m);
      const again = await run(['import', 'tmdb', '--movies', movies, '--credits', credits], env);
      expect(again.stdout).toContain('Nothing changed: the catalogue already holds these files.');

      const broken = path.join(dataDir, 'broken.csv');
      await writeFile(broken, 'id,name\n1,x\n');
      const refused = await run(['import', 'tmdb', '--movies', broken, '--credits', credits], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('broken.csv: missing columns title, overview');
      const both = await run(['import', 'tmdb', '--movies', movies, '--credits', credits, '--cast', credits], env);
      expect(both.stderr).toContain('Give either --credits, or all three of --persons, --cast and --crew.');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    // Four CLI processes, each starting Node.js and opening (and first migrating) the embedded database.
  }, 120_000);
});

describe('moviedb migrate', () => {
  it('applies the migrations to a new embedded database, then has nothing to do', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'moviedb-migrate-'));
    try {
      const first = await run(['migrate'], { DATA_DIR: dataDir });
      expect(first.code).toBe(0);
      expect(first.stdout).toContain(`Applied ${MIGRATION_COUNT} migration(s) to the embedded database in ${dataDir}.`);
      const second = await run(['migrate'], { DATA_DIR: dataDir });
      expect(second.stdout).toContain(`No pending migrations in the embedded database in ${dataDir}.`);
      const gc = await run(['files', 'gc', '--min-age-minutes', '0'], { DATA_DIR: dataDir });
      expect(gc.code).toBe(0);
      expect(gc.stdout).toContain('0 object(s) examined, 0 removed, 0 orphan(s) younger than 0 minute(s) spared.');
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
    // Three CLI processes, each starting Node.js and opening the embedded database.
  }, 120_000);
});
