// /3 movie reads over imported TMDB rows (the first 30 movies of the shared set): values compared
// with the source files, every answer checked against TMDB's OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { query } from '../../helpers/database.js';
import { signInAs } from '../../helpers/builders.js';
import { repairEscapes } from '../../../src/modules/imports/tmdb-mapping.js';
import { apiKeyOf } from '../../helpers/tmdb-keys.js';
import { expectTmdbShape, validated } from '../../helpers/tmdb-schema.js';
import { type Fixture, TMDB_TEST_SETTINGS, compared, expectField, importFixture, listOf, tmdbGet } from './fixture.js';

const t = useTestApp({ tmdbApi: TMDB_TEST_SETTINGS });
let fixture: Fixture;
let key: string;
beforeAll(async () => {
  fixture = await importFixture(t.database.handle.db, 30);
  key = (await apiKeyOf(t)).key;
}, 120_000);
afterAll(() => console.log(`tmdb-movies: ${validated.answers} answers schema-valid, ${compared.fields} fields compared`));

const get = (url: string, headers?: Record<string, string>) => tmdbGet(t, url, key, headers);
const source = (id: string) => fixture.movies.find((m) => m.id === id)!;
const byPopularity = () => [...fixture.movies].sort((a, b) => Number(b.popularity) - Number(a.popularity));
const ALL_APPENDS = {
  credits: '/3/movie/{movie_id}/credits',
  keywords: '/3/movie/{movie_id}/keywords',
  images: '/3/movie/{movie_id}/images',
  similar: '/3/movie/{movie_id}/similar',
  recommendations: '/3/movie/{movie_id}/recommendations',
  external_ids: '/3/movie/{movie_id}/external_ids',
  release_dates: '/3/movie/{movie_id}/release_dates',
};

describe('GET /3/movie/{id}', () => {
  it('answers every field of TMDB details from the source row, for each imported movie', async () => {
    for (const row of fixture.movies) {
      const { status, body } = await get(`/3/movie/${row.id}`);
      expect(status, row.title).toBe(200);
      expectTmdbShape('/3/movie/{movie_id}', body);
      const expected = {
        id: Number(row.id),
        title: row.title,
        original_title: row.original_title,
        original_language: row.original_language,
        overview: row.overview,
        tagline: row.tagline,
        release_date: row.release_date,
        budget: Number(row.budget),
        revenue: Number(row.revenue),
        runtime: Number(row.runtime),
        popularity: Number(row.popularity),
        vote_average: Number(row.vote_average),
        vote_count: Number(row.vote_count),
        status: row.status,
        adult: false,
        video: false,
        imdb_id: null,
        poster_path: null,
        belongs_to_collection: null,
      };
      for (const [field, value] of Object.entries(expected)) expectField(body[field], value, `${row.title} ${field}`);
      const genres = listOf<{ id: number; name: string }>(row, 'genres');
      expectField(
        (body.genres as { id: number; name: string }[]).map((g) => g.id).sort(),
        genres.map((g) => g.id).sort(),
        `${row.title} genres`,
      );
      const countries = listOf<{ iso_3166_1: string }>(row, 'production_countries').map((c) => c.iso_3166_1);
      expectField(
        (body.production_countries as { iso_3166_1: string }[]).map((c) => c.iso_3166_1),
        [...new Set(countries)],
        `${row.title} countries`,
      );
      expectField(body.origin_country, countries.slice(0, 1), `${row.title} origin_country`);
      const languages = listOf<{ iso_639_1: string }>(row, 'spoken_languages').map((l) => l.iso_639_1);
      expectField(
        (body.spoken_languages as { iso_639_1: string }[]).map((l) => l.iso_639_1),
        [...new Set(languages)],
        `${row.title} spoken_languages`,
      );
      const companies = listOf<{ id: number; name: string }>(row, 'production_companies');
      expectField(
        (body.production_companies as { id: number; name: string }[]).map((c) => [c.id, c.name]),
        companies.map((c) => [c.id, c.name]),
        `${row.title} companies`,
      );
    }
  });

  it('appends every part TMDB allows, each valid against its own endpoint', async () => {
    const { status, body } = await get(`/3/movie/19995?append_to_response=${Object.keys(ALL_APPENDS).join(',')}`);
    expect(status).toBe(200);
    expectTmdbShape('/3/movie/{movie_id}', body, ALL_APPENDS);
    const keywords = listOf<{ id: number; name: string }>(source('19995'), 'keywords');
    expectField(
      (body.keywords as { keywords: { id: number }[] }).keywords.map((k) => k.id).sort((a, b) => a - b),
      keywords.map((k) => k.id).sort((a, b) => a - b),
      'appended keywords',
    );
    expectField(
      body.release_dates,
      { results: [{ iso_3166_1: 'US', release_dates: [expect.objectContaining({ release_date: '2009-12-10T00:00:00.000Z', type: 3 })] }] },
      'release_dates',
    );
    expectField((body.similar as { page: number }).page, 1, 'appended similar page');
    // Appended, they are the pages their own routes answer.
    for (const part of ['similar', 'recommendations']) {
      expectField(body[part], (await get(`/3/movie/19995/${part}`)).body, `appended ${part}`);
    }
    // Unknown append names are left out, as TMDB leaves them.
    const unknown = await get('/3/movie/19995?append_to_response=videos,credits');
    expect(Object.keys(unknown.body)).toContain('credits');
    expect(Object.keys(unknown.body)).not.toContain('videos');
  });

  it('answers credits as the source has them: cast by billing order, crew by department and job', async () => {
    for (const row of fixture.movies.slice(0, 5)) {
      const { status, body } = await get(`/3/movie/${row.id}/credits`);
      expect(status).toBe(200);
      expectTmdbShape('/3/movie/{movie_id}/credits', body);
      const cast = fixture.cast.filter((c) => c.movie_id === row.id).sort((a, b) => Number(a.cast_order) - Number(b.cast_order));
      const answered = body.cast as {
        id: number;
        name: string;
        character: string;
        order: number;
        gender: number;
        known_for_department: string;
      }[];
      expectField(
        answered.map((c) => c.id),
        cast.map((c) => Number(c.person_id)),
        `${row.title} cast ids`,
      );
      expectField(
        answered.map((c) => c.name),
        cast.map((c) => repairEscapes(fixture.persons.get(c.person_id!)!)),
        `${row.title} cast names`,
      );
      expectField(
        answered.map((c) => c.character),
        cast.map((c) => repairEscapes(c.character_name!)),
        `${row.title} characters`,
      );
      expectField(
        answered.map((c) => c.order),
        cast.map((_, i) => i),
        `${row.title} order`,
      );
      expectField(
        answered.map((c) => c.known_for_department),
        cast.map(() => 'Acting'),
        `${row.title} known_for_department`,
      );
      expectField(
        answered.map((c) => c.gender),
        cast.map((c) => Number(c.gender_id)),
        `${row.title} genders`,
      );
      const departments = [
        'Camera',
        'Directing',
        'Production',
        'Writing',
        'Editing',
        'Sound',
        'Art',
        'Costume & Make-Up',
        'Crew',
        'Visual Effects',
        'Lighting',
        'Actors',
      ];
      const crewOf = (list: { person: string; department: string; job: string }[]) =>
        list.map((c) => `${c.person}|${c.department}|${c.job}`).sort();
      const crew = [
        ...new Set(
          fixture.crew
            .filter((c) => c.movie_id === row.id)
            .map((c) => `${c.person_id}|${departments[Number(c.department_id) - 1]}|${c.job}`),
        ),
      ].sort();
      const answeredCrew = (body.crew as { id: number; department: string; job: string }[]).map((c) => ({
        person: String(c.id),
        department: c.department,
        job: c.job,
      }));
      expectField(crewOf(answeredCrew), crew, `${row.title} crew`);
    }
  });

  it('answers keywords, images and external ids', async () => {
    const keywords = await get('/3/movie/285/keywords');
    expectTmdbShape('/3/movie/{movie_id}/keywords', keywords.body);
    expectField(
      (keywords.body.keywords as { id: number; name: string }[]).map((k) => k.name).sort(),
      listOf<{ name: string }>(source('285'), 'keywords')
        .map((k) => k.name)
        .sort(),
      'keywords',
    );
    const images = await get('/3/movie/285/images');
    expectTmdbShape('/3/movie/{movie_id}/images', images.body);
    expectField(images.body, { id: 285, backdrops: [], logos: [], posters: [] }, 'images without a poster');
    const external = await get('/3/movie/285/external_ids');
    expectTmdbShape('/3/movie/{movie_id}/external_ids', external.body);
    expectField(external.body.id, 285, 'external ids id');
    const dates = await get('/3/movie/285/release_dates');
    expectTmdbShape('/3/movie/{movie_id}/release_dates', dates.body);
  });

  it('answers similar (a shared keyword) and recommendations (every genre) without the movie itself', async () => {
    const similar = await get('/3/movie/285/similar');
    expectTmdbShape('/3/movie/{movie_id}/similar', similar.body);
    const mine = new Set(listOf<{ id: number }>(source('285'), 'keywords').map((k) => k.id));
    const expected = byPopularity().filter((m) => m.id !== '285' && listOf<{ id: number }>(m, 'keywords').some((k) => mine.has(k.id)));
    expectField(
      similar.body.results!.map((m) => m.id),
      expected.slice(0, 20).map((m) => Number(m.id)),
      'similar',
    );
    expectField(similar.body.total_results, expected.length, 'similar total');
    const recommended = await get('/3/movie/285/recommendations');
    expectTmdbShape('/3/movie/{movie_id}/recommendations', recommended.body);
    const genres = listOf<{ id: number }>(source('285'), 'genres').map((g) => g.id);
    const all = byPopularity().filter(
      (m) => m.id !== '285' && genres.every((g) => listOf<{ id: number }>(m, 'genres').some((x) => x.id === g)),
    );
    expectField(
      recommended.body.results!.map((m) => m.id),
      all.slice(0, 20).map((m) => Number(m.id)),
      'recommendations',
    );
  });

  it('answers 404 in TMDB form for an id nothing has', async () => {
    for (const url of ['/3/movie/1', '/3/movie/1/credits', '/3/movie/1/similar', '/3/movie/1000000001']) {
      const { status, body } = await get(url);
      expect(status, url).toBe(404);
      expect(body, url).toEqual({ success: false, status_code: 34, status_message: 'The resource you requested could not be found.' });
    }
  });
});

describe('the id rule', () => {
  it('shows a movie made in moviedb as 1e9 + its id, which finds it; its own id alone finds nothing', async () => {
    const editor = await signInAs(t, 'editor');
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/movies',
      headers: editor.headers,
      payload: { title: 'Made Here' },
    });
    expect(response.statusCode).toBe(201);
    const made = response.json<{ id: number }>();
    const { status, body } = await get(`/3/movie/${1_000_000_000 + made.id}`);
    expect(status).toBe(200);
    expectField(body.id, 1_000_000_000 + made.id, 'native id');
    expectField(body.title, 'Made Here', 'native title');
    // Its own id is a TMDB id here, of no imported movie.
    expect((await get(`/3/movie/${made.id}`)).status).toBe(404);
    // An imported movie answers by its TMDB id alone.
    const [avatar] = await query<{ movie_id: number }>(t.database.handle, 'select movie_id from movie where tmdb_id = 19995');
    expect((await get(`/3/movie/${1_000_000_000 + Number(avatar!.movie_id)}`)).status).toBe(404);
    // The latest movie is the one made last.
    const latest = await get('/3/movie/latest');
    expectTmdbShape('/3/movie/latest', latest.body);
    expectField(latest.body.id, 1_000_000_000 + made.id, 'latest');
  });
});

describe('movie lists', () => {
  it('popular: by popularity, 20 a page, every page', async () => {
    const first = await get('/3/movie/popular');
    expectTmdbShape('/3/movie/popular', first.body);
    expectField(
      first.body.results!.map((m) => m.id),
      byPopularity()
        .slice(0, 20)
        .map((m) => Number(m.id)),
      'popular page 1',
    );
    const second = await get('/3/movie/popular?page=2');
    expectTmdbShape('/3/movie/popular', second.body);
    expectField(
      second.body.results!.map((m) => m.id).slice(0, 10),
      byPopularity()
        .slice(20, 30)
        .map((m) => Number(m.id)),
      'popular page 2',
    );
    expectField([first.body.page, second.body.page], [1, 2], 'pages');
    // Past the last page: an empty page, as TMDB answers.
    const far = await get('/3/movie/popular?page=600');
    expectField([far.status, far.body.results], [200, []], 'page 600');
  });

  it('top_rated: the best average among movies with enough votes', async () => {
    const { body } = await get('/3/movie/top_rated');
    expectTmdbShape('/3/movie/top_rated', body);
    const rated = [...fixture.movies].sort((a, b) => Number(b.vote_average) - Number(a.vote_average) || Number(b.id) - Number(a.id));
    expectField(
      body.results!.map((m) => m.vote_average),
      rated.slice(0, 20).map((m) => Number(m.vote_average)),
      'top rated',
    );
  });

  it('now_playing and upcoming around TMDB_API_TODAY, with their dates', async () => {
    const now = await get('/3/movie/now_playing');
    expectTmdbShape('/3/movie/now_playing', now.body);
    expectField(now.body.dates, { minimum: '2015-04-20', maximum: '2015-06-01' }, 'now_playing dates');
    const playing = fixture.movies.filter((m) => m.release_date! >= '2015-04-20' && m.release_date! <= '2015-06-01');
    expectField(
      now.body.results!.map((m) => m.title),
      playing.map((m) => m.title),
      'now playing',
    );
    const upcoming = await get('/3/movie/upcoming');
    expectTmdbShape('/3/movie/upcoming', upcoming.body);
    expectField(upcoming.body.dates, { minimum: '2015-06-02', maximum: '2015-07-13' }, 'upcoming dates');
    expectField(
      upcoming.body.results!.map((m) => m.title),
      ['Jurassic World'],
      'upcoming',
    );
  });

  it('trending by day and week: the movies favorited within the window first, then by popularity; extra parameters ignored', async () => {
    const popularFirst = byPopularity().map((m) => Number(m.id));
    for (const window of ['day', 'week']) {
      const { body } = await get(`/3/trending/movie/${window}?media_type=movie&time_window=${window}&language=en-US`);
      expectTmdbShape('/3/trending/movie/{time_window}', body);
      expectField(
        body.results!.map((m) => m.id),
        popularFirst.slice(0, 20),
        `trending ${window} without favorites`,
      );
    }
    // Two users favorite Titanic, one Skyfall: they lead, then the rest by popularity, each movie once.
    const [titanic, skyfall] = await Promise.all(
      ['597', '37724'].map(
        async (id) => (await query<{ id: number }>(t.database.handle, `select movie_id as id from movie where tmdb_id = ${id}`))[0]!.id,
      ),
    );
    for (const [user, movies] of [
      [await signInAs(t, 'user'), [titanic, skyfall]],
      [await signInAs(t, 'user'), [titanic]],
    ] as const) {
      for (const movieId of movies) {
        const response = await t.app.inject({ method: 'PUT', url: `/api/v1/me/favorites/${movieId}`, headers: user.headers });
        expect(response.statusCode).toBeLessThan(300);
      }
    }
    const expected = [597, 37724, ...popularFirst.filter((id) => id !== 597 && id !== 37724)];
    for (const window of ['day', 'week']) {
      const first = await get(`/3/trending/movie/${window}`);
      const second = await get(`/3/trending/movie/${window}?page=2`);
      expectTmdbShape('/3/trending/movie/{time_window}', second.body);
      // Movies made in moviedb by other tests here come last (no popularity): left out of the comparison.
      const imported = [...first.body.results!, ...second.body.results!].map((m) => Number(m.id)).filter((id) => id < 1_000_000_000);
      expectField(imported, expected, `trending ${window} with favorites`);
      const popular = await get('/3/movie/popular');
      expectField(
        [first.body.total_results, second.body.total_pages],
        [popular.body.total_results, popular.body.total_pages],
        `trending ${window} totals`,
      );
    }
    expect((await get('/3/trending/movie/month')).body.status_code).toBe(34);
  });

  it('answers ETag and Cache-Control, and 304 to If-None-Match', async () => {
    // A list, and a movie (sent as the JSON text PostgreSQL built).
    for (const url of ['/3/movie/popular', '/3/movie/19995?append_to_response=credits', '/3/movie/latest']) {
      const first = await get(url);
      expect(first.status, url).toBe(200);
      expect(first.headers['content-type'], url).toBe('application/json; charset=utf-8');
      expect(first.headers['cache-control'], url).toBe('public, max-age=0, must-revalidate');
      const etag = String(first.headers.etag);
      expect(etag, url).toMatch(/^W\/"/);
      const again = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}`, 'if-none-match': etag } });
      expect(again.statusCode, url).toBe(304);
      expect(again.body, url).toBe('');
    }
  });
});
