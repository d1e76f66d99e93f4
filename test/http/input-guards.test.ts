// Odd input gets a 4xx naming the field, never a 500: NUL characters, ids beyond PostgreSQL's
// integers, year 0, blank names.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { type Client, clientFor, signInAs } from '../helpers/builders.js';
import { query } from '../helpers/database.js';

const t = useTestApp();
let editor: Client;
let anonymous: Client;
beforeAll(async () => {
  editor = clientFor(t, await signInAs(t, 'editor'));
  anonymous = clientFor(t);
});

describe('odd input', () => {
  it.each([
    ['/movies?q=a%00b', 'q'],
    ['/persons?q=%00', 'q'],
    ['/countries?q=x%00', 'q'],
  ])('refuses a NUL character in %s naming %s', async (url, field) => {
    const response = await anonymous.get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ in: 'query', field, message: 'must not hold a NUL character' }] });
  });

  it('refuses a NUL character in a JSON body, creating nothing', async () => {
    const response = await editor.post('/movies', { title: 'Nul\u0000Title' });
    expect(response.json()).toMatchObject({ status: 400, errors: [{ in: 'body', field: 'title' }] });
    const login = await anonymous.post('/auth/login', { login: 'a\u0000b', password: 'whatever' });
    expect(login.statusCode).toBe(400);
    expect(await query(t.database.handle, `select 1 from movie where title like 'Nul%'`)).toEqual([]);
  });

  it.each([
    ['/movies?ids=9999999999', 'ids'],
    ['/movies?cast=1|9999999999', 'cast'],
    ['/movies?genre=99999999999', 'genre'],
    ['/movies?withoutGenre=0', 'withoutGenre'],
    ['/movies?country=9999999999', 'country'],
    ['/persons?ids=1,9999999999', 'ids'],
    ['/persons?country=9999999999', 'country'],
  ])('refuses %s (an id PostgreSQL cannot hold) with 400 naming %s', async (url, field) => {
    const response = await anonymous.get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ in: 'query', field }] });
  });

  it('refuses a country id that names no country with 422', async () => {
    const response = await anonymous.get('/movies?country=987654');
    expect(response.json()).toMatchObject({ status: 422, errors: [{ field: 'country', message: 'names no country' }] });
  });

  it('refuses the year 0000 wherever a date goes', async () => {
    expect((await anonymous.get('/movies?releasedFrom=0000-01-01')).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'releasedFrom' }],
    });
    expect((await editor.post('/movies', { title: 'Year zero', releaseDate: '0000-06-01' })).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'releaseDate' }],
    });
    expect((await editor.post('/persons', { firstName: 'Old', lastName: 'Timer', birthDate: '0000-01-01' })).statusCode).toBe(400);
    expect((await editor.post('/movies', { title: 'Year one', releaseDate: '0001-01-01' })).statusCode).toBe(201);
  });

  it.each([
    ['/movies', { title: '   ' }, 'title'],
    ['/persons', { firstName: ' ', lastName: 'X' }, 'firstName'],
    ['/genres', { name: '12' }, 'name'],
    ['/genres', { name: 'Sci,Fi' }, 'name'],
    ['/genres', { name: 'Sci|Fi' }, 'name'],
  ])('refuses POST %s %o with 400 naming %s', async (url, body, field) => {
    const response = await editor.post(url, body);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ in: 'body', field }] });
  });
});
