// A real TMDB client, moviedb-promise, pointed at a listening test server's /3/ with a moviedb API
// key: every method that maps to a /3 route, values compared with the source rows, every answer
// checked against TMDB's OpenAPI document.
import type { AddressInfo } from 'node:net';
import { MovieDb } from 'moviedb-promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repairEscapes } from '../../../src/modules/imports/tmdb-mapping.js';
import { useTestApp } from '../../helpers/app.js';
import { apiKeyOf } from '../../helpers/tmdb-keys.js';
import { validated } from '../../helpers/tmdb-schema.js';
import { type Fixture, TMDB_TEST_SETTINGS, clientCalls, compared, expectField, importFixture, listOf } from './fixture.js';

const t = useTestApp({ tmdbApi: TMDB_TEST_SETTINGS });
let fixture: Fixture;
const { called, use, row, byPopularity } = clientCalls(() => fixture);
let client: MovieDb;
beforeAll(async () => {
  fixture = await importFixture(t.database.handle.db, 30);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = t.app.server.address() as AddressInfo;
  client = new MovieDb((await apiKeyOf(t)).key, `http://127.0.0.1:${port}/3/`);
}, 120_000);
afterAll(() =>
  console.log(
    `tmdb-client: ${called.size} moviedb-promise methods called, ${validated.answers} answers schema-valid, ${compared.fields} fields compared`,
  ),
);

describe('moviedb-promise against /3', () => {
  it('reads movies and their parts', async () => {
    const avatar = await use('movieInfo', '/3/movie/{movie_id}', client.movieInfo({ id: 19995, append_to_response: 'credits,keywords' }), {
      credits: '/3/movie/{movie_id}/credits',
      keywords: '/3/movie/{movie_id}/keywords',
    });
    expectField([avatar.title, avatar.budget, avatar.runtime, avatar.release_date], ['Avatar', 237000000, 162, '2009-12-10'], 'movieInfo');
    const credits = await use('movieCredits', '/3/movie/{movie_id}/credits', client.movieCredits(285));
    const cast = fixture.cast.filter((c) => c.movie_id === '285').sort((a, b) => Number(a.cast_order) - Number(b.cast_order));
    expectField(
      credits.cast!.map((c) => c.name),
      cast.map((c) => repairEscapes(fixture.persons.get(c.person_id!)!)),
      'movieCredits',
    );
    const keywords = await use('movieKeywords', '/3/movie/{movie_id}/keywords', client.movieKeywords(285));
    expectField(
      keywords.keywords!.map((k) => k.id).sort((a, b) => a! - b!),
      listOf<{ id: number }>(row('285'), 'keywords')
        .map((k) => k.id)
        .sort((a, b) => a - b),
      'movieKeywords',
    );
    const images = await use('movieImages', '/3/movie/{movie_id}/images', client.movieImages(285));
    expectField(images.posters, [], 'movieImages');
    const external = await use('movieExternalIds', '/3/movie/{movie_id}/external_ids', client.movieExternalIds(285));
    expectField(external.id, 285, 'movieExternalIds');
    const dates = await use('movieReleaseDates', '/3/movie/{movie_id}/release_dates', client.movieReleaseDates(285));
    expectField(dates.results![0]!.release_dates![0]!.release_date, '2007-05-19T00:00:00.000Z', 'movieReleaseDates');
    const similar = await use('movieSimilar', '/3/movie/{movie_id}/similar', client.movieSimilar({ id: 285 }));
    expect(similar.results!.map((m) => m.id)).not.toContain(285);
    const recommended = await use('movieRecommendations', '/3/movie/{movie_id}/recommendations', client.movieRecommendations({ id: 285 }));
    expect(recommended.results!.map((m) => m.id)).not.toContain(285);
    const latest = await use('movieLatest', '/3/movie/latest', client.movieLatest());
    expectField(latest.id, Number(fixture.movies.at(-1)!.id), 'movieLatest');
  });

  it('reads the movie lists, discover and trending', async () => {
    const popular = await use('moviePopular', '/3/movie/popular', client.moviePopular({ page: 2 }));
    expectField(
      popular.results!.map((m) => m.id),
      byPopularity()
        .slice(20)
        .map((m) => Number(m.id)),
      'moviePopular',
    );
    const top = await use('movieTopRated', '/3/movie/top_rated', client.movieTopRated());
    expectField(top.results![0]!.vote_average, Math.max(...fixture.movies.map((m) => Number(m.vote_average))), 'movieTopRated');
    const now = await use('movieNowPlaying', '/3/movie/now_playing', client.movieNowPlaying());
    expectField(
      now.results!.map((m) => m.title),
      ['Avengers: Age of Ultron'],
      'movieNowPlaying',
    );
    const upcoming = await use('upcomingMovies', '/3/movie/upcoming', client.upcomingMovies({}));
    expectField(
      upcoming.results!.map((m) => m.title),
      ['Jurassic World'],
      'upcomingMovies',
    );
    const discovered = await use(
      'discoverMovie',
      '/3/discover/movie',
      client.discoverMovie({ with_genres: '28', primary_release_year: 2012, sort_by: 'revenue.desc' }),
    );
    const expected = fixture.movies
      .filter((m) => m.release_date!.startsWith('2012') && listOf<{ id: number }>(m, 'genres').some((g) => g.id === 28))
      .sort((a, b) => Number(b.revenue) - Number(a.revenue));
    expectField(
      discovered.results!.map((m) => m.id),
      expected.map((m) => Number(m.id)),
      'discoverMovie',
    );
    const trending = await use(
      'trending',
      '/3/trending/movie/{time_window}',
      client.trending({ media_type: 'movie', time_window: 'week' }),
    );
    expectField(trending.results![0]!.id, Number(byPopularity()[0]!.id), 'trending');
  });

  it('searches', async () => {
    const movies = await use('searchMovie', '/3/search/movie', client.searchMovie({ query: 'dark knight' }));
    expectField(movies.results![0]!.id, 49026, 'searchMovie');
    const people = await use('searchPerson', '/3/search/person', client.searchPerson({ query: 'Johnny Depp' }));
    expectField(people.results![0]!.id, 85, 'searchPerson');
    const multi = await use('searchMulti', '/3/search/multi', client.searchMulti({ query: 'titanic' }));
    expectField(multi.results![0]!.id, 597, 'searchMulti');
    const keyword = listOf<{ id: number; name: string }>(row('19995'), 'keywords')[0]!;
    const keywords = await use('searchKeyword', '/3/search/keyword', client.searchKeyword({ query: keyword.name }));
    expect(keywords.results!.map((k) => k.id)).toContain(keyword.id);
    const company = listOf<{ id: number; name: string }>(row('19995'), 'production_companies')[0]!;
    const companies = await use('searchCompany', '/3/search/company', client.searchCompany({ query: company.name }));
    expect(companies.results!.map((c) => c.id)).toContain(company.id);
  });

  it('reads people', async () => {
    const depp = await use('personInfo', '/3/person/{person_id}', client.personInfo({ id: 85, append_to_response: 'movie_credits' }), {
      movie_credits: '/3/person/{person_id}/movie_credits',
    });
    expectField([depp.name, depp.gender], ['Johnny Depp', 2], 'personInfo');
    const credits = await use('personMovieCredits', '/3/person/{person_id}/movie_credits', client.personMovieCredits(85));
    expectField(
      credits.cast!.map((c) => c.id).sort((a, b) => a! - b!),
      fixture.cast
        .filter((c) => c.person_id === '85')
        .map((c) => Number(c.movie_id))
        .sort((a, b) => a - b),
      'personMovieCredits',
    );
    const combined = await use('personCombinedCredits', '/3/person/{person_id}/combined_credits', client.personCombinedCredits(85));
    expectField(combined.cast!.length, credits.cast!.length, 'personCombinedCredits');
    await use('personImages', '/3/person/{person_id}/images', client.personImages(85));
    const ids = await use('personExternalIds', '/3/person/{person_id}/external_ids', client.personExternalIds(85));
    expectField(ids.id, 85, 'personExternalIds');
    const popular = await use('personPopular', '/3/person/popular', client.personPopular());
    expectField(popular.results!.length, 20, 'personPopular');
  });

  it('reads the reference lists, companies and keywords', async () => {
    const genres = await use('genreMovieList', '/3/genre/movie/list', client.genreMovieList());
    expect(genres.genres).toContainEqual({ id: 878, name: 'Science Fiction' });
    const configuration = await use('configuration', '/3/configuration', client.configuration());
    expectField(configuration.images.base_url, `${t.config.publicUrl}/3/t/p/`, 'configuration');
    const countries = await use('countries', '/3/configuration/countries', client.countries());
    expect(countries.map((c) => c.iso_3166_1)).toContain('US');
    const languages = await use('languages', '/3/configuration/languages', client.languages());
    expect(languages.map((l) => l.iso_639_1)).toContain('en');
    const jobs = await use('jobs', '/3/configuration/jobs', client.jobs());
    expect(jobs.find((d) => d.department === 'Directing')!.jobs).toContain('Director');
    const company = listOf<{ id: number; name: string }>(row('19995'), 'production_companies')[0]!;
    const info = await use('companyInfo', '/3/company/{company_id}', client.companyInfo(company.id));
    expectField([info.id, info.name], [company.id, company.name], 'companyInfo');
    const keyword = listOf<{ id: number; name: string }>(row('19995'), 'keywords')[0]!;
    const kw = await use('keywordInfo', '/3/keyword/{keyword_id}', client.keywordInfo(keyword.id));
    expectField(kw.name, keyword.name, 'keywordInfo');
    const movies = await use('keywordMovies', '/3/keyword/{keyword_id}/movies', client.keywordMovies({ id: keyword.id }));
    expect(movies.results!.map((m) => m.id)).toContain(19995);
  });

  it('gets TMDB error bodies through the client', async () => {
    await expect(client.movieInfo(1)).rejects.toMatchObject({ response: { status: 404, data: { status_code: 34 } } });
    const keyless = new MovieDb('not-a-key', client.baseUrl);
    await expect(keyless.movieInfo(19995)).rejects.toMatchObject({ response: { status: 401, data: { status_code: 7 } } });
  });
});
