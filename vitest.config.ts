import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// The full TMDB 5000 import runs only against a real PostgreSQL (TEST_DATABASE_URL, as CI sets)
// with the shared data beside the repository; elsewhere the file is left out rather than skipped.
const fullImport = Boolean(process.env.TEST_DATABASE_URL) && existsSync('../shared/datasets/tmdb5000/tmdb_5000_movies.csv.gz');

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['**/node_modules/**', ...(fullImport ? [] : ['test/import/**'])],
    globalSetup: ['test/helpers/global-setup.ts'],
    // Each file opens its own database (PGlite in memory, or a fresh PostgreSQL database).
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
