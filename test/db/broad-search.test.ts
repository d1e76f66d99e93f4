// A broad search phrase (one that matches more rows than BROAD_MATCHES, by the planner's estimate)
// is read another way: ranked by relevance, from its best candidates; sorted by a field, by walking
// the sort's index. Over a catalogue smaller than the candidate bound, both ways must list exactly
// what the narrow way lists, in the same order, page after page.
import { rmSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCursorCodec } from '../../src/http/cursor.js';
import { fileServiceFor } from '../../src/modules/files/files.module.js';
import { createConfiguredStorage } from '../../src/storage/configured-storage.js';
import type { MovieListQuery } from '../../src/modules/movies/movies.schemas.js';
import { createMovieService } from '../../src/modules/movies/movies.service.js';
import type { PersonListQuery } from '../../src/modules/persons/persons.schemas.js';
import { createPersonService } from '../../src/modules/persons/persons.service.js';
import { analyzeSearchText, estimatedMatches, matchCondition } from '../../src/db/search-text.js';
import { MOVIE_SEARCH, MOVIE_SEARCH_COLUMNS } from '../../src/modules/movies/movies.queries.js';
import { testConfig } from '../helpers/app.js';
import { query, useTestDatabase } from '../helpers/database.js';

const t = useTestDatabase();
const cursors = createCursorCodec('a test secret of more than thirty-two characters');
const config = testConfig();
let deps: Parameters<typeof createMovieService>[0];

beforeAll(async () => {
  // The services as the app builds them, with a real file service (these reads never use it).
  deps = { db: t.handle.db, cursors, files: fileServiceFor(config, { db: t.handle.db, storage: await createConfiguredStorage(config) }) };
  // Titles with "the" at the start, inside and as part of a longer word; release dates and budgets
  // that repeat or are unknown; a genre on every third movie; favorites on a few.
  await query(
    t.handle,
    sql`insert into movie (title, release_date, budget)
      select (array['The Harbor', 'Harbor of the Sea', 'Theory of Tides', 'Quiet Water', 'the harbor'])[1 + i % 5] || ' ' || (i % 7),
        case when i % 6 = 0 then null else date '1990-01-01' + (i % 4) * 365 end,
        case when i % 4 = 0 then null else (i % 3) * 1000 end
      from generate_series(1, 60) as i`,
  );
  await query(
    t.handle,
    sql`insert into movie_genre (movie_id, genre_id)
      select m.movie_id, (select min(genre_id) from genre) from movie m where m.movie_id % 3 = 0`,
  );
  await query(
    t.handle,
    sql`insert into user_account (username, email, password_hash, first_name, last_name)
      select 'fan' || i, 'fan' || i || '@example.com', 'x', 'Fan', 'Number' || i from generate_series(1, 3) as i`,
  );
  await query(
    t.handle,
    sql`insert into favorite_movies (user_id, movie_id)
      select u.user_id, m.movie_id from user_account u join movie m on m.movie_id % (u.user_id % 3 + 4) = 0`,
  );
  await query(
    t.handle,
    sql`insert into person (first_name, last_name, birth_date)
      select (array['Anna', 'Annabel', 'Hanna', 'Joan'])[1 + i % 4], (array['Annan', 'Smith', 'Lee'])[1 + i % 3],
        case when i % 5 = 0 then null else date '1970-01-01' + i end
      from generate_series(1, 40) as i`,
  );
  // Some people act, so that their figures differ.
  await query(
    t.handle,
    sql`insert into "character" (name, role, movie_id, actor_id, billing_order)
      select 'Someone', 'leading', m.movie_id, p.person_id, 0
      from movie m join person p on p.person_id % 9 = m.movie_id % 9 where m.movie_id % 2 = 0`,
  );
});
afterAll(() => rmSync(config.dataDir, { recursive: true, force: true }));

/** Every page of a list, walked by cursor: the ids, in order. */
async function walk<Q extends { pageSize: number; cursor?: string }>(
  list: (query: Q) => Promise<{ items: { id: number }[]; nextCursor: string | null }>,
  query: Q,
) {
  const ids: number[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await list({ ...query, ...(cursor === undefined ? {} : { cursor }) });
    ids.push(...page.items.map((item) => item.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('more than 100 pages');
}

describe('a broad search phrase', () => {
  const movieQueries: Omit<MovieListQuery, 'pageSize'>[] = [
    { q: 'the' },
    { q: 'harbor' },
    { q: 'the', sort: '-releaseDate' },
    { q: 'the', sort: 'budget' },
    { q: 'the', sort: '-popularity' },
    { q: 'the', sort: 'title' },
  ];

  it.each(movieQueries)('lists the same movies in the same order as a narrow one: %j', async (given) => {
    const narrow = createMovieService(deps);
    const broad = createMovieService({ ...deps, broadMatches: 0 });
    const [genre] = await query<{ id: number }>(t.handle, 'select min(genre_id) as id from genre');
    for (const extra of [{}, { genre: String(genre!.id) }]) {
      const wanted = { ...given, ...extra, pageSize: 7 };
      const expected = await walk((q) => narrow.listMovies(q), wanted);
      expect(await walk((q) => broad.listMovies(q), wanted)).toEqual(expected);
      // Every match, once.
      const text = await analyzeSearchText(t.handle.db, given.q!);
      const [matches] = await query<{ n: number }>(
        t.handle,
        sql`select count(*)::int as n from movie m where ${matchCondition(MOVIE_SEARCH_COLUMNS, text)}
          ${'genre' in extra ? sql`and m.genre_ids @> array[${genre!.id}]::int[]` : sql``}`,
      );
      expect(new Set(expected).size).toBe(expected.length);
      expect(expected.length).toBe(matches!.n);
      expect(expected.length).toBeGreaterThan(7);
    }
  });

  it.each([{ q: 'ann' }, { q: 'anna', sort: '-moviesActed' }, { q: 'ann', sort: 'name' }] as Omit<PersonListQuery, 'pageSize'>[])(
    'lists the same people in the same order as a narrow one: %j',
    async (given) => {
      const narrow = createPersonService(deps);
      const broad = createPersonService({ ...deps, broadMatches: 0 });
      const wanted = { ...given, pageSize: 6 };
      const expected = await walk((q) => narrow.listPersons(q), wanted);
      expect(expected.length).toBeGreaterThan(6);
      expect(await walk((q) => broad.listPersons(q), wanted)).toEqual(expected);
    },
  );

  it('is told from a narrow one by the planner, with the list filters counted', async () => {
    const common = await analyzeSearchText(t.handle.db, 'the');
    const none = await analyzeSearchText(t.handle.db, 'zzzzqqq');
    await query(t.handle, 'analyze movie');
    const broadEstimate = await estimatedMatches(t.handle.db, MOVIE_SEARCH, common, []);
    expect(broadEstimate).toBeGreaterThan(await estimatedMatches(t.handle.db, MOVIE_SEARCH, none, []));
    expect(await estimatedMatches(t.handle.db, MOVIE_SEARCH, common, [sql`false`])).toBeLessThan(broadEstimate);
  });
});
