// /3 movie reads over imported TMDB rows: values compared with the source file, every answer
// checked against TMDB's OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { expectTmdbShape, validated } from '../../helpers/tmdb-schema.js';
import { apiKeyOf } from '../../helpers/tmdb-keys.js';
import { type Fixture, TMDB_TEST_SETTINGS, importFixture } from './fixture.js';

const t = useTestApp({ tmdbApi: TMDB_TEST_SETTINGS });
let fixture: Fixture;
let key: string;
beforeAll(async () => {
  fixture = await importFixture(t.database.handle.db, 30);
  key = (await apiKeyOf(t)).key;
}, 120_000);
afterAll(() => console.log(`tmdb-movies: ${validated.answers} answers schema-valid`));

const get = async (url: string) => {
  const response = await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${key}` } });
  return { status: response.statusCode, body: response.json<Record<string, unknown>>(), headers: response.headers };
};

describe('GET /3/movie/{id}', () => {
  it('answers TMDB details for an imported movie', async () => {
    const { status, body } = await get(
      '/3/movie/19995?append_to_response=credits,keywords,images,similar,recommendations,external_ids,release_dates',
    );
    expect(status).toBe(200);
    expectTmdbShape('/3/movie/{movie_id}', body, {
      credits: '/3/movie/{movie_id}/credits',
      keywords: '/3/movie/{movie_id}/keywords',
      images: '/3/movie/{movie_id}/images',
      similar: '/3/movie/{movie_id}/similar',
      recommendations: '/3/movie/{movie_id}/recommendations',
      external_ids: '/3/movie/{movie_id}/external_ids',
      release_dates: '/3/movie/{movie_id}/release_dates',
    });
    const source = fixture.movies.find((m) => m.id === '19995')!;
    expect(body.title).toBe(source.title);
    expect(body.id).toBe(19995);
  });
});
