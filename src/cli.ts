#!/usr/bin/env node
// The operator's command line: `moviedb <command>` (also `npm run cli -- <command>`).
import path from 'node:path';
import { Command } from 'commander';
import { VERSION } from './app.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { openConfiguredDatabase } from './db/configured-database.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import { type Database, DatabaseUnavailableError } from './db/database.js';
import { ensureAdmin } from './modules/users/admin-bootstrap.js';
import { USERNAME_PATTERN } from './modules/auth/credentials.schemas.js';
import { startServer } from './server.js';
import { InputFileError } from './modules/imports/csv-source.js';
import { createProgress } from './modules/imports/progress.js';
import { seedDemo } from './modules/imports/demo-seed.js';
import { exportCatalogue, importCatalogue } from './modules/imports/moviedb-format.js';
import { changedAnything, type ImportSummary, importTmdb } from './modules/imports/tmdb-import.js';
import { checkTmdbFiles, readTmdb } from './modules/imports/tmdb-source.js';
import type { CreditFiles } from './modules/imports/tmdb-source-model.js';
import { collectGarbage, sweepUploadLeftovers } from './modules/files/files.gc.js';
import { createConfiguredStorage } from './storage/configured-storage.js';

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

const users = program.command('users').description('manage user accounts');
users
  .command('create-admin')
  .description('create an admin account (or, with --promote-existing, make the account with that e-mail an admin)')
  .requiredOption('--email <email>', 'the e-mail address (the sign-in name too)')
  .option('--username <username>', "default: the e-mail's local part")
  .option('--password <password>', 'at least 10 characters; default: the ADMIN_PASSWORD variable')
  .option('--promote-existing', 'when an account has that e-mail already, make it admin (its password stays)')
  .action(async (options: { email: string; username?: string; password?: string; promoteExisting?: boolean }) => {
    const config = loadConfig();
    const password = options.password ?? process.env.ADMIN_PASSWORD;
    const problem = adminProblem(options.email, password, options.username);
    if (problem) throw new UsageError(problem);
    await withDatabase(config, async (db) => {
      const { outcome, user } = await ensureAdmin(db, {
        email: options.email,
        username: options.username,
        password: password!,
        promoteExisting: options.promoteExisting === true,
      });
      if (outcome === 'unchanged' && user.role !== 'admin') {
        // Sign-up does not prove an e-mail address: promoting whoever registered it is a choice.
        throw new UsageError(
          `An account with that e-mail exists (${user.username}, role ${user.role}). Add --promote-existing to make it admin.`,
        );
      }
      const said = { created: 'Created admin', promoted: 'Made admin:', unchanged: 'Already an admin:' }[outcome];
      console.log(`${said} ${user.username} <${user.email}> (id ${user.id}).`);
    });
  });

const filesCommand = program.command('files').description('manage stored files');
filesCommand
  .command('gc')
  .description('remove stored objects that no file row refers to, and report them')
  .option('--min-age-minutes <minutes>', 'spare objects younger than this (uploads in progress)', '60')
  .option('--dry-run', 'report what would be removed, remove nothing')
  .action(async (options: { minAgeMinutes: string; dryRun?: boolean }) => {
    const config = loadConfig();
    const minutes = Number(options.minAgeMinutes);
    if (!Number.isFinite(minutes) || minutes < 0) throw new UsageError('--min-age-minutes must be a number of minutes, 0 or more');
    await withDatabase(config, async (db) => {
      const report = await collectGarbage(
        { db: db, storage: await createConfiguredStorage(config) },
        { minAgeMs: minutes * 60_000, dryRun: options.dryRun === true },
      );
      for (const key of report.removed) console.log(`${options.dryRun ? 'would remove' : 'removed'} ${key}`);
      if (!options.dryRun) {
        const leftovers = await sweepUploadLeftovers(path.resolve(config.dataDir, 'tmp'), minutes * 60_000);
        if (leftovers > 0) console.log(`removed ${leftovers} unfinished upload(s) from ${path.resolve(config.dataDir, 'tmp')}`);
      }
      console.log(
        `${report.examined} object(s) examined, ${report.removed.length} ${options.dryRun ? 'to remove' : 'removed'}, ` +
          `${report.spared} orphan(s) younger than ${minutes} minute(s) spared.`,
      );
    });
  });

const importCommand = program.command('import').description('bring data into the catalogue');
importCommand
  .command('tmdb')
  .description('import TMDB 5000 files: movies plus either --credits (Kaggle) or --persons, --cast and --crew (normalized)')
  .requiredOption('--movies <file>', 'tmdb_5000_movies.csv[.gz]')
  .option('--credits <file>', 'tmdb_5000_credits.csv[.gz] (JSON-in-CSV)')
  .option('--persons <file>', 'person.csv[.gz]')
  .option('--cast <file>', 'movie_cast.csv[.gz]')
  .option('--crew <file>', 'movie_crew.csv[.gz]')
  .action(async (options: { movies: string; credits?: string; persons?: string; cast?: string; crew?: string }) => {
    const config = loadConfig();
    let credits: CreditFiles;
    if (options.credits && !options.persons && !options.cast && !options.crew) credits = { kind: 'kaggle', credits: options.credits };
    else if (!options.credits && options.persons && options.cast && options.crew) {
      credits = { kind: 'normalized', persons: options.persons, cast: options.cast, crew: options.crew };
    } else throw new UsageError('Give either --credits, or all three of --persons, --cast and --crew.');
    // Every file is checked before the database is opened: a bad one changes nothing.
    await checkTmdbFiles(options.movies, credits);
    const started = performance.now();
    const source = await readTmdb(options.movies, credits);
    await withDatabase(config, async (db) => {
      const summary = await importTmdb(db, source, { progress: createProgress() });
      printSummary(summary, (performance.now() - started) / 1000);
    });
  });

importCommand
  .command('moviedb')
  .argument('<file>', 'a file written by `moviedb export`')
  .description('read a moviedb export (JSON Lines) into an empty catalogue')
  .action(async (file: string) => {
    const config = loadConfig();
    await withDatabase(config, async (db) => {
      const summary = await importCatalogue(db, file);
      console.log(
        `Imported ${Object.entries(summary.rows)
          .map(([table, n]) => `${n} ${table}`)
          .join(', ')}.`,
      );
    });
  });

program
  .command('export')
  .description(
    'write the whole catalogue (countries, languages, genres, keywords, companies, people, movies with their lists, characters, crew, file records) as JSON Lines',
  )
  .requiredOption('--out <file>', 'where to write, e.g. catalogue.jsonl')
  .action(async (options: { out: string }) => {
    const config = loadConfig();
    await withDatabase(config, async (db) => {
      const summary = await exportCatalogue(db, options.out);
      console.log(
        `Wrote ${Object.entries(summary.rows)
          .map(([table, n]) => `${n} ${table}`)
          .join(', ')} to ${options.out}.`,
      );
    });
  });

function printSummary(summary: ImportSummary, seconds: number): void {
  const label = (name: string) => `  ${name.padEnd(16)}`;
  const line = (name: string, c: { inserted: number; updated: number; unchanged: number }) =>
    `${label(name)}${c.inserted} inserted, ${c.updated} updated, ${c.unchanged} unchanged`;
  const links = (name: string, c: { inserted: number; removed: number; unchanged: number; moved?: number }) =>
    `${label(name)}${c.inserted} inserted, ${c.removed} removed, ${c.moved === undefined ? '' : `${c.moved} moved, `}${c.unchanged} unchanged`;
  console.log(
    `Read: ${Object.entries(summary.rowsRead)
      .map(([file, rows]) => `${rows} rows from ${file}`)
      .join('; ')}`,
  );
  console.log(line('people', summary.persons));
  console.log(line('movies', summary.movies));
  console.log(line('characters', summary.characters));
  console.log(`${links('crew', summary.crew)}; ${summary.crew.duplicates} repeated in the source`);
  for (const [name, c] of [
    ['keywords', summary.keywords],
    ['companies', summary.companies],
  ] as const) {
    console.log(`${label(name)}${c.created} created, ${c.updated} renamed, ${c.unchanged} unchanged`);
  }
  console.log(
    `${label('genres')}${summary.genres.created} created; countries ${summary.countries.created} created; languages ${summary.languages.created} created`,
  );
  console.log(links('movie keywords', summary.movieKeywords));
  console.log(links('movie companies', summary.movieCompanies));
  console.log(links('movie languages', summary.movieLanguages));
  console.log(links('movie countries', summary.movieCountries));
  if (!changedAnything(summary)) console.log('Nothing changed: the catalogue already holds these files.');
  if (summary.skipped.length) {
    const reasons = new Map<string, number>();
    for (const s of summary.skipped) reasons.set(s.reason.replace(/\d+/g, 'N'), (reasons.get(s.reason.replace(/\d+/g, 'N')) ?? 0) + 1);
    console.log(`Skipped ${summary.skipped.length} row(s):`);
    for (const [reason, n] of reasons) console.log(`  ${n} × ${reason}`);
    for (const s of summary.skipped.slice(0, 20)) console.log(`  ${s.file}${s.line ? `:${s.line}` : ''}: ${s.reason}`);
    if (summary.skipped.length > 20) console.log(`  ... and ${summary.skipped.length - 20} more`);
  }
  console.log(`Done in ${seconds.toFixed(1)} s.`);
}

program
  .command('seed')
  .argument('<what>', 'demo')
  .description('seed the demo catalogue (about 3,000 films) into an empty catalogue')
  .action(async (what: string) => {
    if (what !== 'demo') throw new UsageError(`Unknown seed ${JSON.stringify(what)}: the one there is is "demo".`);
    const config = loadConfig();
    await withDatabase(config, async (db) => {
      const seeded = await seedDemo(db);
      console.log(seeded > 0 ? `Seeded ${seeded} demo movies.` : 'The catalogue has movies already: nothing seeded.');
    });
  });

class UsageError extends Error {}

/** Opens the configured database, brings it up to date, runs `work`, and closes it whatever happens. */
async function withDatabase<T>(config: Config, work: (db: Database) => Promise<T>): Promise<T> {
  const database = await openConfiguredDatabase(config);
  try {
    await database.migrate();
    return await work(database.db);
  } finally {
    await database.close();
  }
}

function adminProblem(email: string, password: string | undefined, username: string | undefined): string | undefined {
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) return `--email must be an e-mail address (got ${JSON.stringify(email)})`;
  if (!password) return '--password (or the ADMIN_PASSWORD variable) is required';
  if (password.length < 10 || password.length > 256) return 'the password must be 10 to 256 characters';
  if (username !== undefined && !new RegExp(USERNAME_PATTERN).test(username)) {
    return '--username must be 3 to 30 of a-z, 0-9, _ . -';
  }
  return undefined;
}

try {
  await program.parseAsync();
} catch (error) {
  if (
    error instanceof ConfigError ||
    error instanceof DataDirLockedError ||
    error instanceof DatabaseUnavailableError ||
    error instanceof UsageError ||
    error instanceof InputFileError
  ) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exitCode = 1;
}
