// The whole shared TMDB 5000 set into PostgreSQL (CI runs it): the counts the source files give
// (cast, crew, keywords, companies, spoken languages, production countries), then a second run
// that changes nothing. vitest.config.ts leaves this file out unless
// TEST_DATABASE_URL names a server and ../shared holds the data.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../src/modules/imports/csv-source.js';
import { changedAnything, importTmdb } from '../../src/modules/imports/tmdb-import.js';
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

/**
 * The movies file's lists, read here with JSON.parse alone: each movie's entries in order, each
 * once, named ones only (the shared file has keywords with a blank name, which the import skips).
 */
async function sourceLists() {
  const lists = {
    keywords: new Map<string, string[]>(),
    companies: new Map<string, string[]>(),
    languages: new Map<string, string[]>(),
    countries: new Map<string, string[]>(),
  };
  const unnamedKeywords: string[] = [];
  const columns = {
    keywords: ['keywords', 'id'],
    companies: ['production_companies', 'id'],
    languages: ['spoken_languages', 'iso_639_1'],
    countries: ['production_countries', 'iso_3166_1'],
  } as const;
  for await (const { line, values } of readCsv(files.movies, () => {})) {
    for (const [list, [column, key]] of Object.entries(columns) as [keyof typeof lists, readonly [string, string]][]) {
      const entries = JSON.parse(values[column]!) as Record<string, string | number>[];
      const keys: string[] = [];
      for (const entry of entries) {
        if (list === 'keywords' && !String(entry.name).trim()) {
          unnamedKeywords.push(`${files.movies}:${line}: keyword ${entry.id} without a name left out`);
        } else if (!keys.includes(String(entry[key]))) keys.push(String(entry[key]));
      }
      lists[list].set(values.id!, keys);
    }
  }
  const total = (list: Map<string, string[]>) => [...list.values()].reduce((n, keys) => n + keys.length, 0);
  const distinct = (list: Map<string, string[]>) => new Set([...list.values()].flat()).size;
  return { lists, unnamedKeywords, total, distinct };
}

describe('the full TMDB 5000 import into PostgreSQL', () => {
  it('brings every movie, one character per cast row, a director wherever the crew names one; then changes nothing', async () => {
    // What the files say, counted here without the importer's code.
    let castRows = 0;
    for await (const _row of readCsv(files.cast, () => {})) castRows++;
    const directed = new Set<string>();
    for await (const { values } of readCsv(files.crew, () => {})) if (values.job === 'Director') directed.add(values.movie_id!);
    const { lists, unnamedKeywords, total, distinct } = await sourceLists();
    // What the shared file holds, so that a change of the data set shows here first.
    expect(
      Object.fromEntries(Object.entries(lists).map(([name, list]) => [name, { links: total(list), distinct: distinct(list) }])),
    ).toEqual({
      keywords: { links: 36_192, distinct: 9_812 },
      companies: { links: 13_677, distinct: 5_047 },
      languages: { links: 6_937, distinct: 87 },
      countries: { links: 6_436, distinct: 88 },
    });
    const withCountries = [...lists.countries.values()].filter((codes) => codes.length > 0).length;

    const t = await createTestDatabase();
    try {
      const credits = { kind: 'normalized' as const, persons: files.persons, cast: files.cast, crew: files.crew };
      const started = performance.now();
      const summary = await importTmdb(t.handle.db, await readTmdb(files.movies, credits));
      const seconds = (performance.now() - started) / 1000;
      console.log(`Full TMDB 5000 import into PostgreSQL: ${seconds.toFixed(1)} s`);
      expect(summary.skipped.map((s) => `${s.file}:${s.line}: ${s.reason}`)).toEqual(unnamedKeywords);
      expect(unnamedKeywords.length).toBe(2);

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

      // Keywords, companies, spoken languages and production countries: every one, each movie's in order.
      const [links] = await query<Record<string, number>>(
        t.handle,
        `select (select count(*)::int from keyword) as keywords, (select count(*)::int from movie_keyword) as movie_keywords,
                (select count(*)::int from company) as companies, (select count(*)::int from movie_company) as movie_companies,
                (select count(distinct language_code)::int from movie_language) as languages,
                (select count(*)::int from movie_language) as movie_languages,
                (select count(distinct country_id)::int from movie_country) as countries,
                (select count(*)::int from movie_country) as movie_countries,
                (select count(*)::int from movie m where m.country_id is distinct from
                   (select mc.country_id from movie_country mc where mc.movie_id = m.movie_id and mc.position = 0)) as heads_astray`,
      );
      expect(links).toEqual({
        keywords: distinct(lists.keywords),
        movie_keywords: total(lists.keywords),
        companies: distinct(lists.companies),
        movie_companies: total(lists.companies),
        languages: distinct(lists.languages),
        movie_languages: total(lists.languages),
        countries: distinct(lists.countries),
        movie_countries: total(lists.countries),
        heads_astray: 0,
      });
      const ordered = await query<{ tmdb: number; keywords: string[]; companies: string[]; languages: string[]; countries: string[] }>(
        t.handle,
        `select m.tmdb_id as tmdb,
           array(select k.tmdb_id::text from movie_keyword mk join keyword k using (keyword_id) where mk.movie_id = m.movie_id) as keywords,
           array(select co.tmdb_id::text from movie_company mc join company co using (company_id)
                 where mc.movie_id = m.movie_id order by mc.position) as companies,
           array(select ml.language_code from movie_language ml where ml.movie_id = m.movie_id order by ml.position) as languages,
           array(select c.code::text from movie_country mc join country c using (country_id)
                 where mc.movie_id = m.movie_id order by mc.position) as countries
         from movie m`,
      );
      const astray = ordered.flatMap((m) => {
        const id = String(m.tmdb);
        const same = (a: string[], b: string[] | undefined) => JSON.stringify(a) === JSON.stringify(b);
        return same([...m.keywords].sort(), [...lists.keywords.get(id)!].sort()) &&
          same(m.companies, lists.companies.get(id)) &&
          same(m.languages, lists.languages.get(id)) &&
          same(m.countries, lists.countries.get(id))
          ? []
          : [id];
      });
      expect(astray).toEqual([]);
      expect(summary.keywords).toEqual({ created: distinct(lists.keywords), updated: 0, unchanged: 0 });
      expect(summary.companies).toEqual({ created: distinct(lists.companies), updated: 0, unchanged: 0 });
      // Every spoken language of the set is among the seeded ones (with TMDB's cn, sh and xx).
      expect(summary.languages).toEqual({ created: 0 });
      expect(summary.movieKeywords).toEqual({ inserted: total(lists.keywords), removed: 0, unchanged: 0 });
      expect(summary.movieCompanies).toEqual({ inserted: total(lists.companies), moved: 0, removed: 0, unchanged: 0 });
      expect(summary.movieLanguages).toEqual({ inserted: total(lists.languages), moved: 0, removed: 0, unchanged: 0 });
      expect(summary.movieCountries).toEqual({ inserted: total(lists.countries) - withCountries, moved: 0, removed: 0, unchanged: 0 });
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

      const secondStarted = performance.now();
      const again = await importTmdb(t.handle.db, await readTmdb(files.movies, credits));
      console.log(`Second run of the full TMDB 5000 import (nothing to do): ${((performance.now() - secondStarted) / 1000).toFixed(1)} s`);
      expect(again.persons.inserted + again.movies.inserted + again.characters.inserted).toBe(0);
      expect(again.persons.updated + again.movies.updated + again.characters.updated).toBe(0);
      expect(again.crew).toEqual({ inserted: 0, removed: 0, unchanged: 129_581, duplicates: 0 });
      expect(again.movieKeywords).toEqual({ inserted: 0, removed: 0, unchanged: total(lists.keywords) });
      expect(again.movieCountries).toEqual({ inserted: 0, moved: 0, removed: 0, unchanged: total(lists.countries) - withCountries });
      expect(changedAnything(again)).toBe(false);
    } finally {
      await t.drop();
    }
  }, 300_000);
});
