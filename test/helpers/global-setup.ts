// Once per run: drop test databases that an interrupted earlier run left on the server.
import postgres from 'postgres';
import { TEST_DATABASE_PREFIX, TEST_DATABASE_URL } from './database.js';

export default async function setup(): Promise<void> {
  if (!TEST_DATABASE_URL) return;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    const stale = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${TEST_DATABASE_PREFIX}%`}`;
    for (const { datname } of stale) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
  } finally {
    await admin.end();
  }
}
