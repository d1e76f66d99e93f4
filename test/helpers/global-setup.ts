// Once per run: drop test databases that an interrupted earlier run left on the server, only those
// older than a few hours, so that two runs sharing one server leave each other alone; and at the
// end, say plainly when the browser tests or the fault tests did not run.
import postgres from 'postgres';
import { CHROMIUM_PATH, RUN_BROWSER_TESTS } from './chromium.js';
import { TEST_DATABASE_PREFIX, TEST_DATABASE_URL } from './database.js';
import { clusterUnavailableReason, removeStaleClusters } from './pg-cluster.js';

export default async function setup(): Promise<() => void> {
  const teardown = () => {
    if (!RUN_BROWSER_TESTS) {
      console.warn(
        `\nBrowser tests SKIPPED (test/web): no Chromium at ${CHROMIUM_PATH}. ` +
          'Install it with `apt-get install chromium`, or set CHROMIUM_PATH; CI always runs them.\n',
      );
    }
    const noCluster = clusterUnavailableReason();
    if (noCluster) {
      console.warn(
        `\nFault tests SKIPPED (test/faults): ${noCluster}. Install PostgreSQL's server (apt-get install postgresql); CI always runs them.\n`,
      );
    }
  };
  if (TEST_DATABASE_URL) await dropStaleDatabases(TEST_DATABASE_URL);
  await removeStaleClusters();
  return teardown;
}

async function dropStaleDatabases(url: string): Promise<void> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const stale = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${TEST_DATABASE_PREFIX}%`}`;
    const cutoff = Date.now() / 1000 - 3 * 3600;
    for (const { datname } of stale) {
      const created = Number(/^[a-z_]+?_(\d{10})_/.exec(datname)?.[1] ?? 0);
      if (created < cutoff) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    }
  } finally {
    await admin.end();
  }
}
