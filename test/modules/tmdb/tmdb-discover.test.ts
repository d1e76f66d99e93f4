// /3/discover/movie and the search, people and reference routes over the first 30 movies of the
// shared set: each filter's answer compared with the source rows filtered the same way.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairEscapes } from '../../../src/modules/imports/tmdb-mapping.js';
import { useTestApp } from '../../helpers/app.js';
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
afterAll(() => console.log(`tmdb-discover: ${validated.answers} answers schema-valid, ${compared.fields} fields compared`));

type Row = Fixture['movies'][number];
const get = (url: string) => tmdbGet(t, url, key);
const ids = (rows: Row[]) => rows.map((m) => Number(m.id));
const popular = (keep: (m: Row) => boolean) => [...fixture.movies].filter(keep).sort((a, b) => Number(b.popularity) - Number(a.popularity));
const has = (m: Row, column: string, id: number) => listOf<{ id: number }>(m, column).some((x) => x.id === id);
const castOf = (m: Row) => new Set(fixture.cast.filter((c) => c.movie_id === m.id).map((c) => Number(c.person_id)));
const crewOf = (m: Row) => new Set(fixture.crew.filter((c) => c.movie_id === m.id).map((c) => Number(c.person_id)));

async function discover(query: string, expected: Row[]) {
  const { status, body } = await get(`/3/discover/movie?${query}`);
  expect(status, query).toBe(200);
  expectTmdbShape('/3/discover/movie', body);
  expectField(
    body.results!.map((m) => m.id),
    ids(expected).slice(0, 20),
    query,
  );
  expectField(body.total_results, expected.length, `${query} total`);
}

describe('GET /3/discover/movie', () => {
  it('filters by genres (all with ",", any with "|"), without genres, and sorts by popularity by default', async () => {
    await discover(
      'with_genres=28,878',
      popular((m) => has(m, 'genres', 28) && has(m, 'genres', 878)),
    );
    await discover(
      'with_genres=14|16',
      popular((m) => has(m, 'genres', 14) || has(m, 'genres', 16)),
    );
    await discover(
      'without_genres=28',
      popular((m) => !has(m, 'genres', 28)),
    );
  });

  it('filters by keywords, companies, cast, crew and people, by their TMDB ids', async () => {
    const keyword = listOf<{ id: number }>(fixture.movies[0]!, 'keywords')[0]!.id;
    await discover(
      `with_keywords=${keyword}`,
      popular((m) => has(m, 'keywords', keyword)),
    );
    const company = listOf<{ id: number }>(fixture.movies[1]!, 'production_companies')[0]!.id;
    await discover(
      `with_companies=${company}`,
      popular((m) => has(m, 'production_companies', company)),
    );
    const depp = 85;
    await discover(
      `with_cast=${depp}`,
      popular((m) => castOf(m).has(depp)),
    );
    const director = Number(fixture.crew.find((c) => c.movie_id === '285' && c.job === 'Director')!.person_id);
    await discover(
      `with_crew=${director}`,
      popular((m) => crewOf(m).has(director)),
    );
    await discover(
      `with_people=${depp}|${director}`,
      popular((m) => castOf(m).has(depp) || crewOf(m).has(director)),
    );
    await discover(
      `with_people=${depp},${director}`,
      popular(
        (m) =>
          (castOf(m).has(depp) || crewOf(m).has(director)) && castOf(m).has(depp) && (castOf(m).has(director) || crewOf(m).has(director)),
      ),
    );
    // An id nothing has: nothing matches, and no error.
    await discover('with_cast=999999', []);
  });

  it('filters by dates, years, runtime, votes and language', async () => {
    await discover(
      'primary_release_year=2012',
      popular((m) => m.release_date!.startsWith('2012')),
    );
    await discover(
      'year=2015',
      popular((m) => m.release_date!.startsWith('2015')),
    );
    await discover(
      'primary_release_date.gte=2012-01-01&primary_release_date.lte=2013-12-31',
      popular((m) => m.release_date! >= '2012-01-01' && m.release_date! <= '2013-12-31'),
    );
    await discover(
      'release_date.gte=2015-01-01',
      popular((m) => m.release_date! >= '2015-01-01'),
    );
    await discover(
      'with_runtime.gte=150&with_runtime.lte=170',
      popular((m) => Number(m.runtime) >= 150 && Number(m.runtime) <= 170),
    );
    await discover(
      'vote_average.gte=7&vote_count.gte=5000',
      popular((m) => Number(m.vote_average) >= 7 && Number(m.vote_count) >= 5000),
    );
    await discover(
      'vote_average.lte=6&vote_count.lte=3000',
      popular((m) => Number(m.vote_average) <= 6 && Number(m.vote_count) <= 3000),
    );
    await discover(
      'with_original_language=en',
      popular((m) => m.original_language === 'en'),
    );
    await discover('with_original_language=fr', []);
  });

  it('sorts in every form TMDB lists', async () => {
    const sorted = (value: (m: Row) => string | number, descending: boolean) =>
      [...fixture.movies].sort((a, b) => {
        const [x, y] = [value(a), value(b)];
        const order = x < y ? -1 : x > y ? 1 : 0;
        // Ties go by moviedb's own ids, in the order the import met the movies.
        const [i, j] = [fixture.movies.indexOf(a), fixture.movies.indexOf(b)];
        return (descending ? -order : order) || (descending ? j - i : i - j);
      });
    for (const descending of [false, true]) {
      const d = descending ? 'desc' : 'asc';
      await discover(
        `sort_by=popularity.${d}`,
        sorted((m) => Number(m.popularity), descending),
      );
      await discover(
        `sort_by=revenue.${d}`,
        sorted((m) => Number(m.revenue), descending),
      );
      await discover(
        `sort_by=primary_release_date.${d}`,
        sorted((m) => m.release_date!, descending),
      );
      await discover(
        `sort_by=release_date.${d}`,
        sorted((m) => m.release_date!, descending),
      );
      await discover(
        `sort_by=vote_count.${d}`,
        sorted((m) => Number(m.vote_count), descending),
      );
      await discover(
        `sort_by=vote_average.${d}`,
        sorted((m) => Number(m.vote_average), descending),
      );
      await discover(
        `sort_by=original_title.${d}`,
        sorted((m) => m.original_title!, descending),
      );
      const titles = (await get(`/3/discover/movie?sort_by=title.${d}`)).body.results!.map((m) => String(m.title).toLowerCase());
      expectField(titles, [...titles].sort((a, b) => (descending ? b.localeCompare(a) : a.localeCompare(b))).slice(0, 20), `title.${d}`);
    }
  });

  it("pages past TMDB's 500: page 501 answers (empty here, with the totals)", async () => {
    const { status, body } = await get('/3/discover/movie?page=501');
    expect(status).toBe(200);
    expectField([body.page, body.results, body.total_results], [501, [], 30], 'page 501');
  });
});

describe('search', () => {
  it('finds movies by title, with typos, and by year', async () => {
    const { body } = await get('/3/search/movie?query=avatar');
    expectTmdbShape('/3/search/movie', body);
    expectField(body.results![0]!.id, 19995, 'avatar');
    const typo = await get('/3/search/movie?query=pirates%20carribean');
    expectField(
      typo.body.results!.map((m) => Number(m.id)).sort((a, b) => a - b),
      [58, 285, 1865],
      'typo',
    );
    const year = await get('/3/search/movie?query=pirates&primary_release_year=2007');
    expectField(
      year.body.results!.map((m) => m.id),
      [285],
      'year',
    );
    const empty = await get('/3/search/movie?query=');
    expectField(empty.body.results, [], 'empty query');
  });

  it('finds people, keywords, companies, and all kinds at once', async () => {
    const people = await get('/3/search/person?query=johnny%20depp');
    expectTmdbShape('/3/search/person', people.body);
    const depp = people.body.results![0]!;
    expectField([depp.id, depp.name, depp.known_for_department], [85, 'Johnny Depp', 'Acting'], 'depp');
    expectField((depp.known_for as { id: number }[]).length, 3, 'known_for');
    const keywordName = listOf<{ name: string }>(fixture.movies[0]!, 'keywords')[0]!.name;
    const keywords = await get(`/3/search/keyword?query=${encodeURIComponent(keywordName)}`);
    expectTmdbShape('/3/search/keyword', keywords.body);
    expect(keywords.body.results!.map((k) => k.name)).toContain(keywordName);
    const companies = await get('/3/search/company?query=walt%20disney');
    expectTmdbShape('/3/search/company', companies.body);
    expect(companies.body.results!.map((c) => c.name)).toContain('Walt Disney Pictures');
    const multi = await get('/3/search/multi?query=john');
    expectTmdbShape('/3/search/multi', multi.body);
    expectField(new Set(multi.body.results!.map((r) => r.media_type)), new Set(['movie', 'person']), 'multi kinds');
  });
});

describe('people', () => {
  it('answers a person with every append, and their credits as the source has them', async () => {
    const { status, body } = await get('/3/person/85?append_to_response=movie_credits,combined_credits,images,external_ids');
    expect(status).toBe(200);
    expectTmdbShape('/3/person/{person_id}', body, {
      movie_credits: '/3/person/{person_id}/movie_credits',
      combined_credits: '/3/person/{person_id}/combined_credits',
      images: '/3/person/{person_id}/images',
      external_ids: '/3/person/{person_id}/external_ids',
    });
    expectField([body.id, body.name, body.gender, body.known_for_department], [85, 'Johnny Depp', 2, 'Acting'], 'person');
    const played = fixture.cast.filter((c) => c.person_id === '85');
    const credits = await get('/3/person/85/movie_credits');
    expectTmdbShape('/3/person/{person_id}/movie_credits', credits.body);
    const cast = credits.body.cast as { id: number; character: string }[];
    expectField(cast.map((c) => c.id).sort(), played.map((c) => Number(c.movie_id)).sort(), 'played in');
    expectField(cast.map((c) => c.character).sort(), played.map((c) => repairEscapes(c.character_name!)).sort(), 'characters');
    for (const [url, route] of [
      ['/3/person/85/combined_credits', '/3/person/{person_id}/combined_credits'],
      ['/3/person/85/images', '/3/person/{person_id}/images'],
      ['/3/person/85/external_ids', '/3/person/{person_id}/external_ids'],
      ['/3/person/popular', '/3/person/popular'],
    ] as const) {
      const answer = await get(url);
      expect(answer.status, url).toBe(200);
      expectTmdbShape(route, answer.body);
    }
    expectField((await get('/3/person/999999')).body.status_code, 34, 'unknown person');
  });
});

describe('reference, companies and keywords', () => {
  it('answers genres with TMDB ids, countries, languages, jobs and the configuration', async () => {
    const genres = await get('/3/genre/movie/list');
    expectTmdbShape('/3/genre/movie/list', genres.body);
    const source = new Map(fixture.movies.flatMap((m) => listOf<{ id: number; name: string }>(m, 'genres')).map((g) => [g.id, g.name]));
    const answered = new Map((genres.body.genres as { id: number; name: string }[]).map((g) => [g.id, g.name]));
    for (const [id, name] of source) expectField(answered.get(id), name, `genre ${id}`);
    for (const [url, route] of [
      ['/3/configuration/countries', '/3/configuration/countries'],
      ['/3/configuration/languages', '/3/configuration/languages'],
      ['/3/configuration/jobs', '/3/configuration/jobs'],
    ] as const) {
      const answer = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
      expect(answer.statusCode, url).toBe(200);
      expectTmdbShape(route, answer.json());
    }
    const jobs = (await t.app.inject({ method: 'GET', url: '/3/configuration/jobs', headers: { authorization: `Bearer ${key}` } })).json<
      { department: string; jobs: string[] }[]
    >();
    expect(jobs.find((d) => d.department === 'Directing')!.jobs).toContain('Director');
    const configuration = await get('/3/configuration');
    expectTmdbShape('/3/configuration', configuration.body);
    const images = configuration.body.images as Record<string, unknown>;
    expectField(images.base_url, `${t.config.publicUrl}/3/t/p/`, 'base_url');
    expectField(images.poster_sizes, ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'], 'poster sizes');
    expectField(images.profile_sizes, ['w45', 'w185', 'h632', 'original'], 'profile sizes');
  });

  it('answers a company, a keyword and its movies', async () => {
    const company = listOf<{ id: number; name: string }>(fixture.movies[0]!, 'production_companies')[0]!;
    const answer = await get(`/3/company/${company.id}`);
    expectTmdbShape('/3/company/{company_id}', answer.body);
    expectField([answer.body.id, answer.body.name], [company.id, company.name], 'company');
    const keyword = listOf<{ id: number; name: string }>(fixture.movies[0]!, 'keywords')[0]!;
    const kw = await get(`/3/keyword/${keyword.id}`);
    expectTmdbShape('/3/keyword/{keyword_id}', kw.body);
    expectField(kw.body, { id: keyword.id, name: keyword.name }, 'keyword');
    const movies = await get(`/3/keyword/${keyword.id}/movies`);
    expectTmdbShape('/3/keyword/{keyword_id}/movies', movies.body);
    expectField(
      movies.body.results!.map((m) => m.id),
      ids(popular((m) => has(m, 'keywords', keyword.id))),
      'keyword movies',
    );
  });
});
