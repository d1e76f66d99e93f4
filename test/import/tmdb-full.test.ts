// The whole shared TMDB 5000 set into PostgreSQL (CI runs it): the counts the source files give,
// then a second run that inserts nothing. vitest.config.ts leaves this file out unless
// TEST_DATABASE_URL names a server and ../shared holds the data.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/modules/imports/csv-source.js';
import { importTmdb } from '../../src/modules/imports/tmdb-import.js';
import { readTmdb } from '../../src/modules/imports/tmdb-source.js';
import { findMovieDetailsJson } from '../../src/modules/movies/movies.queries.js';
import { findPersonDetailsJson } from '../../src/modules/persons/persons.queries.js';
import { createTestDatabase, derivedDrift, query, TEST_DATABASE_URL } from '../helpers/database.js';
import { documentCheck } from '../helpers/document-shapes.js';

const DATA = path.resolve('../shared/datasets/tmdb5000');
const files = {
  movies: path.join(DATA, 'tmdb_5000_movies.csv.gz'),
  persons: path.join(DATA, 'credits_normalized/person.csv.gz'),
  cast: path.join(DATA, 'credits_normalized/movie_cast.csv.gz'),
  crew: path.join(DATA, 'credits_normalized/movie_crew.csv.gz'),
};

if (!TEST_DATABASE_URL || !Object.values(files).every((file) => existsSync(file))) {
  throw new Error('The full import needs TEST_DATABASE_URL and ../shared/datasets/tmdb5000 (see vitest.config.ts).');
}

describe('the full TMDB 5000 import into PostgreSQL', () => {
  it('brings every movie, one character per cast row, a director wherever the crew names one; then changes nothing', async () => {
    // What the files say, counted here without the importer's code.
    let castRows = 0;
    for await (const _row of readCsv(files.cast, () => {})) castRows++;
    const directed = new Set<string>();
    for await (const { values } of readCsv(files.crew, () => {})) if (values.job === 'Director') directed.add(values.movie_id!);

    const t = await createTestDatabase();
    try {
      const credits = { kind: 'normalized' as const, persons: files.persons, cast: files.cast, crew: files.crew };
      const started = performance.now();
      const summary = await importTmdb(t.handle.db, await readTmdb(files.movies, credits));
      const seconds = (performance.now() - started) / 1000;
      console.log(`Full TMDB 5000 import into PostgreSQL: ${seconds.toFixed(1)} s`);
      expect(summary.skipped).toEqual([]);

      const [counts] = await query<{ movies: number; characters: number; directed: number; seydoux: string }>(
        t.handle,
        `select (select count(*)::int from movie) as movies, (select count(*)::int from "character") as characters,
                (select count(*)::int from movie where director_id is not null) as directed,
                (select first_name || ' ' || last_name from person where last_name = 'Seydoux' and first_name like 'L%' limit 1) as seydoux`,
      );
      expect(counts).toEqual({ movies: 4803, characters: castRows, directed: directed.size, seydoux: 'Léa Seydoux' });
      expect(castRows).toBe(106_257);
      // Every crew row of the source: 129,581 credits in 418 jobs and TMDB's 12 departments, none an exact repeat.
      const [crew] = await query<{ credits: number; jobs: number; departments: number; directors: number }>(
        t.handle,
        `select count(*)::int as credits, count(distinct job)::int as jobs, count(distinct department_id)::int as departments,
                count(distinct movie_id) filter (where job = 'Director')::int as directors
         from crew_credit`,
      );
      expect(crew).toEqual({ credits: 129_581, jobs: 418, departments: 12, directors: directed.size });
      expect(summary.crew).toEqual({ inserted: 129_581, removed: 0, unchanged: 0, duplicates: 0 });
      // The derived columns came out of the triggers, set-based, right for every row.
      expect(await derivedDrift(t.handle)).toEqual([]);

      // Every imported movie's page, and the pages of the most credited people and of a spread of
      // the rest, as PostgreSQL builds them, fit the OpenAPI document's schemas exactly.
      const openapi = JSON.parse(readFileSync('docs/openapi.json', 'utf8')) as Parameters<typeof documentCheck>[0];
      const movieCheck = documentCheck(openapi, 'MovieDetails');
      const personCheck = documentCheck(openapi, 'PersonDetails');
      const failures: string[] = [];
      const movieIds = await query<{ id: number }>(t.handle, 'select movie_id as id from movie order by movie_id');
      for (const { id } of movieIds) {
        for (const error of movieCheck((await findMovieDetailsJson(t.handle.db, id))!)) failures.push(`movie ${id}: ${error}`);
      }
      const personIds = await query<{ id: number }>(
        t.handle,
        `(select person_id as id from person order by movies_acted + movies_directed desc, person_id limit 300)
         union (select person_id from person where person_id % 97 = 0)`,
      );
      for (const { id } of personIds) {
        for (const error of personCheck((await findPersonDetailsJson(t.handle.db, id))!)) failures.push(`person ${id}: ${error}`);
      }
      expect(failures.slice(0, 20)).toEqual([]);
      expect(movieIds.length).toBe(4803);
      expect(personIds.length).toBeGreaterThan(500);

      const again = await importTmdb(t.handle.db, await readTmdb(files.movies, credits));
      expect(again.persons.inserted + again.movies.inserted + again.characters.inserted).toBe(0);
      expect(again.persons.updated + again.movies.updated + again.characters.updated).toBe(0);
      expect(again.crew).toEqual({ inserted: 0, removed: 0, unchanged: 129_581, duplicates: 0 });
    } finally {
      await t.drop();
    }
  }, 300_000);
});
