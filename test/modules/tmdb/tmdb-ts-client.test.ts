// A second real TMDB client, tmdb-ts, pointed at a listening test server's /3 through its fetch
// option, with a moviedb API key as its Bearer token: every method that maps to a /3 route, values
// compared with the source rows, every answer checked against TMDB's OpenAPI document.
import type { AddressInfo } from 'node:net';
import { TMDB } from 'tmdb-ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairEscapes } from '../../../src/modules/imports/tmdb-mapping.js';
import { useTestApp } from '../../helpers/app.js';
import { apiKeyOf } from '../../helpers/tmdb-keys.js';
import { validated } from '../../helpers/tmdb-schema.js';
import { type Fixture, TMDB_TEST_SETTINGS, clientCalls, compared, expectField, importFixture, listOf } from './fixture.js';

/** tmdb-ts's base URL, a constant of the library. */
const TMDB_BASE = 'https://api.themoviedb.org/3';

const t = useTestApp({ tmdbApi: TMDB_TEST_SETTINGS });
let fixture: Fixture;
const { called, use, row, byPopularity } = clientCalls(() => fixture);
let client: TMDB;
let local: typeof fetch;
/** The last request tmdb-ts sent, and the status it got. */
const last = { url: '', status: 0 };
beforeAll(async () => {
  fixture = await importFixture(t.database.handle.db, 30);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  local = async (input, init) => {
    const url = (input as string).replace(TMDB_BASE, `http://127.0.0.1:${port}/3`);
    const response = await fetch(url, init);
    Object.assign(last, { url, status: response.status });
    return response;
  };
  client = new TMDB((await apiKeyOf(t)).key, { fetch: local });
}, 120_000);
afterAll(() =>
  console.log(`tmdb-ts: ${called.size} methods called, ${validated.answers} answers schema-valid, ${compared.fields} fields compared`),
);

const firstOf = (column: string) => listOf<{ id: number; name: string }>(row('19995'), column)[0]!;

describe('tmdb-ts against /3', () => {
  it('reads movies and their parts', async () => {
    const avatar = await use('movies.details', '/3/movie/{movie_id}', client.movies.details(19995, ['credits', 'keywords']), {
      credits: '/3/movie/{movie_id}/credits',
      keywords: '/3/movie/{movie_id}/keywords',
    });
    expectField(
      [avatar.title, avatar.budget, avatar.runtime, avatar.release_date],
      ['Avatar', 237000000, 162, '2009-12-10'],
      'movies.details',
    );
    expectField(
      avatar.keywords.keywords.map((k) => k.id).sort((a, b) => a - b),
      listOf<{ id: number }>(row('19995'), 'keywords')
        .map((k) => k.id)
        .sort((a, b) => a - b),
      'movies.details keywords',
    );
    const credits = await use('movies.credits', '/3/movie/{movie_id}/credits', client.movies.credits(285));
    const cast = fixture.cast.filter((c) => c.movie_id === '285').sort((a, b) => Number(a.cast_order) - Number(b.cast_order));
    expectField(
      credits.cast.map((c) => c.name),
      cast.map((c) => repairEscapes(fixture.persons.get(c.person_id!)!)),
      'movies.credits',
    );
    expectField(
      credits.cast.map((c) => c.order),
      cast.map((_, i) => i),
      'movies.credits order',
    );
    expectField(avatar.credits.cast.length, fixture.cast.filter((c) => c.movie_id === '19995').length, 'movies.details credits');
    const keywords = await use('movies.keywords', '/3/movie/{movie_id}/keywords', client.movies.keywords(285));
    expectField(
      keywords.keywords.map((k) => k.id).sort((a, b) => a - b),
      listOf<{ id: number }>(row('285'), 'keywords')
        .map((k) => k.id)
        .sort((a, b) => a - b),
      'movies.keywords',
    );
    const images = await use('movies.images', '/3/movie/{movie_id}/images', client.movies.images(285));
    expectField(images.posters, [], 'movies.images');
    const external = await use('movies.externalIds', '/3/movie/{movie_id}/external_ids', client.movies.externalIds(285));
    expectField(external.id, 285, 'movies.externalIds');
    const dates = await use('movies.releaseDates', '/3/movie/{movie_id}/release_dates', client.movies.releaseDates(285));
    expectField(dates.results[0]!.release_dates[0]!.release_date, '2007-05-19T00:00:00.000Z', 'movies.releaseDates');
    const similar = await use('movies.similar', '/3/movie/{movie_id}/similar', client.movies.similar(285));
    expect(similar.results.map((m) => m.id)).not.toContain(285);
    const recommended = await use('movies.recommendations', '/3/movie/{movie_id}/recommendations', client.movies.recommendations(285));
    expect(recommended.results.map((m) => m.id)).not.toContain(285);
    const latest = await use('movies.latest', '/3/movie/latest', client.movies.latest());
    expectField(latest.id, Number(fixture.movies.at(-1)!.id), 'movies.latest');
  });

  it('reads the movie lists, discover and trending', async () => {
    const popular = await use('movies.popular', '/3/movie/popular', client.movies.popular({ page: 2 }));
    expectField(
      popular.results.map((m) => m.id),
      byPopularity()
        .slice(20)
        .map((m) => Number(m.id)),
      'movies.popular',
    );
    const top = await use('movies.topRated', '/3/movie/top_rated', client.movies.topRated());
    expectField(top.results[0]!.vote_average, Math.max(...fixture.movies.map((m) => Number(m.vote_average))), 'movies.topRated');
    const now = await use('movies.nowPlaying', '/3/movie/now_playing', client.movies.nowPlaying());
    expectField(
      now.results.map((m) => m.title),
      ['Avengers: Age of Ultron'],
      'movies.nowPlaying',
    );
    const upcoming = await use('movies.upcoming', '/3/movie/upcoming', client.movies.upcoming());
    expectField(
      upcoming.results.map((m) => m.title),
      ['Jurassic World'],
      'movies.upcoming',
    );
    const discovered = await use(
      'discover.movie',
      '/3/discover/movie',
      client.discover.movie({ with_genres: '28', primary_release_year: 2012, sort_by: 'revenue.desc' }),
    );
    const expected = fixture.movies
      .filter((m) => m.release_date!.startsWith('2012') && listOf<{ id: number }>(m, 'genres').some((g) => g.id === 28))
      .sort((a, b) => Number(b.revenue) - Number(a.revenue));
    expectField(
      discovered.results.map((m) => m.id),
      expected.map((m) => Number(m.id)),
      'discover.movie',
    );
    const trending = await use('trending.trending', '/3/trending/movie/{time_window}', client.trending.trending('movie', 'week'));
    expectField(trending.results[0]!.id, Number(byPopularity()[0]!.id), 'trending.trending');
  });

  it('searches', async () => {
    const movies = await use('search.movies', '/3/search/movie', client.search.movies({ query: 'dark knight' }));
    expectField(movies.results[0]!.id, 49026, 'search.movies');
    const people = await use('search.people', '/3/search/person', client.search.people({ query: 'Johnny Depp' }));
    expectField(people.results[0]!.id, 85, 'search.people');
    const multi = await use('search.multi', '/3/search/multi', client.search.multi({ query: 'titanic' }));
    expectField([multi.results[0]!.id, multi.results[0]!.media_type], [597, 'movie'], 'search.multi');
    const keyword = firstOf('keywords');
    const keywords = await use('search.keywords', '/3/search/keyword', client.search.keywords({ query: keyword.name }));
    expect(keywords.results.map((k) => k.id)).toContain(keyword.id);
    const company = firstOf('production_companies');
    const companies = await use('search.companies', '/3/search/company', client.search.companies({ query: company.name }));
    expect(companies.results.map((c) => c.id)).toContain(company.id);
  });

  it('reads people', async () => {
    const depp = await use('people.details', '/3/person/{person_id}', client.people.details(85, ['movie_credits']), {
      movie_credits: '/3/person/{person_id}/movie_credits',
    });
    expectField([depp.name, depp.gender], ['Johnny Depp', 2], 'people.details');
    const credits = await use('people.movieCredits', '/3/person/{person_id}/movie_credits', client.people.movieCredits(85));
    expectField(
      credits.cast.map((c) => c.id).sort((a, b) => a - b),
      fixture.cast
        .filter((c) => c.person_id === '85')
        .map((c) => Number(c.movie_id))
        .sort((a, b) => a - b),
      'people.movieCredits',
    );
    expectField(depp.movie_credits.cast.length, credits.cast.length, 'people.details movie_credits');
    const combined = await use('people.combinedCredits', '/3/person/{person_id}/combined_credits', client.people.combinedCredits(85));
    expectField(combined.cast.length, credits.cast.length, 'people.combinedCredits');
    const images = await use('people.images', '/3/person/{person_id}/images', client.people.images(85));
    expectField(images.id, 85, 'people.images');
    const ids = await use('people.externalId', '/3/person/{person_id}/external_ids', client.people.externalId(85));
    expectField(ids.id, 85, 'people.externalId');
    const popular = await use('people.popular', '/3/person/popular', client.people.popular());
    expectField(popular.results.length, 20, 'people.popular');
  });

  it('reads the reference lists, companies and keywords', async () => {
    const genres = await use('genres.movies', '/3/genre/movie/list', client.genres.movies());
    expect(genres.genres).toContainEqual({ id: 878, name: 'Science Fiction' });
    const configuration = await use('configuration.getApiConfiguration', '/3/configuration', client.configuration.getApiConfiguration());
    expectField(configuration.images.base_url, `${t.config.publicUrl}/3/t/p/`, 'configuration.getApiConfiguration');
    const countries = await use('configuration.getCountries', '/3/configuration/countries', client.configuration.getCountries());
    expect(countries.map((c) => c.iso_3166_1)).toContain('US');
    const languages = await use('configuration.getLanguages', '/3/configuration/languages', client.configuration.getLanguages());
    expect(languages.map((l) => l.iso_639_1)).toContain('en');
    const jobs = await use('configuration.getJobs', '/3/configuration/jobs', client.configuration.getJobs());
    expect(jobs.find((d) => d.department === 'Directing')!.jobs).toContain('Director');
    const company = firstOf('production_companies');
    const info = await use('companies.details', '/3/company/{company_id}', client.companies.details(company.id));
    expectField([info.id, info.name], [company.id, company.name], 'companies.details');
    const keyword = firstOf('keywords');
    const kw = await use('keywords.details', '/3/keyword/{keyword_id}', client.keywords.details(keyword.id));
    expectField([kw.id, kw.name], [keyword.id, keyword.name], 'keywords.details');
    const movies = await use('keywords.belongingMovies', '/3/keyword/{keyword_id}/movies', client.keywords.belongingMovies(keyword.id));
    expect(movies.results.map((m) => m.id)).toContain(19995);
  });

  it('gets TMDB error bodies through the client', async () => {
    await expect(client.movies.details(1)).rejects.toMatchObject({ success: false, status_code: 34 });
    expect([last.url.replace(/:\d+\//, ':<port>/'), last.status]).toEqual(['http://127.0.0.1:<port>/3/movie/1?', 404]);
    const keyless = new TMDB('not-a-key', { fetch: local });
    await expect(keyless.movies.details(19995)).rejects.toMatchObject({ success: false, status_code: 7 });
    expect([last.url.replace(/:\d+\//, ':<port>/'), last.status]).toEqual(['http://127.0.0.1:<port>/3/movie/19995?', 401]);
  });
});
