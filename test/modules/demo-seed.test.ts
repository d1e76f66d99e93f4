// The demo catalogue from vega-datasets: cleaned dates, directors and genres, seeded once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoReleaseDate, loadDemoMovies, seedDemo } from '../../src/modules/imports/demo-seed.js';
import { createTestDatabase, query, type TestDatabase } from '../helpers/database.js';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.drop());

describe('the demo catalogue', () => {
  it('reads dates, moving the ones a century late back to their century', () => {
    const today = new Date('2026-11-27T00:00:00Z');
    expect(demoReleaseDate('Jun 12 1998', today)).toBe('1998-06-12');
    expect(demoReleaseDate('Dec 31 2046', today)).toBe('1946-12-31');
    expect(demoReleaseDate('Feb 30 1999', today)).toBeNull();
    expect(demoReleaseDate('sometime', today)).toBeNull();
    expect(demoReleaseDate(null, today)).toBeNull();
  });

  it('seeds every film once, none released after today, with directors and genres', async () => {
    const films = await loadDemoMovies();
    expect(films.length).toBeGreaterThan(3000);
    expect(await seedDemo(t.handle.db)).toBe(films.length);
    const [counts] = await query<{ movies: number; future: number; directed: number; genres: number }>(
      t.handle,
      `select (select count(*)::int from movie) as movies,
              (select count(*)::int from movie where release_date > current_date) as future,
              (select count(*)::int from movie where director_id is not null) as directed,
              (select count(distinct movie_id)::int from movie_genre) as genres`,
    );
    expect(counts).toEqual({
      movies: films.length,
      future: 0,
      directed: films.filter((f) => f.director).length,
      genres: films.filter((f) => f.genres.length).length,
    });
    const [duel] = await query(t.handle, `select release_date::text from movie where title = 'Duel in the Sun'`);
    expect(duel).toEqual({ release_date: '1946-12-31' });
    expect(await seedDemo(t.handle.db)).toBe(0);
    expect(await query(t.handle, 'select count(*)::int as n from movie')).toEqual([{ n: films.length }]);
  });
});
