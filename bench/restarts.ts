// Restarts PostgreSQL under a mixed read and write load, again and again, and reports whether the
// service survived each run, how fast it was ready again, and every broken promise (see
// docs/reliability.md). The fault test (test/faults/database-faults.test.ts) does one run of 10
// restarts; this does as many runs as asked, and with --cli measures another build the same way
// (a checkout's compiled dist/cli.js), so that two drivers can be compared in one sitting.
// Run: npx tsx bench/restarts.ts [--runs 20] [--restarts 10] [--cli ../other/dist/cli.js]
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fail, readOptions, wholeNumber } from './lib/args.js';
import { prepareCatalogue } from '../test/helpers/fault-workload.js';
import { clusterUnavailableReason, createThrowawayCluster } from '../test/helpers/pg-cluster.js';
import { restartUnderLoad, summarize } from '../test/helpers/restart-scenario.js';
import { startService } from '../test/helpers/service-process.js';

const USAGE = 'Usage: npx tsx bench/restarts.ts [--runs 20] [--restarts 10] [--outage-ms 1500] [--cli path/to/dist/cli.js]';
const options = readOptions(
  {
    runs: { type: 'string', default: '20' },
    restarts: { type: 'string', default: '10' },
    'outage-ms': { type: 'string', default: '1500' },
    cli: { type: 'string' },
  },
  USAGE,
);
const runs = wholeNumber('runs', options.runs, 1, 1000);
const restarts = wholeNumber('restarts', options.restarts, 1, 1000);
const outageMs = wholeNumber('outage-ms', options['outage-ms'], 0, 60_000);
const cli = options.cli ? path.resolve(options.cli) : undefined;
const unavailable = clusterUnavailableReason();
if (unavailable) fail(`Cannot make a throwaway PostgreSQL cluster: ${unavailable}`);

const cluster = await createThrowawayCluster();
// Ctrl-C must not leave a cluster running.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: removing the cluster`);
    void cluster.destroy().finally(() => process.exit(130));
  });
}
const admin = { email: 'fault-admin@example.com', password: 'fault-admin-password' };
const results = [];
try {
  await cluster.psql('postgres', 'create database moviedb');
  for (let run = 1; run <= runs; run++) {
    const service = await startService(
      {
        DATABASE_URL: cluster.url('moviedb'),
        JWT_SECRET: randomBytes(32).toString('hex'),
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        RATE_LIMITS: 'off',
      },
      cli ? { cli } : {},
    );
    try {
      const catalogue = await prepareCatalogue(service.baseUrl, admin);
      const outcome = await restartUnderLoad({
        cluster,
        service,
        catalogue,
        restarts,
        outageMs,
        prefix: `run${run}`,
        databaseUrl: cluster.url('moviedb'),
      });
      const summary = summarize(outcome);
      results.push(summary);
      console.log(
        `run ${run}/${runs}: ${summary.survived ? 'survived' : `DIED (${JSON.stringify(outcome.exit)})`} ${summary.rounds} restarts, ` +
          `${summary.answers} answers ${JSON.stringify(summary.byStatus)}, ready again after ${summary.recoveryMs.median} ms ` +
          `(median; max ${summary.recoveryMs.max}), longest answer ${summary.longestAnswerMs} ms, ${summary.violations} broken promises`,
      );
      for (const violation of outcome.violations.slice(0, 5)) console.log(`  - ${violation}`);
      if (!summary.survived) {
        const last = service.logs.filter((line) => Number(line.level ?? 50) >= 50 || !line.level).slice(-3);
        for (const line of last) console.log(`  log: ${JSON.stringify(line).slice(0, 600)}`);
      }
    } finally {
      await service.stop();
      // A restart interrupted by a failed run leaves the cluster down: the next run needs it up.
      await cluster.start().catch(() => undefined);
    }
  }
} finally {
  await cluster.destroy();
}

const survived = results.filter((result) => result.survived).length;
const clean = results.filter((result) => result.violations === 0).length;
const recoveries = results.map((result) => result.recoveryMs.max).filter((ms): ms is number => ms !== null);
console.log(
  `\n${cli ?? 'this checkout'}: survived ${survived}/${runs} runs of ${restarts} restarts; ${clean}/${runs} with every promise kept; ` +
    `slowest return to ready ${recoveries.length ? Math.max(...recoveries) : '-'} ms`,
);
process.exitCode = survived === runs && clean === runs ? 0 : 1;
