import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The full TMDB 5000 import runs only against a real PostgreSQL (TEST_DATABASE_URL, as CI sets)
// with the shared data beside the repository; elsewhere the file is left out rather than skipped.
const fullImport = Boolean(process.env.TEST_DATABASE_URL) && existsSync('../shared/datasets/tmdb5000/tmdb_5000_movies.csv.gz');

// The /3 tests read their fixtures from the shared TMDB 5000 set and check every answer against
// TMDB's OpenAPI document, both in ../shared, and the search relevance set imports the whole TMDB
// 5000 set; left out where it is missing, but never in CI.
const sharedTmdb =
  existsSync('../shared/tmdb/openapi-v3.json') && existsSync('../shared/datasets/tmdb5000/credits_normalized/person.csv.gz');
if (process.env.CI && !sharedTmdb) throw new Error('CI runs the /3 tests: ../shared/tmdb and ../shared/datasets/tmdb5000 must be there.');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      ...(fullImport ? [] : ['test/import/**']),
      ...(sharedTmdb ? [] : ['test/modules/tmdb/**', 'test/relevance/**']),
    ],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Each file opens its own database (PGlite in memory, or a fresh PostgreSQL database).
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
