// The demo catalogue from vega-datasets: cleaned dates, directors, genres and distributors, seeded once.
import { describe, expect, it } from 'vitest';
import { demoReleaseDate, loadDemoMovies, seedDemo } from '../../../src/modules/imports/demo-seed.js';
import { query, useTestDatabase } from '../../helpers/database.js';

const t = useTestDatabase();

describe('the demo catalogue', () => {
  it('reads dates, moving the ones a century late back to their century', () => {
    expect(demoReleaseDate('Jun 12 1998')).toBe('1998-06-12');
    expect(demoReleaseDate('Dec 23 2011')).toBe('2011-12-23');
    expect(demoReleaseDate('Dec 31 2046')).toBe('1946-12-31');
    // A century late but already past: Ben-Hur (1925).
    expect(demoReleaseDate('Dec 30 2025')).toBe('1925-12-30');
    expect(demoReleaseDate('Feb 30 1999')).toBeNull();
    expect(demoReleaseDate('sometime')).toBeNull();
    expect(demoReleaseDate(null)).toBeNull();
  });

  it('seeds every film once, none released after the source (2011), with directors, genres and distributors', async () => {
    const films = await loadDemoMovies();
    expect(films.length).toBeGreaterThan(3000);
    expect(await seedDemo(t.handle.db)).toBe(films.length);
    const [counts] = await query<Record<string, number>>(
      t.handle,
      `select (select count(*)::int from movie) as movies,
              (select count(*)::int from movie where release_date > '2011-12-31') as future,
              (select count(*)::int from movie where director_id is not null) as directed,
              (select count(*)::int from crew_credit cc join department d using (department_id) join movie m using (movie_id)
                where d.name = 'Directing' and cc.job = 'Director' and cc.person_id = m.director_id) as director_credits,
              (select count(*)::int from crew_credit) as crew,
              (select count(distinct movie_id)::int from movie_genre) as genres,
              (select count(*)::int from company) as companies,
              (select count(*)::int from company where tmdb_id is not null or origin_country_id is not null) as from_tmdb,
              (select count(*)::int from movie_company) as distributed,
              (select count(*)::int from movie_company where position <> 0) as not_first`,
    );
    const distributors = new Set(films.flatMap((f) => (f.distributor ? [f.distributor] : [])));
    expect(counts).toEqual({
      movies: films.length,
      future: 0,
      directed: films.filter((f) => f.director).length,
      // Each director is the movie's one crew credit.
      director_credits: films.filter((f) => f.director).length,
      crew: films.filter((f) => f.director).length,
      genres: films.filter((f) => f.genres.length).length,
      companies: distributors.size,
      from_tmdb: 0,
      distributed: films.filter((f) => f.distributor).length,
      not_first: 0,
    });
    // The source has 174 distributors; Warner Bros. distributed the most films.
    expect(distributors.size).toBe(174);
    const [top] = await query(
      t.handle,
      `select co.name, count(*)::int as films from movie_company mc join company co using (company_id)
       group by co.name order by films desc, co.name limit 1`,
    );
    expect(top).toEqual({ name: 'Warner Bros.', films: films.filter((f) => f.distributor === 'Warner Bros.').length });
    const [landGirls] = await query(
      t.handle,
      `select co.name from movie m join movie_company mc using (movie_id) join company co using (company_id) where m.title = 'The Land Girls'`,
    );
    expect(landGirls).toEqual({ name: 'Gramercy' });
    // The MPAA rating, as the source spells it, where it has one.
    const ratings = await query<{ certification: string; films: number }>(
      t.handle,
      `select certification, count(*)::int as films from movie where certification is not null group by certification order by certification`,
    );
    const rated = new Map<string, number>();
    for (const f of films) if (f.certification) rated.set(f.certification, (rated.get(f.certification) ?? 0) + 1);
    expect(ratings).toEqual([...rated].sort(([a], [b]) => (a < b ? -1 : 1)).map(([certification, n]) => ({ certification, films: n })));
    expect([...rated.keys()].sort()).toEqual(['G', 'NC-17', 'Not Rated', 'Open', 'PG', 'PG-13', 'R']);
    const [duel] = await query(t.handle, `select release_date::text from movie where title = 'Duel in the Sun'`);
    expect(duel).toEqual({ release_date: '1946-12-31' });
    expect(await seedDemo(t.handle.db)).toBe(0);
    expect(await query(t.handle, 'select count(*)::int as n from movie')).toEqual([{ n: films.length }]);
  });
});
