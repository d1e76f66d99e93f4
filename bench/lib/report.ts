// The benchmark's report: one table on the terminal, and the same figures as a JSON file under
// bench/results/ with what they were measured on.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CeilingResult } from './ceiling.js';
import type { LoadFigures } from './load.js';

export interface ScenarioOutcome {
  slug: string;
  scenario: string;
  /** Absent when the scenario could not start (failure says why). */
  figures?: LoadFigures;
  serverPeakRssMb?: number;
  failure?: string;
  /** Statements of requests given up on, still running 30 s after the scenario, then cancelled. */
  statementsCancelledAfter?: number;
}

export interface RunReport {
  date: string;
  scale: { movies: number; persons: number; users: number };
  settings: { durationSeconds: number; warmupSeconds: number; connections: number; serverPoolSize: number };
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; platform: string };
  scenarios: ScenarioOutcome[];
  movieDetailsCeiling?: CeilingResult;
  /** API movie details requests/s ÷ raw-SQL ceiling statements/s. */
  movieDetailsRatio?: number;
  /** The server's resident memory high-water mark (VmHWM) over the whole run. */
  serverPeakRssMb: number;
}

export function machineInfo(postgresVersion: string): RunReport['machine'] {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    postgres: postgresVersion,
    platform: `${os.type()} ${os.release()}`,
  };
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

export function printReport(report: RunReport): void {
  const rows = report.scenarios.map((outcome) => ({
    scenario: outcome.scenario,
    'requests/s': outcome.figures ? round(outcome.figures.requestsPerSecond, 0) : '-',
    'p50 ms': outcome.figures ? round(outcome.figures.p50Ms) : '-',
    'p99 ms': outcome.figures ? round(outcome.figures.p99Ms) : '-',
    errors: outcome.figures ? outcome.figures.errors : 'did not run',
    'server peak RSS MB': outcome.serverPeakRssMb === undefined ? '-' : round(outcome.serverPeakRssMb, 0),
  }));
  const ceiling = report.movieDetailsCeiling;
  if (ceiling) {
    rows.push({
      scenario: 'movie details, raw SQL ceiling',
      'requests/s': round(ceiling.statementsPerSecond, 0),
      'p50 ms': round(ceiling.p50Ms),
      'p99 ms': round(ceiling.p99Ms),
      errors: ceiling.errors,
      'server peak RSS MB': '-',
    });
  }
  console.table(rows);
  if (report.movieDetailsRatio !== undefined) {
    console.log(`movie details: API ÷ raw SQL ceiling = ${Math.round(report.movieDetailsRatio * 100)}%`);
  }
  console.log(`server peak RSS over the run (VmHWM): ${round(report.serverPeakRssMb, 0)} MB`);
  if (ceiling?.firstError) console.log(`movie details, raw SQL ceiling: ${ceiling.errors} calls failed, the first with: ${ceiling.firstError}`);
  for (const outcome of report.scenarios) {
    if (outcome.failure) console.log(`${outcome.scenario}: ${outcome.failure}`);
    if (outcome.statementsCancelledAfter) {
      console.log(`${outcome.scenario}: ${outcome.statementsCancelledAfter} statements still running 30 s after it were cancelled`);
    }
    const detail = outcome.figures?.detail;
    if (detail && outcome.figures!.errors > 0) {
      console.log(`${outcome.scenario}: ${detail.connectionErrors} connection errors, ${detail.timeouts} timeouts, ${detail.non2xx} non-2xx answers (${JSON.stringify(detail.statusCodes)})`);
    }
  }
}

/** Writes bench/results/<date and time>-<movies>movies.json (or under `folder`); returns the path. */
export function writeReport(report: RunReport, folder: string): string {
  mkdirSync(folder, { recursive: true });
  // ISO 8601 in its basic form: no colons, which some file systems refuse.
  const stamp = report.date.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = path.join(folder, `${stamp}-${report.scale.movies}movies.json`);
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
