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
  /** The same work without HTTP (ceiling.ts): raw SQL for movie details, the services for the rest. */
  ceiling?: CeilingResult;
  /** requests/s ÷ the ceiling's calls/s. */
  apiToCeiling?: number;
  /** With --compare-with: requests/s of each round on this build and on the other, and the ratio of their means. */
  comparison?: { other: string; thisBuild: number[]; otherBuild: number[]; ratio: number };
}

export interface RunReport {
  date: string;
  scale: { movies: number; persons: number; users: number };
  settings: { durationSeconds: number; warmupSeconds: number; connections: number; serverPoolSize: number };
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; postgres: string; platform: string };
  scenarios: ScenarioOutcome[];
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
    'no HTTP: calls/s': outcome.ceiling ? round(outcome.ceiling.statementsPerSecond, 0) : '-',
    'no HTTP: p99 ms': outcome.ceiling ? round(outcome.ceiling.p99Ms) : '-',
    'API ÷ no HTTP': outcome.apiToCeiling === undefined ? '-' : `${Math.round(outcome.apiToCeiling * 100)}%`,
  }));
  console.table(rows);
  console.log(
    '"no HTTP": the same work through the same services and pool, as many callers as connections; for movie details, ' +
      'its one statement (the raw-SQL ceiling).',
  );
  console.log(`server peak RSS over the run (VmHWM): ${round(report.serverPeakRssMb, 0)} MB`);
  for (const outcome of report.scenarios) {
    if (outcome.ceiling?.firstError) {
      console.log(`${outcome.scenario}, no HTTP: ${outcome.ceiling.errors} calls failed, the first with: ${outcome.ceiling.firstError}`);
    }
    if (outcome.failure) console.log(`${outcome.scenario}: ${outcome.failure}`);
    if (outcome.statementsCancelledAfter) {
      console.log(`${outcome.scenario}: ${outcome.statementsCancelledAfter} statements still running 30 s after it were cancelled`);
    }
    const detail = outcome.figures?.detail;
    if (detail && outcome.figures!.errors > 0) {
      console.log(
        `${outcome.scenario}: ${detail.connectionErrors} connection errors, ${detail.timeouts} timeouts, ${detail.non2xx} non-2xx answers (${JSON.stringify(detail.statusCodes)})`,
      );
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
