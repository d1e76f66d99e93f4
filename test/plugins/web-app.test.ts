// The web app is served at /: its files, index.html for the addresses the app routes itself, and
// never in place of an API answer.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

const INDEX = '<!doctype html><title>moviedb</title><script type="module" src="/assets/index-abc123.js"></script>';
let webDir: string;
let t: TestApp;
let unbuilt: TestApp;
beforeAll(async () => {
  webDir = mkdtempSync(path.join(tmpdir(), 'moviedb-web-'));
  mkdirSync(path.join(webDir, 'assets'));
  writeFileSync(path.join(webDir, 'index.html'), INDEX);
  writeFileSync(path.join(webDir, 'assets', 'index-abc123.js'), 'console.log("app")');
  writeFileSync(path.join(webDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  t = await createTestApp({ webDir });
  unbuilt = await createTestApp({ webDir: path.join(webDir, 'nothing-here') });
});
afterAll(async () => {
  await t.close();
  await unbuilt.close();
  rmSync(webDir, { recursive: true, force: true });
});

const html = { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };
const get = (url: string, headers: Record<string, string> = html, app = t) => app.app.inject({ method: 'GET', url, headers });

describe('the web app at /', () => {
  it('serves index.html at /, never cached stale, under the content security policy', async () => {
    const response = await get('/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body).toBe(INDEX);
    expect(response.headers['cache-control']).toBe('no-cache');
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    // Images come from the storage's address too (local storage: PUBLIC_URL).
    expect(csp).toContain(`img-src 'self' data: blob: ${new URL(t.config.publicUrl).origin}`);
    expect(csp).not.toContain('upgrade-insecure-requests');
  });

  it.each(['/movies/12', '/discover?genre=Drama%7CComedy&sort=-releaseDate', '/persons/3/edit', '/sign-in?next=%2Ffavorites'])(
    'answers the page address %s with index.html, so shared links and reloads work',
    async (url) => {
      const response = await get(url);
      expect(response.statusCode).toBe(200);
      expect(response.body).toBe(INDEX);
      expect(response.headers['cache-control']).toBe('no-cache');
    },
  );

  it('serves hashed assets for a year, and other files with revalidation', async () => {
    const asset = await get('/assets/index-abc123.js', {});
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expect(asset.body).toBe('console.log("app")');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const icon = await get('/favicon.svg', {});
    expect(icon.statusCode).toBe(200);
    expect(icon.headers['cache-control']).toBe('no-cache');
  });

  it.each([
    ['an API address, even from a browser', '/api/v1/no-such-thing', html],
    ['a missing asset', '/assets/missing-zzz.js', html],
    ['a page address asked for as JSON', '/movies/12', { accept: 'application/json' }],
    ['a file address', '/files/ab/cd/missing.webp', html],
  ])('answers %s with a 404 problem, not the app', async (_label, url, headers) => {
    const response = await get(url, headers);
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<{ status: number }>().status).toBe(404);
  });

  it('leaves the API as it was', async () => {
    const genres = await get('/api/v1/genres?pageSize=1', {});
    expect(genres.statusCode).toBe(200);
    expect(genres.json<{ total: number }>().total).toBe(19);
  });

  it('without a build, serves the API alone and answers / with a 404 problem', async () => {
    const page = await get('/', html, unbuilt);
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await get('/api/v1/genres?pageSize=1', {}, unbuilt)).statusCode).toBe(200);
  });
});
