// Generates a synthetic catalogue at scale in a PostgreSQL database of its own, for bench/run.ts:
// N movies, 3N people, about 10N characters and 10N crew credits, keywords and companies, N/10 users
// and about N favorites, the same rows for the same arguments. The database is dropped and created anew with the project's migrations.
// Run: npx tsx bench/generate.ts --movies 1000000 [--database-url URL] [--seed 1] [--verify]
// (see docs/performance.md).
import type { Sql } from 'postgres';
import { hashPassword } from '../src/modules/auth/passwords.js';
import { benchDatabaseUrl, databaseName, readOptions, wholeNumber } from './lib/args.js';
import {
  dropPrimaryKeys,
  dropSecondaryIndexes,
  loadingConnections,
  recreateDatabase,
  recreateIndexes,
  resetIdentitySequences,
  vacuumAnalyze,
} from './lib/bulk-load.js';
import {
  BENCH_PASSWORD,
  MIN_MOVIES,
  analyzeStagingTables,
  createStagingTables,
  dropStagingTables,
  generateFavorites,
  generateMovies,
  generatePersons,
  countryPicker,
  generateUsers,
  readReferenceData,
  scaleFor,
} from './lib/catalogue.js';
import {
  insertActorRoles,
  insertMovieSearchWords,
  insertMovies,
  insertPersonSearchWords,
  insertPersons,
  insertSearchWords,
  updateLinkCounts,
} from './lib/derived-columns.js';
import { generateKeywordsAndCompanies } from './lib/movie-links.js';
import { createPhaseLog } from './lib/phases.js';
import { verifyCatalogue } from './lib/verify.js';

// Filled in one statement each, from movie and person: their primary keys are built afterwards too.
const POSTING_TABLES = ['movie_search_word', 'person_search_word'];
const LOADED_TABLES = [
  'movie',
  'person',
  'character',
  'actor_roles',
  'movie_genre',
  'keyword',
  'movie_keyword',
  'company',
  'movie_company',
  'movie_language',
  'movie_country',
  'crew_credit',
  'favorite_movies',
  'user_account',
  'search_word',
  ...POSTING_TABLES,
];

const USAGE = 'Usage: npx tsx bench/generate.ts --movies N [--database-url postgres://...bench...] [--seed 1] [--verify]';
const options = readOptions(
  {
    movies: { type: 'string' },
    'database-url': { type: 'string' },
    seed: { type: 'string', default: '1' },
    verify: { type: 'boolean', default: false },
  },
  USAGE,
);
const scale = scaleFor(wholeNumber('movies', options.movies, MIN_MOVIES, 50_000_000));
const seed = wholeNumber('seed', options.seed, 0, 2 ** 31 - 1);
const url = benchDatabaseUrl(options['database-url']);

const log = createPhaseLog();
console.log(
  `Generating ${databaseName(url)}: ${scale.movies} movies, ${scale.persons} people, ${scale.keywords} keywords, ` +
    `${scale.companies} companies, ${scale.users} users (seed ${seed})`,
);

await log.run('create the database and apply the migrations', () => recreateDatabase(url));
// Nine COPY streams at once while the movies are drawn, plus one to watch them.
const sql = loadingConnections(url, 11);
let failed = false;
try {
  const reference = await readReferenceData(sql);
  const indexes = await log.run('set the secondary indexes aside', async () => {
    await createStagingTables(sql);
    return [...(await dropSecondaryIndexes(sql, LOADED_TABLES)), ...(await dropPrimaryKeys(sql, POSTING_TABLES))];
  });
  // Hashed once: hashing a hundred thousand passwords with argon2 would take hours.
  const passwordHash = await hashPassword(BENCH_PASSWORD);

  await log.run('people', () => generatePersons(sql, scale, reference, seed, (done) => log.note(`${done} of ${scale.persons} people`)));
  await log.run('keywords and companies', () => generateKeywordsAndCompanies(sql, scale, countryPicker(reference), seed));
  await log.run('movies, genres, characters, performers, keywords, companies, languages, countries, crew', () =>
    generateMovies(sql, scale, reference, seed, (done) => log.note(`${done} of ${scale.movies} movies`)),
  );
  await log.run('users', () => generateUsers(sql, scale, passwordHash, seed));
  await log.run('favorites', () => generateFavorites(sql, scale, seed));

  await log.run('movies, people and credits with their derived columns, the search postings', async () => {
    const step = async (name: string, work: () => Promise<number>) => {
      const started = performance.now();
      const rows = await work();
      log.note(`${name}: ${rows} rows (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    };
    await analyzeStagingTables(sql);
    // The people's statement reads these two as well (credits of the search weight).
    await sql.unsafe(`analyze "character", crew_credit`);
    // Independent statements: PostgreSQL runs them side by side on separate connections. Each
    // table's postings follow it as soon as it is loaded; the dictionary needs both postings.
    await Promise.all([
      step('movie', () => insertMovies(sql)).then(() => step('movie_search_word', () => insertMovieSearchWords(sql))),
      step('person', () => insertPersons(sql)).then(() => step('person_search_word', () => insertPersonSearchWords(sql))),
      step('actor_roles', () => insertActorRoles(sql)),
      step('keyword and company movies_count', () => updateLinkCounts(sql)),
    ]);
    await step('search_word', () => insertSearchWords(sql));
    await resetIdentitySequences(sql);
    await dropStagingTables(sql);
  });
  await log.run(`rebuild ${indexes.length} indexes`, () =>
    recreateIndexes(sql, indexes, 2, (index, seconds) => log.note(`${index.name} (${seconds.toFixed(1)} s)`)),
  );
  await log.run('vacuum and analyze', () => vacuumAnalyze(sql, LOADED_TABLES, 2));

  console.log(`\nGenerated in ${log.totalSeconds().toFixed(1)} s`);
  console.table(log.summary());
  console.table(await tableCounts(sql));

  if (options.verify) {
    const results = await log.run('verify', () =>
      verifyCatalogue(sql, (result, seconds) => log.note(`${result.check}: ${result.mismatches} (${seconds.toFixed(1)} s)`)),
    );
    const wrong = results.filter((result) => result.mismatches !== 0);
    if (wrong.length > 0) {
      console.error('\nVerify FAILED:');
      console.table(wrong);
      failed = true;
    } else {
      console.log(`\nVerify OK: ${results.length} checks, no mismatch`);
    }
  }
} finally {
  await sql.end({ timeout: 5 });
}
if (failed) process.exitCode = 1;

/** The rows in each loaded table, as the database counts them. */
async function tableCounts(sql: Sql) {
  const counts = [];
  for (const table of LOADED_TABLES) {
    const [row] = await sql.unsafe<{ rows: string }[]>(`select count(*) as rows from public."${table}"`);
    counts.push({ table, rows: Number(row?.rows ?? 0) });
  }
  return counts;
}
