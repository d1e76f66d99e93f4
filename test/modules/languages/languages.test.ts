// GET /languages: every spoken language a movie may name, by English name.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();

const sortKey = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

describe('GET /api/v1/languages', () => {
  it("answers the 186 seeded languages (ISO 639-1, sh, TMDB's cn and xx) by name, ignoring case and accents", async () => {
    const rows = await query<{ code: string; name: string }>(t.database.handle, 'select code, name from language');
    const expected = rows.sort((a, b) => (sortKey(a.name) < sortKey(b.name) ? -1 : 1)).map(({ code, name }) => ({ code, name }));

    const response = await t.app.inject({ method: 'GET', url: '/api/v1/languages' });
    expect(response.statusCode).toBe(200);
    const { items } = response.json<{ items: { code: string; name: string }[] }>();
    expect(items).toHaveLength(186);
    expect(items).toEqual(expected);
    expect(items[0]).toEqual({ code: 'ab', name: 'Abkhazian' });
    expect(items).toEqual(
      expect.arrayContaining([
        { code: 'en', name: 'English' },
        { code: 'fr', name: 'French' },
        { code: 'sh', name: 'Serbo-Croatian' },
        { code: 'cn', name: 'Cantonese' },
        { code: 'xx', name: 'No Language' },
      ]),
    );
    // Accents do not move a name to the end.
    const names = items.map((l) => l.name);
    expect(names.indexOf('Māori')).toBe(names.indexOf('Marathi') - 1);
    expect(names.indexOf('Norwegian Bokmål')).toBe(names.indexOf('Norwegian Nynorsk') - 1);
  });

  it('carries an ETag and answers 304 to it', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/api/v1/languages' });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await t.app.inject({ method: 'GET', url: '/api/v1/languages', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
  });
});
