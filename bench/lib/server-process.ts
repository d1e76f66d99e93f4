// The service under test as a real child process: compiled first when the sources are newer than
// dist/, started as `node dist/cli.js serve` (node itself, so that its pid is the server's and its
// memory is the server's), watched for memory, and stopped whatever happens.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { freePort } from '../../test/helpers/ports.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Runs `npm run build` when there is no dist/cli.js, or a file under src/ is newer than it. */
export function buildIfStale(): void {
  // Not the newest file under dist/: type-checking leaves its .tsbuildinfo there, and no build.
  const cli = path.join(ROOT, 'dist', 'cli.js');
  if (existsSync(cli) && statSync(cli).mtimeMs >= newestMtime(path.join(ROOT, 'src'))) return;
  console.log('dist/cli.js is missing or older than src/: npm run build');
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`npm run build failed (exit ${build.status ?? build.signal})`);
}

function newestMtime(folder: string): number {
  let newest = 0;
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

export interface ServerProcess {
  baseUrl: string;
  pid: number;
  /** The last lines the server wrote, for the message when something fails. */
  /** Its JWT_SECRET, which also keys its list cursors. */
  jwtSecret: string;
  recentOutput(): string;
  stop(): Promise<void>;
}

/**
 * `cli`: another build's dist/cli.js (a checkout of another commit, built), run the same way, for
 * a comparison; `jwtSecret`: the same for two servers, so that one's cursors and tokens work on both.
 */
export async function startServer(
  databaseUrl: string,
  { cli = path.join(ROOT, 'dist/cli.js'), jwtSecret = randomBytes(32).toString('base64url') }: { cli?: string; jwtSecret?: string } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, [cli, 'serve'], {
    cwd: path.resolve(path.dirname(cli), '..'),
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      JWT_SECRET: jwtSecret,
      LOG_LEVEL: 'warn',
      // Thousands of sign-ins a minute from one address are the point here, not an attack.
      RATE_LIMITS: 'off',
      DEMO_DATA: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString().split('\n').filter(Boolean));
    output.splice(0, Math.max(0, output.length - 40));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const server: ServerProcess = {
    baseUrl: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    jwtSecret,
    recentOutput: () => output.join('\n'),
    stop: () => stopChild(child, exited),
  };
  try {
    await waitForHealth(server.baseUrl, child);
  } catch (error) {
    await server.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n--- server output ---\n${server.recentOutput()}`);
  }
  return server;
}

async function waitForHealth(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with code ${child.exitCode} before answering /health`);
    try {
      const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error('The server did not answer /health within 60 s');
}

/** SIGTERM (the server finishes its requests and closes the pool), then SIGKILL after 15 s. */
async function stopChild(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** The server's resident memory, sampled every 200 ms: the peak since the last reset. */
export interface MemoryWatch {
  reset(): void;
  peakMb(): number;
  /** The kernel's own high-water mark of the process's resident memory (VmHWM), since it started. */
  highWaterMb(): number;
  stop(): void;
}

export function watchMemory(pid: number): MemoryWatch {
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, statusKb(pid, 'VmRSS'));
  };
  const timer = setInterval(sample, 200);
  sample();
  return {
    reset: () => {
      peak = 0;
      sample();
    },
    peakMb: () => {
      sample();
      return peak / 1024;
    },
    highWaterMb: () => statusKb(pid, 'VmHWM') / 1024,
    stop: () => clearInterval(timer),
  };
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  } catch {
    // The process is gone (or this is not Linux): nothing to add.
    return 0;
  }
}
