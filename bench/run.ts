// Measures the service against a catalogue made by bench/generate.ts: starts the compiled server
// on that database, drives each scenario with autocannon after a warm-up, measures the raw-SQL
// ceiling of movie details, prints one table and writes it to bench/results/. Exits non-zero when
// any scenario had an error; timings are reported, never judged here (see docs/performance.md).
// Run: npx tsx bench/run.ts [--database-url URL] [--duration 20] [--connections 50] [--scenarios a,b]
import { existsSync } from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { createCursorCodec } from '../src/http/cursor.js';
import { benchDatabaseUrl, fail, readOptions, wholeNumber } from './lib/args.js';
import { SERVER_POOL_SIZE, measureCeiling, openCeilingDatabase } from './lib/ceiling.js';
import { runLoad, waitForIdleDatabase } from './lib/load.js';
import { type RunReport, type ScenarioOutcome, machineInfo, printReport, writeReport } from './lib/report.js';
import { type LoadPlan, SCENARIOS as NATIVE_SCENARIOS, checkMigrationsCurrent, readCatalogueFacts } from './lib/scenarios.js';
import { TMDB_SCENARIOS } from './lib/tmdb-scenarios.js';
import { type ServerProcess, buildIfStale, startServer, watchMemory } from './lib/server-process.js';

const SCENARIOS = [...NATIVE_SCENARIOS, ...TMDB_SCENARIOS];

const USAGE = `Usage: npx tsx bench/run.ts [--database-url postgres://...bench...] [--duration 20] [--connections 50]
  [--scenarios ${SCENARIOS.map((s) => s.slug).join(',')}] [--results-dir bench/results]
  [--compare-with path/to/other/checkout [--rounds 2]]`;
const options = readOptions(
  {
    'database-url': { type: 'string' },
    duration: { type: 'string', default: '20' },
    connections: { type: 'string', default: '50' },
    scenarios: { type: 'string', default: SCENARIOS.map((scenario) => scenario.slug).join(',') },
    'results-dir': { type: 'string', default: path.join(import.meta.dirname, 'results') },
    'compare-with': { type: 'string' },
    rounds: { type: 'string', default: '2' },
  },
  USAGE,
);
const databaseUrl = benchDatabaseUrl(options['database-url']);
const duration = wholeNumber('duration', options.duration, 1, 3600);
const connections = wholeNumber('connections', options.connections, 1, 1000);
// Long enough for the server's statement caches and PostgreSQL's buffers to fill.
const warmup = Math.max(1, Math.min(5, Math.round(duration / 4)));
const wanted = options.scenarios.split(',').map((slug) => slug.trim());
const unknown = wanted.filter((slug) => !SCENARIOS.some((scenario) => scenario.slug === slug));
if (unknown.length > 0) fail(`--scenarios: unknown ${unknown.join(', ')}\n${USAGE}`);
const selected = SCENARIOS.filter((scenario) => wanted.includes(scenario.slug));
// Another build (a checkout of another commit, with dist/ built) measured in the same run: each
// scenario on this build and on that one in turn, `rounds` times, so that the machine's drift
// weighs on both alike.
const otherCli = options['compare-with'] ? path.resolve(options['compare-with'], 'dist/cli.js') : undefined;
const rounds = wholeNumber('rounds', options.rounds, 1, 20);
if (otherCli && !existsSync(otherCli)) fail(`--compare-with: no ${otherCli} (run npm ci and npm run build there)`);

buildIfStale();
const sql = postgres(databaseUrl, { max: 2, onnotice: () => {} });
let server: ServerProcess | undefined;
let stopLater: ServerProcess | undefined;
// Ctrl-C (or CI's timeout) must not leave a server behind.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the server`);
    void Promise.all([server?.stop(), stopLater?.stop()]).finally(() => process.exit(130));
  });
}

try {
  await checkMigrationsCurrent(sql);
  const facts = await readCatalogueFacts(sql);
  const [{ version } = { version: 'unknown' }] = await sql<{ version: string }[]>`select current_setting('server_version') as version`;
  console.log(`${facts.movies} movies; ${selected.length} scenarios of ${duration} s (warm-up ${warmup} s), ${connections} connections`);
  server = await startServer(databaseUrl);
  const other = otherCli ? (stopLater = await startServer(databaseUrl, { cli: otherCli, jwtSecret: server.jwtSecret })) : undefined;
  const memory = watchMemory(server.pid);
  const report: RunReport = {
    date: new Date().toISOString(),
    scale: { movies: facts.movies, persons: facts.personIds.max, users: facts.users },
    settings: { durationSeconds: duration, warmupSeconds: warmup, connections, serverPoolSize: SERVER_POOL_SIZE },
    machine: machineInfo(version),
    scenarios: [],
    serverPeakRssMb: 0,
  };

  const direct = await openCeilingDatabase(databaseUrl);
  const cursors = createCursorCodec(server.jwtSecret);
  try {
    for (const [index, scenario] of selected.entries()) {
      const outcome: ScenarioOutcome = { slug: scenario.slug, scenario: scenario.name };
      report.scenarios.push(outcome);
      let plan: LoadPlan | undefined;
      try {
        plan = await scenario.prepare({ baseUrl: server.baseUrl, sql, facts, connections, db: direct.db, cursors });
        await runLoad(server.baseUrl, plan, plan.connections ?? connections, warmup);
        memory.reset();
        outcome.figures = await runLoad(server.baseUrl, plan, plan.connections ?? connections, duration);
        outcome.serverPeakRssMb = memory.peakMb();
        if (other) {
          const comparison = await compareBuilds(server.baseUrl, other.baseUrl, plan, outcome.figures);
          outcome.comparison = comparison;
          console.log(
            `${scenario.name}: this build ${comparison.thisBuild.map(Math.round).join(', ')} req/s, ` +
              `the other ${comparison.otherBuild.map(Math.round).join(', ')} req/s (${Math.round(comparison.ratio * 100)}%)`,
          );
        }
      } catch (error) {
        outcome.failure = error instanceof Error ? error.message : String(error);
      }
      const cancelled = await waitForIdleDatabase(sql, 30);
      if (cancelled > 0) outcome.statementsCancelledAfter = cancelled;
      console.log(`${scenario.name}: ${outcome.figures ? `${Math.round(outcome.figures.requestsPerSecond)} req/s` : 'did not run'}`);

      // The same work without HTTP, while the server idles.
      if (plan?.direct && outcome.figures) {
        outcome.ceiling = await measureCeiling(plan.direct, {
          callers: connections,
          warmupSeconds: warmup,
          seconds: duration,
          part: index,
        });
        outcome.apiToCeiling = outcome.figures.requestsPerSecond / outcome.ceiling.statementsPerSecond;
        console.log(`${scenario.name}, without HTTP: ${Math.round(outcome.ceiling.statementsPerSecond)} calls/s`);
      }
    }
  } finally {
    await direct.close();
  }
  report.serverPeakRssMb = memory.highWaterMb();
  memory.stop();

  console.log('');
  printReport(report);
  console.log(`\nwritten to ${writeReport(report, options['results-dir'])}`);
  const failed = report.scenarios.some((outcome) => !outcome.figures || outcome.figures.errors > 0 || (outcome.ceiling?.errors ?? 0) > 0);
  if (failed) {
    console.error(`\n--- server output (last lines) ---\n${server.recentOutput() || '(none)'}`);
    console.error('\nFAILED: a scenario had errors or could not run');
    process.exitCode = 1;
  }
} catch (error) {
  if (server) console.error(`--- server output (last lines) ---\n${server.recentOutput() || '(none)'}\n`);
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await server?.stop();
  await stopLater?.stop();
  await sql.end({ timeout: 5 });
}

/**
 * Takes turns: this build (its first round is the one measured above), the other, this, the
 * other..., `rounds` each, with a warm-up each time. The ratio is this build's mean over the other's.
 */
async function compareBuilds(thisUrl: string, otherUrl: string, plan: LoadPlan, first: { requestsPerSecond: number }) {
  const thisBuild = [first.requestsPerSecond];
  const otherBuild: number[] = [];
  const measure = async (url: string) => {
    await waitForIdleDatabase(sql, 30);
    await runLoad(url, plan, plan.connections ?? connections, warmup);
    return (await runLoad(url, plan, plan.connections ?? connections, duration)).requestsPerSecond;
  };
  while (otherBuild.length < rounds) {
    otherBuild.push(await measure(otherUrl));
    if (thisBuild.length < rounds) thisBuild.push(await measure(thisUrl));
  }
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return { other: options['compare-with']!, thisBuild, otherBuild, ratio: mean(thisBuild) / mean(otherBuild) };
}
