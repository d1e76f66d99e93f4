// total_results over a larger catalogue: exact up to EXACT_TOTAL_MAX matches, the planner's
// estimate beyond (never below what was counted); and pages past TMDB's 500 answer rows.
import { beforeAll, describe, expect, it } from 'vitest';
import { EXACT_TOTAL_MAX } from '../../../src/modules/tmdb/tmdb-lists.queries.js';
import { useTestApp } from '../../helpers/app.js';
import { query } from '../../helpers/database.js';
import { expectTmdbShape } from '../../helpers/tmdb-schema.js';
import { TMDB_TEST_SETTINGS } from './fixture.js';

const t = useTestApp({ tmdbApi: { ...TMDB_TEST_SETTINGS, requireKey: false } });
const MOVIES = EXACT_TOTAL_MAX + 1_000;
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
});
