// The service as an operator runs it: `moviedb serve` in a process of its own (from the sources,
// through tsx), on a free port. The fault tests signal it, watch it exit, and read its log.
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const CLI = path.resolve(import.meta.dirname, '../../src/cli.ts');

export interface ServiceProcess {
  baseUrl: string;
  pid: number;
  /** The last log lines (JSON, as pino writes them; at info level, which says when it listens), and any other output. */
  logs: Record<string, unknown>[];
  /** Null while it runs; its exit code (or signal) once it stopped. */
  exit(): { code: number | null; signal: NodeJS.Signals | null } | null;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  signal(signal: NodeJS.Signals): void;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves with how it ended. */
  stop(graceMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface StartOptions {
  startupMs?: number;
  /** Another build's compiled cli.js (a comparison), instead of this checkout's sources. */
  cli?: string;
}

export async function startService(env: Record<string, string>, { startupMs = 60_000, cli }: StartOptions = {}): Promise<ServiceProcess> {
  const args = cli ? [cli, 'serve'] : ['--import', 'tsx', CLI, 'serve'];
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let ended: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      ended = { code, signal };
      resolve(ended);
    }),
  );
  const keep = (line: string) => {
    try {
      logs.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      logs.push({ msg: line });
    }
    // The last lines are what a failure report needs; a long run logs every request.
    if (logs.length > 5_000) logs.splice(0, logs.length - 4_000);
  };
  createInterface({ input: child.stderr! }).on('line', keep);
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`serve did not listen within ${startupMs} ms: ${tail(logs)}`)), startupMs);
    createInterface({ input: child.stdout! }).on('line', (line) => {
      keep(line);
      const message = logs.at(-1)?.msg;
      const match = typeof message === 'string' ? /^Server listening at (http:\/\/127\.0\.0\.1:\d+)$/.exec(message) : null;
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void exited.then((how) => {
      clearTimeout(timer);
      reject(new Error(`serve exited (${how.code ?? how.signal}) before listening: ${tail(logs)}`));
    });
  });
  return {
    baseUrl,
    pid: child.pid!,
    logs,
    exit: () => ended,
    exited,
    signal: (signal) => child.kill(signal),
    async stop(graceMs = 15_000) {
      if (ended) return ended;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
      const how = await exited;
      clearTimeout(timer);
      return how;
    },
  };
}

function tail(logs: Record<string, unknown>[]): string {
  return logs
    .slice(-15)
    .map((entry) => JSON.stringify(entry))
    .join('\n');
}
