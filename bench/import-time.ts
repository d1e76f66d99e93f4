// Times the full TMDB 5000 import (shared normalized credits) into a new embedded database and,
// when BENCH_DATABASE_URL names a PostgreSQL server, into a new database there; the second run of
// each shows what an import with nothing to do costs. Run: npx tsx bench/import-time.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openDatabase, type DatabaseHandle } from '../src/db/database.js';
import { importTmdb } from '../src/modules/imports/tmdb-import.js';
import { readTmdb } from '../src/modules/imports/tmdb-source.js';

const DATA = path.resolve(process.env.TMDB_DIR ?? '../shared/datasets/tmdb5000');
const credits = {
  kind: 'normalized' as const,
  persons: path.join(DATA, 'credits_normalized/person.csv.gz'),
  cast: path.join(DATA, 'credits_normalized/movie_cast.csv.gz'),
  crew: path.join(DATA, 'credits_normalized/movie_crew.csv.gz'),
};
const moviesFile = path.join(DATA, 'tmdb_5000_movies.csv.gz');

async function time(label: string, handle: DatabaseHandle) {
  await handle.migrate();
  const rows = [];
  for (const run of ['first run', 'second run']) {
    const started = performance.now();
    const source = await readTmdb(moviesFile, credits);
    const read = performance.now();
    const summary = await importTmdb(handle.db, source);
    const done = performance.now();
    rows.push({
      database: label,
      run,
      'read files (s)': ((read - started) / 1000).toFixed(1),
      'write (s)': ((done - read) / 1000).toFixed(1),
      'total (s)': ((done - started) / 1000).toFixed(1),
      inserted: summary.persons.inserted + summary.movies.inserted + summary.characters.inserted,
    });
  }
  await handle.close();
  return rows;
}

const results = [];
const dataDir = mkdtempSync(path.join(tmpdir(), 'moviedb-bench-import-'));
try {
  results.push(...(await time('embedded PGlite', await openDatabase({ kind: 'pglite', dataDir }))));
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
const serverUrl = process.env.BENCH_DATABASE_URL;
if (serverUrl) {
  const name = `moviedb_bench_${Date.now()}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    results.push(...(await time('PostgreSQL', await openDatabase({ kind: 'postgres', url: url.toString() }))));
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
console.table(results);
