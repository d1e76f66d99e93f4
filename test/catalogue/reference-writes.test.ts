// Genres (editors) and countries (admins): writes, conflicts, deletion rules.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { type Client, clientFor, created, signInAs } from '../helpers/builders.js';
import { query } from '../helpers/database.js';

const t = useTestApp();
let admin: Client;
let editor: Client;
let user: Client;
let anonymous: Client;

beforeAll(async () => {
  admin = clientFor(t, await signInAs(t, 'admin'));
  editor = clientFor(t, await signInAs(t, 'editor'));
  user = clientFor(t, await signInAs(t, 'user'));
  anonymous = clientFor(t);
});

describe('genres', () => {
  it('editors add, rename and delete genres; a deleted genre leaves its movies', async () => {
    expect((await user.post('/genres', { name: 'Mumblecore' })).statusCode).toBe(403);
    expect((await anonymous.post('/genres', { name: 'Mumblecore' })).statusCode).toBe(401);
    const genre = await created<{ id: number; name: string }>(await editor.post('/genres', { name: '  Mumblecore ' }));
    expect(genre).toEqual({ id: expect.any(Number) as number, name: 'Mumblecore' });

    const renamed = await editor.patch(`/genres/${genre.id}`, { name: 'Neo-Mumblecore' });
    expect(renamed.json()).toEqual({ id: genre.id, name: 'Neo-Mumblecore' });
    expect((await user.patch(`/genres/${genre.id}`, { name: 'X' })).statusCode).toBe(403);

    const movie = await created<{ id: number }>(await editor.post('/movies', { title: 'Funny Ha Ha', genreIds: [genre.id] }));
    expect((await user.delete(`/genres/${genre.id}`)).statusCode).toBe(403);
    expect((await editor.delete(`/genres/${genre.id}`)).statusCode).toBe(204);
    expect((await anonymous.get(`/movies/${movie.id}`)).json()).toMatchObject({ title: 'Funny Ha Ha', genres: [] });
    expect((await editor.delete(`/genres/${genre.id}`)).statusCode).toBe(404);
    expect((await editor.patch(`/genres/${genre.id}`, { name: 'Gone' })).statusCode).toBe(404);
  });

  it('refuses a name taken in any case with 409, and a blank one with 400', async () => {
    const taken = await editor.post('/genres', { name: 'drama' });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ errors: [{ in: 'body', field: 'name', message: 'is taken' }] });
    const comedy = (await query<{ id: number }>(t.database.handle, `select genre_id as id from genre where genre_name = 'Comedy'`))[0]!;
    expect((await editor.patch(`/genres/${comedy.id}`, { name: 'DRAMA' })).statusCode).toBe(409);
    expect((await editor.post('/genres', { name: '   ' })).json()).toMatchObject({ status: 400, errors: [{ field: 'name' }] });
    expect((await editor.post('/genres', {})).json()).toMatchObject({ status: 400, errors: [{ field: 'name', message: 'is required' }] });
  });
});

describe('countries', () => {
  it('admins add, change and delete countries; editors may not', async () => {
    expect((await editor.post('/countries', { code: 'XK', name: 'Kosovo' })).statusCode).toBe(403);
    expect((await anonymous.post('/countries', { code: 'XK', name: 'Kosovo' })).statusCode).toBe(401);
    expect((await user.post('/countries', { code: 'XK', name: 'Kosovo' })).statusCode).toBe(403);
    const country = await created<{ id: number; code: string; name: string }>(
      await admin.post('/countries', { code: 'xk', name: 'Kosovo' }),
    );
    expect(country).toEqual({ id: expect.any(Number) as number, code: 'XK', name: 'Kosovo' });
    expect((await anonymous.get('/countries?q=XK')).json()).toMatchObject({ items: [{ code: 'XK', name: 'Kosovo' }] });

    expect((await editor.patch(`/countries/${country.id}`, { name: 'Republic of Kosovo' })).statusCode).toBe(403);
    expect((await admin.patch(`/countries/${country.id}`, { name: 'Republic of Kosovo' })).json()).toEqual({
      ...country,
      name: 'Republic of Kosovo',
    });

    expect((await editor.delete(`/countries/${country.id}`)).statusCode).toBe(403);
    expect((await anonymous.delete(`/countries/${country.id}`)).statusCode).toBe(401);
    expect((await anonymous.patch(`/countries/${country.id}`, { name: 'X' })).statusCode).toBe(401);
    expect((await admin.delete(`/countries/${country.id}`)).statusCode).toBe(204);
    expect((await admin.delete(`/countries/${country.id}`)).statusCode).toBe(404);
  });

  it('refuses a taken code or name with 409, a bad code with 400', async () => {
    expect((await admin.post('/countries', { code: 'fr', name: 'Francia' })).json()).toMatchObject({
      status: 409,
      errors: [{ field: 'code' }],
    });
    expect((await admin.post('/countries', { code: 'QQ', name: 'France' })).json()).toMatchObject({
      status: 409,
      errors: [{ field: 'name' }],
    });
    expect((await admin.post('/countries', { code: 'FRA', name: 'X' })).json()).toMatchObject({ status: 400, errors: [{ field: 'code' }] });
    expect((await admin.post('/countries', { code: 'F1', name: 'X' })).json()).toMatchObject({ status: 400, errors: [{ field: 'code' }] });
  });

  it('refuses to delete a country a movie or a person names', async () => {
    const country = await created<{ id: number }>(await admin.post('/countries', { code: 'QM', name: 'Quartermaine' }));
    const movie = await created<{ id: number }>(await editor.post('/movies', { title: 'Local Film', countryId: country.id }));
    const refused = await admin.delete(`/countries/${country.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ detail: 'The country is named by 1 movie(s) and 0 person(s): change those first.' });
    await editor.patch(`/movies/${movie.id}`, { countryId: null });
    expect((await admin.delete(`/countries/${country.id}`)).statusCode).toBe(204);
  });
});
