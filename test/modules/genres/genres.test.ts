import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();

describe('GET /api/v1/genres', () => {
  it("lists TMDB's genres and added ones by name, ignoring case and accents", async () => {
    await query(t.database.handle, `insert into genre (genre_name) values ('film noir'), ('Éco-thriller')`);
    const rows = await query<{ id: number; name: string }>(t.database.handle, 'select genre_id as id, genre_name as name from genre');
    const key = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const expected = rows.sort((a, b) => (key(a.name) < key(b.name) ? -1 : 1));

    const response = await t.app.inject({ method: 'GET', url: '/api/v1/genres?pageSize=100' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: expected, total: 21, page: 1, pageSize: 100 });
    const names = expected.map((g) => g.name);
    expect(names.indexOf('Éco-thriller')).toBe(names.indexOf('Drama') + 1);
    expect(names).toContain('Science Fiction');
    expect(names).toContain('TV Movie');
  });

  it('pages', async () => {
    const all = (await t.app.inject({ method: 'GET', url: '/api/v1/genres?pageSize=100' })).json<{ items: unknown[] }>().items;
    const second = (await t.app.inject({ method: 'GET', url: '/api/v1/genres?page=2&pageSize=5' })).json<{ items: unknown[] }>();
    expect(second.items).toEqual(all.slice(5, 10));
  });

  it('refuses an unknown parameter with 400 naming it', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/genres?name=Drama' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ in: 'query', field: 'name', message: 'is not a known parameter' }] });
  });
});
