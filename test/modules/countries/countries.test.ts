import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';

countries.registerLocale(english);

// The published ISO 3166-1 list (without the user-assigned XK), in the order the API promises:
// by name, ignoring case and accents.
const sortKey = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const ISO = Object.entries(countries.getNames('en', { select: 'official' }))
  .filter(([code]) => code !== 'XK')
  .map(([code, name]) => ({ code, name }))
  .sort((a, b) => (sortKey(a.name) < sortKey(b.name) ? -1 : 1));

const t = useTestApp();

const get = (url: string) => t.app.inject({ method: 'GET', url });

describe('GET /api/v1/countries', () => {
  it('lists every ISO 3166-1 country by name, across pages', async () => {
    const seen: { code: string; name: string }[] = [];
    for (let page = 1; page <= 3; page++) {
      const response = await get(`/api/v1/countries?page=${page}&pageSize=100`);
      expect(response.statusCode).toBe(200);
      const body = response.json<{ items: { id: number; code: string; name: string }[]; total: number; page: number; pageSize: number }>();
      expect(body).toMatchObject({ total: ISO.length, page, pageSize: 100 });
      for (const item of body.items) {
        expect(Object.keys(item).sort()).toEqual(['code', 'id', 'name']);
        seen.push({ code: item.code, name: item.name });
      }
    }
    expect(seen).toEqual(ISO);
  });

  it('pages with 20 items by default and answers an empty page past the end', async () => {
    const first = (await get('/api/v1/countries')).json<{ items: unknown[]; pageSize: number; page: number }>();
    expect(first.items).toHaveLength(20);
    expect(first).toMatchObject({ page: 1, pageSize: 20 });
    const beyond = (await get('/api/v1/countries?page=99')).json<{ items: unknown[]; total: number }>();
    expect(beyond).toEqual({ items: [], total: ISO.length, page: 99, pageSize: 20 });
  });

  it('filters by part of the name, without regard to case or accents, or by exact code', async () => {
    const names = async (q: string) =>
      (await get(`/api/v1/countries?pageSize=100&q=${encodeURIComponent(q)}`))
        .json<{ items: { name: string }[] }>()
        .items.map((c) => c.name);

    const united = ISO.filter((c) => sortKey(c.name).includes('united')).map((c) => c.name);
    expect(united.length).toBeGreaterThan(3);
    expect(await names('UNITED')).toEqual(united);

    const aland = ISO.filter((c) => sortKey(c.name).includes('aland')).map((c) => c.name);
    expect(aland).toEqual(expect.arrayContaining(['Åland Islands', 'New Zealand']));
    expect(await names('aland')).toEqual(aland);

    // The exact code first, then every name that contains the text.
    const de = ISO.filter((c) => c.code !== 'DE' && sortKey(c.name).includes('de')).map((c) => c.name);
    expect(await names('de')).toEqual(['Germany', ...de]);

    // LIKE wildcards are matched literally.
    expect(await names('%')).toEqual([]);
  });

  it.each([
    ['pageSize=0', 'pageSize'],
    ['pageSize=101', 'pageSize'],
    ['page=0', 'page'],
    ['page=first', 'page'],
    ['q=', 'q'],
    ['sort=name', 'sort'],
  ])('refuses ?%s with 400 naming %s', async (queryString, field) => {
    const response = await get(`/api/v1/countries?${queryString}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<{ status: number; errors: { in: string; field: string }[]; detail: string }>();
    expect(problem.status).toBe(400);
    expect(problem.errors).toEqual([expect.objectContaining({ in: 'query', field })]);
    expect(problem.detail).toContain(field);
  });
});
