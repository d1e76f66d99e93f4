// A throwaway PostgreSQL cluster of the fault tests' own: initdb into a temporary folder, a free
// port on 127.0.0.1, started, stopped (fast or immediate), restarted and removed with pg_ctl. It
// never touches the machine's own clusters. As root it runs as the postgres user (PostgreSQL
// refuses to run as root); as anyone else, as that user.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './ports.js';

const run = promisify(execFile);

const PG_ROOT = '/usr/lib/postgresql';

function binDir(): string | undefined {
  const fromEnv = process.env.PG_BIN_DIR;
  if (fromEnv) return existsSync(path.join(fromEnv, 'initdb')) ? fromEnv : undefined;
  if (!existsSync(PG_ROOT)) return undefined;
  const versions = readdirSync(PG_ROOT)
    .filter((version) => existsSync(path.join(PG_ROOT, version, 'bin/initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : path.join(PG_ROOT, versions[0], 'bin');
}

function asRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Why no throwaway cluster can be made here, or undefined when one can. */
export function clusterUnavailableReason(): string | undefined {
  if (!binDir()) return `no PostgreSQL server binaries (initdb, pg_ctl) under ${PG_ROOT}/*/bin or PG_BIN_DIR`;
  if (asRoot()) {
    if (!postgresUser()) return 'running as root, and there is no postgres user to run PostgreSQL as';
    if (!existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) return 'running as root without runuser';
  }
  return undefined;
}

const FOLDER_PREFIX = 'moviedb-pg-';

/**
 * Stops and removes the clusters that interrupted runs left behind (a test run stopped with
 * Ctrl-C): those whose folder is older than `hours`, so that a run going on beside this one keeps
 * its own.
 */
export async function removeStaleClusters(hours = 3): Promise<number> {
  const bin = binDir();
  if (!bin) return 0;
  let removed = 0;
  for (const name of readdirSync(tmpdir()).filter((entry) => entry.startsWith(FOLDER_PREFIX))) {
    const root = path.join(tmpdir(), name);
    if (Date.now() - statSync(root).mtimeMs < hours * 3_600_000) continue;
    const stop = [path.join(bin, 'pg_ctl'), '-D', path.join(root, 'data'), '-m', 'immediate', 'stop'];
    await (asRoot() ? run('runuser', ['-u', 'postgres', '--', ...stop]) : run(stop[0]!, stop.slice(1))).catch(() => undefined);
    await rm(root, { recursive: true, force: true });
    removed++;
  }
  return removed;
}

export interface ThrowawayCluster {
  port: number;
  /** The connection URL of a database on it (the postgres superuser, trust authentication). */
  url(database?: string): string;
  /** Stops it: fast (backends told to end) or immediate (as a crash: recovery at the next start). */
  stop(mode: 'fast' | 'immediate'): Promise<void>;
  /** Starts it and resolves once it accepts connections. */
  start(): Promise<void>;
  /** Runs SQL through psql as the superuser. */
  psql(database: string, statement: string): Promise<string>;
  /** Stops it if running and removes every file. */
  destroy(): Promise<void>;
}

export async function createThrowawayCluster(): Promise<ThrowawayCluster> {
  const bin = binDir();
  if (!bin) throw new Error(clusterUnavailableReason());
  const root = await mkdtemp(path.join(tmpdir(), FOLDER_PREFIX));
  const data = path.join(root, 'data');
  const socketDir = root;
  const logFile = path.join(root, 'server.log');
  const owner = asRoot() ? postgresUser() : undefined;
  if (owner) {
    const { uid, gid } = owner;
    await chown(root, uid, gid);
    await chmod(root, 0o700);
  }
  const exec = async (command: string, args: string[]) => {
    const file = path.join(bin, command);
    const { stdout } = asRoot()
      ? await run('runuser', ['-u', 'postgres', '--', file, ...args], { cwd: root })
      : await run(file, args, { cwd: root });
    return stdout;
  };

  await exec('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-instructions']);
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${socketDir}`, "-c listen_addresses='127.0.0.1'", '-c max_connections=60'].join(' ');
  let running = false;
  const cluster: ThrowawayCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    async start() {
      await exec('pg_ctl', ['-D', data, '-o', options, '-l', logFile, '-w', '-t', '60', 'start']);
      running = true;
    },
    async stop(mode) {
      await exec('pg_ctl', ['-D', data, '-m', mode, '-w', '-t', '60', 'stop']);
      running = false;
    },
    psql: (database, statement) =>
      exec('psql', [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        'postgres',
        '-d',
        database,
        '-XAtq',
        '-v',
        'ON_ERROR_STOP=1',
        '-c',
        statement,
      ]),
    async destroy() {
      if (running) await cluster.stop('immediate').catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    },
  };
  try {
    await cluster.start();
  } catch (error) {
    await rm(root, { recursive: true, force: true });
    throw error;
  }
  return cluster;
}

function postgresUser(): { uid: number; gid: number } | undefined {
  // /etc/passwd: name:x:uid:gid:...
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith('postgres:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return uid && gid ? { uid: Number(uid), gid: Number(gid) } : undefined;
}
