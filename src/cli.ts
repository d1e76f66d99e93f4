#!/usr/bin/env node
// The operator's command line: `moviedb <command>` (also `npm run cli -- <command>`).
import { Command } from 'commander';
import { VERSION } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openConfiguredDatabase } from './db/configured-database.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { DatabaseUnavailableError } from './db/database.js';
import { startServer } from './server.js';

const program = new Command()
  .name('moviedb')
  .description('moviedb: a self-hostable movie catalogue service. Configuration comes from the environment (see README).')
  .version(VERSION);

program
  .command('serve', { isDefault: true })
  .description('apply pending migrations and serve the API (the default command)')
  .action(async () => {
    await startServer(loadConfig());
  });

program
  .command('migrate')
  .description('apply pending database migrations, then exit')
  .action(async () => {
    const config = loadConfig();
    const database = await openConfiguredDatabase(config);
    try {
      const { applied } = await database.migrate();
      const where = database.kind === 'postgres' ? 'PostgreSQL (DATABASE_URL)' : `the embedded database in ${config.dataDir}`;
      console.log(applied === 0 ? `No pending migrations in ${where}.` : `Applied ${applied} migration(s) to ${where}.`);
    } finally {
      await database.close();
    }
  });

try {
  await program.parseAsync();
} catch (error) {
  if (error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof DatabaseUnavailableError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
