// total_results over a larger catalogue: exact up to EXACT_TOTAL_MAX matches where the planner
// expects fewer than 10,000, its estimate beyond (never below what a page shows there is, exact
// once a client reaches the end); pages past TMDB's 500 answer rows; and pages read from the end
// of a page served before them (db/list-memory.ts) are the pages an offset finds, before and after
// a write.
import { beforeAll, describe, expect, it } from 'vitest';
import { EXACT_TOTAL_MAX } from '../../../src/modules/tmdb/tmdb-lists.queries.js';
import { useTestApp } from '../../helpers/app.js';
import { query } from '../../helpers/database.js';
import { expectTmdbShape } from '../../helpers/tmdb-schema.js';
import { TMDB_TEST_SETTINGS } from './fixture.js';

const statements: string[] = [];
const t = useTestApp({ tmdbApi: { ...TMDB_TEST_SETTINGS, requireKey: false } }, { logQuery: (text) => statements.push(text) });
/** More than TMDB's 500 pages of 20. */
const MOVIES = 10_500;
beforeAll(async () => {
  await query(
    t.database.handle,
    `insert into movie (title, release_date) select 'Generated ' || g, date '2000-01-01' + (g % 3650) from generate_series(1, ${MOVIES}) g`,
  );
  await query(t.database.handle, 'analyze movie');
}, 120_000);

const get = async (url: string) =>
  (await t.app.inject({ method: 'GET', url })).json<{
    page: number;
    results: { id: number }[];
    total_results: number;
    total_pages: number;
  }>();

describe('totals', () => {
  it('estimates a total past EXACT_TOTAL_MAX, and counts one below it exactly', async () => {
    const all = await get('/3/movie/popular');
    expectTmdbShape('/3/movie/popular', all);
    expect(all.total_results).toBeGreaterThan(EXACT_TOTAL_MAX);
    expect(Math.abs(all.total_results - MOVIES)).toBeLessThan(MOVIES * 0.2);
    expect(all.total_pages).toBe(Math.ceil(all.total_results / 20));
    const year = await get('/3/discover/movie?primary_release_year=2001');
    const [exact] = await query<{ n: number }>(
      t.database.handle,
      "select count(*)::int as n from movie where release_date between '2001-01-01' and '2001-12-31'",
    );
    expect(year.total_results).toBe(exact!.n);
  });

  it('answers page 501 and beyond with rows, each once', async () => {
    const page501 = await get('/3/movie/popular?page=501');
    const page502 = await get('/3/movie/popular?page=502');
    expect(page501.results).toHaveLength(20);
    expect(page502.results).toHaveLength(20);
    expect(new Set([...page501.results, ...page502.results].map((m) => m.id)).size).toBe(40);
    const last = await get(`/3/movie/popular?page=${Math.ceil(MOVIES / 20)}`);
    expect(last.results).toHaveLength(MOVIES % 20 || 20);
  });

  it('reads a page after the end of the page before it, and finds the rows an offset finds, before and after a write', async () => {
    const byOffset = async (page: number) =>
      (
        await query<{ id: number }>(
          t.database.handle,
          `select 1000000000 + movie_id as id from movie order by popularity_score desc, movie_id desc offset ${(page - 1) * 20} limit 20`,
        )
      ).map((r) => Number(r.id));
    const ids = async (page: number) => (await get(`/3/movie/popular?page=${page}`)).results.map((m) => m.id);

    /** The page, checked against the offset's, read after a page end: one statement, a row comparison, no rows skipped. */
    const expectReadFromAPageEnd = async (page: number) => {
      statements.length = 0;
      expect(await ids(page)).toEqual(await byOffset(page));
      const listed = statements.filter((text) => text.includes('position_id'));
      expect(listed).toHaveLength(1);
      expect(listed[0]).not.toMatch(/\boffset\b/);
      expect(listed[0]).toMatch(/\) < \(/);
    };

    expect(await ids(300)).toEqual(await byOffset(300));
    // Page 301 starts where page 300 ended.
    await expectReadFromAPageEnd(301);
    expect(await ids(305)).toEqual(await byOffset(305));
    // Page 300 again: from the end of page 299, read with it the first time.
    await expectReadFromAPageEnd(300);

    // A new movie first in the order moves every later page on by one.
    await query(t.database.handle, `insert into movie (title, popularity) values ('The most popular', 1e9)`);
    const [newest] = await query<{ id: number }>(t.database.handle, `select 1000000000 + max(movie_id) as id from movie`);
    expect((await ids(1))[0]).toBe(Number(newest!.id));
    expect(await ids(301)).toEqual(await byOffset(301));
    expect(await ids(302)).toEqual(await byOffset(302));
    await query(t.database.handle, `delete from movie where title = 'The most popular'`);
    expect(await ids(302)).toEqual(await byOffset(302));
  });

  it('finds pages among movies with no date (last in a date order) from a page end there, as an offset does', async () => {
    await query(t.database.handle, `insert into movie (title) select 'Undated ' || g from generate_series(1, 100) g`);
    const [{ n } = { n: 0 }] = await query<{ n: number }>(t.database.handle, 'select count(*)::int as n from movie');
    const byOffset = async (page: number) =>
      (
        await query<{ id: number }>(
          t.database.handle,
          `select 1000000000 + movie_id as id from movie order by release_date asc nulls last, movie_id asc offset ${(page - 1) * 20} limit 20`,
        )
      ).map((r) => Number(r.id));
    const ids = async (page: number) =>
      (await get(`/3/discover/movie?sort_by=primary_release_date.asc&page=${page}`)).results.map((m) => m.id);
    const lastPage = Math.ceil(n / 20);
    // Pages among the undated: the first asked for skips rows; the next start from its end, one of them a page further on.
    for (const page of [lastPage - 3, lastPage - 1, lastPage - 2, lastPage]) {
      expect(await ids(page), `page ${page}`).toEqual(await byOffset(page));
    }
    await query(t.database.handle, `delete from movie where title like 'Undated %'`);
  });

  it('counts a list the planner puts below 10,000 rows, even where filters fool its estimate', async () => {
    // Votes and runtime rise together: the planner, taking them as independent, expects a quarter.
    await query(
      t.database.handle,
      `insert into movie (title, vote_count, duration) select 'Correlated ' || g, 100000 + g, make_interval(mins => 1000 + g)
        from generate_series(1, 5000) g`,
    );
    await query(t.database.handle, 'analyze movie');
    const url = '/3/discover/movie?vote_count.gte=102500&with_runtime.gte=3500';
    const [{ n } = { n: 0 }] = await query<{ n: number }>(
      t.database.handle,
      `select count(*)::int as n from movie where vote_count >= 102500 and duration >= interval '3500 minutes'`,
    );
    expect(n).toBe(2501);
    expect((await get(url)).total_results).toBe(n);
    await query(t.database.handle, `delete from movie where title like 'Correlated %'`);
  });

  it('raises an estimate a page shows too low, so that a client walking to total_pages sees every row', async () => {
    // After the statistics were taken: the planner knows of none in 2031, and counts to EXACT_TOTAL_MAX.
    const rows = EXACT_TOTAL_MAX + 500;
    await query(
      t.database.handle,
      `insert into movie (title, release_date) select 'Later ' || g, date '2031-01-01' + (g % 300) from generate_series(1, ${rows}) g`,
    );
    const list = '/3/discover/movie?primary_release_year=2031&sort_by=title.asc';
    const first = await get(list);
    expect(first.total_results).toBeGreaterThan(EXACT_TOTAL_MAX);
    expect(first.total_results).toBeLessThan(rows);
    // A client walking from the page total_pages first named on to the one it names last.
    const from = first.total_pages - 1;
    const seen: number[] = [];
    let page = { ...first, page: from - 1 };
    while (page.page < page.total_pages) {
      page = await get(`${list}&page=${page.page + 1}`);
      seen.push(...page.results.map((m) => m.id));
    }
    expect(new Set(seen).size).toBe(rows - (from - 1) * 20);
    expect(page.page).toBe(Math.ceil(rows / 20));
    expect(page.total_results).toBe(rows);
    // Known now: page 1 says so too.
    expect((await get(list)).total_results).toBe(rows);
  });

  it('answers a page past the end with no rows and the exact total, when an estimate was too high', async () => {
    await query(
      t.database.handle,
      `insert into movie (title, release_date) select 'Even later ' || g, date '2032-01-01' + (g % 300) from generate_series(1, 12000) g`,
    );
    await query(t.database.handle, 'analyze movie');
    // After the statistics were taken: three in four go.
    await query(t.database.handle, `delete from movie where title like 'Even later %' and movie_id % 4 <> 0`);
    const [left] = await query<{ n: number }>(t.database.handle, `select count(*)::int as n from movie where title like 'Even later %'`);
    const first = await get('/3/discover/movie?primary_release_year=2032');
    expect(first.total_results).toBeGreaterThan(left!.n);
    const past = await get(`/3/discover/movie?primary_release_year=2032&page=${first.total_pages}`);
    expect(past.results).toEqual([]);
    expect(past.total_results).toBe(left!.n);
    expect((await get('/3/discover/movie?primary_release_year=2032')).total_results).toBe(left!.n);
  });
});
