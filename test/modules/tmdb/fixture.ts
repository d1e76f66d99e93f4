// A small piece of the shared TMDB 5000 set for the /3 tests: the first movies of the movies file,
// their cast and crew and the people in them, written to a temporary folder and imported. The
// source rows are kept, so that tests compare answers with them. vitest.config.ts runs this
// folder only where ../shared is there (always in CI).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';
import type { Database } from '../../../src/db/database.js';
import type { TestApp } from '../../helpers/app.js';
import { expectTmdbShape } from '../../helpers/tmdb-schema.js';
import { readCsv } from '../../../src/modules/imports/csv-source.js';
import { flushPendingRecounts } from '../../../src/modules/imports/recounts.js';
import { importTmdb } from '../../../src/modules/imports/tmdb-import.js';
import { readTmdb } from '../../../src/modules/imports/tmdb-source.js';

const DATA = path.resolve('../shared/datasets/tmdb5000');
const SOURCE = {
  movies: path.join(DATA, 'tmdb_5000_movies.csv.gz'),
  persons: path.join(DATA, 'credits_normalized/person.csv.gz'),
  cast: path.join(DATA, 'credits_normalized/movie_cast.csv.gz'),
  crew: path.join(DATA, 'credits_normalized/movie_crew.csv.gz'),
};

type Row = Record<string, string>;

export interface Fixture {
  movies: Row[];
  cast: Row[];
  crew: Row[];
  persons: Map<string, string>;
}

async function rowsOf(file: string, keep: (row: Row) => boolean, limit = Infinity): Promise<{ header: string[]; rows: Row[] }> {
  const rows: Row[] = [];
  let header: string[] = [];
  for await (const { values } of readCsv(file, () => {})) {
    if (header.length === 0) header = Object.keys(values);
    if (keep(values)) rows.push(values);
    if (rows.length >= limit) break;
  }
  return { header, rows };
}

const cell = (value: string) => (/[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
const csvText = (header: string[], rows: Row[]) =>
  [header.join(','), ...rows.map((row) => header.map((h) => cell(row[h] ?? '')).join(','))].join('\n') + '\n';

/** The first `count` movies with their credits, imported into `db`. */
export async function importFixture(db: Database, count: number): Promise<Fixture> {
  const movies = await rowsOf(SOURCE.movies, () => true, count);
  const ids = new Set(movies.rows.map((m) => m.id));
  const cast = await rowsOf(SOURCE.cast, (r) => ids.has(r.movie_id));
  const crew = await rowsOf(SOURCE.crew, (r) => ids.has(r.movie_id));
  const people = new Set([...cast.rows, ...crew.rows].map((r) => r.person_id));
  const persons = await rowsOf(SOURCE.persons, (r) => people.has(r.person_id));
  const dir = mkdtempSync(path.join(tmpdir(), 'moviedb-tmdb-api-'));
  const write = (name: string, part: { header: string[]; rows: Row[] }) => {
    const file = path.join(dir, name);
    writeFileSync(file, csvText(part.header, part.rows));
    return file;
  };
  const source = await readTmdb(write('movies.csv', movies), {
    kind: 'normalized',
    persons: write('person.csv', persons),
    cast: write('movie_cast.csv', cast),
    crew: write('movie_crew.csv', crew),
  });
  await importTmdb(db, source);
  await flushPendingRecounts(db);
  return {
    movies: movies.rows,
    cast: cast.rows,
    crew: crew.rows,
    persons: new Map(persons.rows.map((r) => [r.person_id!, r.person_name!])),
  };
}

/** Settings for a test app: keys required, and a rate limit no ordinary test reaches. */
export const TMDB_TEST_SETTINGS = { prefix: '/3', requireKey: true, ratePer10Seconds: 100_000, today: '2015-06-01' };

export interface Answer {
  status: number;
  body: Record<string, unknown> & { results?: Record<string, unknown>[] };
  headers: Record<string, unknown>;
}

/** GET a /3 URL with the key as a Bearer token. */
export async function tmdbGet(t: TestApp, url: string, key: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}`, ...headers } });
  return { status: response.statusCode, body: response.json<Answer['body']>(), headers: response.headers };
}

/** The source's JSON lists (genres, keywords...) of a movie row. */
export const listOf = <T = Record<string, unknown>>(row: Row, column: string): T[] => JSON.parse(row[column] ?? '[]') as T[];

/** Counts of what the tests compared, printed at the end of each file. */
export const compared = { fields: 0 };
export function expectField(actual: unknown, expected: unknown, label: string): void {
  expect(actual, label).toEqual(expected);
  compared.fields++;
}

/**
 * A real client's calls, counted: `use` checks an answer against TMDB's document and counts the
 * method; `row` and `byPopularity` read the fixture the calls are compared with.
 */
export function clientCalls(fixture: () => Fixture) {
  const called = new Set<string>();
  const use = async <T>(method: string, route: string, answer: Promise<T>, appended: Record<string, string> = {}): Promise<T> => {
    const body = await answer;
    expectTmdbShape(route, body, appended);
    called.add(method);
    return body;
  };
  return {
    called,
    use,
    row: (id: string) => fixture().movies.find((m) => m.id === id)!,
    byPopularity: () => [...fixture().movies].sort((a, b) => Number(b.popularity) - Number(a.popularity)),
  };
}
