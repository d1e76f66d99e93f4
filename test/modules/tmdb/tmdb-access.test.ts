// Who may call /3: every route refuses no key, a revoked key (one's own or another user's) and an
// access token, in TMDB's form; takes api_key or a Bearer key; with TMDB_API_REQUIRE_KEY=false takes
// anyone. Bad values get TMDB's error bodies, never a 500; past the rate limit, 429 with Retry-After.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, useTestApp } from '../../helpers/app.js';
import { signInAs } from '../../helpers/builders.js';
import { apiKeyOf } from '../../helpers/tmdb-keys.js';
import { expectTmdbShape, validated } from '../../helpers/tmdb-schema.js';
import { TMDB_TEST_SETTINGS, importFixture } from './fixture.js';

const INVALID_KEY = { success: false, status_code: 7, status_message: 'Invalid API key: You must be granted a valid key.' };

/** Every /3 route that asks for a key, with its path filled in with ids the fixture has. */
function keyedUrls(app: FastifyInstance): string[] {
  const values: Record<string, string> = { movie_id: '19995', person_id: '85', company_id: '289', keyword_id: '1463', time_window: 'week' };
  return app
    .routePolicies()
    .filter((r) => r.method === 'GET' && r.url.startsWith('/3/') && !r.url.startsWith('/3/t/p/'))
    .map((r) => r.url.replace(/:(\w+)/g, (_m, name: string) => values[name] ?? '1').replace('*', 'no/such/path'));
}

const call = (t: TestApp, url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('with keys required (the default)', () => {
  const t = useTestApp({ tmdbApi: TMDB_TEST_SETTINGS });
  let live: string;
  let revoked: string;
  let othersRevoked: string;
  beforeAll(async () => {
    await importFixture(t.database.handle.db, 3);
    live = (await apiKeyOf(t)).key;
    const mine = await apiKeyOf(t);
    await mine.revoke();
    revoked = mine.key;
    const others = await apiKeyOf(t);
    await others.revoke();
    othersRevoked = others.key;
  }, 120_000);

  it("refuses every route without a key, with a revoked key, another user's revoked key, an access token or a made-up key", async () => {
    const urls = keyedUrls(t.app);
    expect(urls.length).toBe(35);
    const admin = await signInAs(t, 'admin');
    for (const url of urls) {
      const refusals = [
        await call(t, url),
        await call(t, `${url}${url.includes('?') ? '&' : '?'}api_key=${revoked}`),
        await call(t, url, { authorization: `Bearer ${revoked}` }),
        await call(t, url, { authorization: `Bearer ${othersRevoked}` }),
        await call(t, url, admin.headers),
        await call(t, url, { authorization: 'Bearer not-a-key' }),
        await call(t, `${url}?api_key=${'x'.repeat(300)}`),
      ];
      for (const response of refusals) {
        expect(response.statusCode, url).toBe(401);
        expect(response.json(), url).toEqual(INVALID_KEY);
      }
      for (const response of [await call(t, `${url}?api_key=${live}`), await call(t, url, { authorization: `Bearer ${live}` })]) {
        expect(response.statusCode, url).toBe(url.endsWith('no/such/path') ? 404 : 200);
      }
    }
  });

  it('refuses bad values in TMDB form, never with a 500', async () => {
    const auth = { authorization: `Bearer ${live}` };
    const cases: [string, number, number][] = [
      ['/3/movie/popular?page=0', 400, 22],
      ['/3/movie/popular?page=abc', 400, 22],
      ['/3/movie/popular?page=10000001', 400, 22],
      ['/3/discover/movie?page=-1', 400, 22],
      ['/3/discover/movie?sort_by=budget.desc', 422, 5],
      ['/3/discover/movie?with_genres=28,12|16', 422, 5],
      ['/3/discover/movie?with_genres=action', 422, 5],
      ['/3/discover/movie?vote_average.gte=11', 422, 5],
      ['/3/discover/movie?with_runtime.gte=1e3', 422, 5],
      ['/3/discover/movie?primary_release_date.gte=2012-13', 400, 23],
      ['/3/discover/movie?release_date.lte=yesterday', 400, 23],
      ['/3/discover/movie?year=0', 422, 5],
      ['/3/discover/movie?with_origin_country=ZZ', 422, 5],
      ['/3/discover/movie?with_cast=99999999999', 422, 5],
      ['/3/search/movie?query=x&year=abc', 422, 5],
      [`/3/search/movie?query=${'x'.repeat(501)}`, 422, 5],
      ['/3/movie/19995?append_to_response=Credits', 422, 5],
      [`/3/movie/19995?append_to_response=${Array(21).fill('credits').join(',')}`, 400, 27],
      ['/3/movie/abc', 404, 34],
      ['/3/movie/0', 404, 34],
      ['/3/movie/99999999999', 404, 34],
      ['/3/trending/movie/month', 404, 34],
      ['/3/no/such/route', 404, 34],
      ['/3/movie/19995/videos', 404, 34],
    ];
    for (const [url, status, code] of cases) {
      const response = await call(t, url, auth);
      expect(response.statusCode, url).toBe(status);
      expect(response.json(), url).toMatchObject({ success: false, status_code: code });
    }
    // Unknown parameters are ignored, as TMDB ignores them.
    const extra = await call(t, '/3/movie/popular?page=1&include_adult=true&foo=bar&language=fr-FR&region=FR', auth);
    expect(extra.statusCode).toBe(200);
    expectTmdbShape('/3/movie/popular', extra.json());
  });

  it('redirects an image URL to the stored size, without a key', async () => {
    for (const path of ['/3/t/p/w500/00000000-0000-0000-0000-000000000000.jpg', '/3/t/p/w500', '/3/t/p/w500/a/b.jpg', '/3/t/p/']) {
      const missing = await call(t, path);
      expect(missing.statusCode, path).toBe(404);
      expect(missing.json(), path).toMatchObject({ success: false, status_code: 34 });
    }
    await t.database.handle.db.execute(`insert into file (file_name, mime_type, key, public_url, size_bytes, width, height)
      values ('p.jpg', 'image/jpeg', 'images/11111111-2222-3333-4444-555555555555/original.jpg',
      'http://files.example/images/11111111-2222-3333-4444-555555555555/original.jpg', 10, 1000, 1500)`);
    const cases: [string, string][] = [
      ['w92', 'w92.webp'],
      ['w154', 'w185.webp'],
      ['w342', 'w500.webp'],
      ['w780', 'original.jpg'],
      ['h632', 'original.jpg'],
      ['original', 'original.jpg'],
    ];
    for (const [size, stored] of cases) {
      const response = await call(t, `/3/t/p/${size}/11111111-2222-3333-4444-555555555555.jpg`);
      expect(response.statusCode, size).toBe(302);
      expect(response.headers.location, size).toBe(`http://files.example/images/11111111-2222-3333-4444-555555555555/${stored}`);
    }
  });
});

describe('with keys not required (TMDB_API_REQUIRE_KEY=false)', () => {
  const t = useTestApp({ tmdbApi: { ...TMDB_TEST_SETTINGS, requireKey: false } });
  beforeAll(async () => {
    await importFixture(t.database.handle.db, 3);
  }, 120_000);
  afterAll(() => console.log(`tmdb-access: ${validated.answers} answers schema-valid`));

  it('answers every route without a key, and with any key a client sends', async () => {
    const routes = t.app.routePolicies().filter((r) => r.method === 'GET' && r.url.startsWith('/3/') && !r.url.startsWith('/3/t/p/'));
    const urls = keyedUrls(t.app);
    expect(urls.length).toBe(routes.length);
    for (const [i, url] of urls.entries()) {
      const answers = [await call(t, url), await call(t, `${url}?api_key=anything`), await call(t, url, { authorization: 'Bearer x' })];
      // TMDB's document names the path the route has, with its parameters in braces.
      if (!url.endsWith('no/such/path')) expectTmdbShape(routes[i]!.url.replace(/:(\w+)/g, '{$1}'), answers[0]!.json());
      for (const response of answers) {
        // Through the key check, every path answers: an unknown one TMDB's 404.
        expect(response.statusCode, url).toBe(url.endsWith('no/such/path') ? 404 : 200);
      }
    }
  });
});

describe('the rate limit', () => {
  const t = useTestApp({ tmdbApi: { ...TMDB_TEST_SETTINGS, ratePer10Seconds: 3 } });

  it('answers 429 in TMDB form with Retry-After past the limit, counted per key', async () => {
    const first = await apiKeyOf(t);
    const second = await apiKeyOf(t);
    for (let i = 0; i < 3; i++) expect((await call(t, `/3/genre/movie/list?api_key=${first.key}`)).statusCode).toBe(200);
    const refused = await call(t, `/3/genre/movie/list?api_key=${first.key}`);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ success: false, status_code: 25 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(10);
    // The same key as a Bearer token is the same caller; another key is not.
    expect((await call(t, '/3/genre/movie/list', { authorization: `Bearer ${first.key}` })).statusCode).toBe(429);
    expect((await call(t, `/3/genre/movie/list?api_key=${second.key}`)).statusCode).toBe(200);
  });
});

describe('the rate limit of an address', () => {
  const t = useTestApp({ tmdbApi: { ...TMDB_TEST_SETTINGS, ratePer10Seconds: 2 } });

  it('counts bad keys too: past ten times a key’s limit, an address is refused 429 before any key is looked up', async () => {
    const good = await apiKeyOf(t);
    for (let i = 0; i < 20; i++) {
      expect((await call(t, `/3/genre/movie/list?api_key=${'0'.repeat(31)}${i % 10}`)).statusCode).toBe(401);
    }
    const refused = await call(t, `/3/genre/movie/list?api_key=${'f'.repeat(32)}`);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ success: false, status_code: 25 });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    // The address is refused whatever it sends, a live key too, until the window passes.
    expect((await call(t, `/3/genre/movie/list?api_key=${good.key}`)).statusCode).toBe(429);
  });

  it('counts image requests per address, apart from the API: past ten times a key’s limit, 429', async () => {
    const image = '/3/t/p/w500/00000000-0000-0000-0000-000000000000.jpg';
    for (let i = 0; i < 20; i++) expect((await call(t, image)).statusCode).toBe(404);
    const refused = await call(t, image);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ success: false, status_code: 25 });
  });
});
