// Idempotency-Key on every create: the same key with the same request answers the first answer
// again without a second row; with another request, 422; per caller; kept in PostgreSQL for 24
// hours and swept after; a retry after a cut connection finds the first answer.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { sweepExpiredAnswers } from '../../src/db/idempotency.js';
import { useTestApp } from '../helpers/app.js';
import { type SignedIn, created, signInAs } from '../helpers/builders.js';
import { query } from '../helpers/database.js';
import { makeImage, multipart } from '../helpers/images.js';

const t = useTestApp();
let editor: SignedIn;
let admin: SignedIn;
beforeAll(async () => {
  editor = await signInAs(t, 'editor');
  admin = await signInAs(t, 'admin');
});

function post(url: string, payload: unknown, { who = editor, key }: { who?: SignedIn | null; key?: string } = {}) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1${url}`,
    headers: { ...(who ? who.headers : {}), ...(key ? { 'idempotency-key': key } : {}) },
    payload: payload as object,
  });
}

const count = async (table: string, where: string) =>
  (await query<{ n: number }>(t.database.handle, `select count(*)::int as n from ${table} where ${where}`))[0]!.n;

describe('a repeated create', () => {
  it.each([
    ['/movies', () => ({ title: 'Once Only', genreIds: [1, 2] }), 'movie', "title = 'Once Only'"],
    ['/persons', () => ({ firstName: 'Una', lastName: 'Vez' }), 'person', "last_name = 'Vez'"],
    ['/genres', () => ({ name: 'Once Noir' }), 'genre', "genre_name = 'Once Noir'"],
  ])('POST %s answers the first answer again, with one row', async (url, body, table, where) => {
    const key = randomUUID();
    const first = await post(url, body(), { key, who: url === '/countries' ? admin : editor });
    expect(first.statusCode).toBe(201);
    expect(first.headers['idempotent-replayed']).toBeUndefined();
    const again = await post(url, body(), { key });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count(table, where)).toBe(1);
  });

  it('POST /countries (admins) and POST /movies/{id}/characters too', async () => {
    const key = randomUUID();
    const country = await post('/countries', { code: 'QO', name: 'Onceland' }, { who: admin, key });
    const countryAgain = await post('/countries', { code: 'QO', name: 'Onceland' }, { who: admin, key });
    expect(countryAgain.json()).toEqual(country.json());
    expect(await count('country', "code = 'QO'")).toBe(1);

    const movie = await created<{ id: number }>(await post('/movies', { title: 'With a cast' }));
    const characterKey = randomUUID();
    const character = await post(`/movies/${movie.id}/characters`, { name: 'Twin', role: 'leading' }, { key: characterKey });
    const characterAgain = await post(`/movies/${movie.id}/characters`, { name: 'Twin', role: 'leading' }, { key: characterKey });
    expect(character.statusCode).toBe(201);
    expect(characterAgain.json()).toEqual(character.json());
    expect(await count('"character"', `movie_id = ${movie.id}`)).toBe(1);
  });

  it('without a key, is a second row', async () => {
    await created(await post('/genres', { name: 'Twice A' }));
    expect((await post('/genres', { name: 'Twice A' })).statusCode).toBe(409);
    await created(await post('/movies', { title: 'Twice B' }));
    await created(await post('/movies', { title: 'Twice B' }));
    expect(await count('movie', "title = 'Twice B'")).toBe(2);
  });

  it('with the same key but another body, path or method, is refused with 422 and changes nothing', async () => {
    const key = randomUUID();
    await created(await post('/movies', { title: 'First Body' }, { key }));
    const other = await post('/movies', { title: 'Second Body' }, { key });
    expect(other.statusCode).toBe(422);
    expect(other.json()).toMatchObject({
      status: 422,
      errors: [{ in: 'header', field: 'idempotency-key', message: 'was used for another request' }],
    });
    expect(await count('movie', "title = 'Second Body'")).toBe(0);
    const otherPath = await post('/persons', { firstName: 'First', lastName: 'Body' }, { key });
    expect(otherPath.statusCode).toBe(422);
    expect(await count('person', "last_name = 'Body'")).toBe(0);
  });

  it('takes the body in any key order as the same body', async () => {
    const key = randomUUID();
    const first = await created<{ id: number }>(await post('/movies', { title: 'Ordered', durationMinutes: 100 }, { key }));
    const again = await post('/movies', { durationMinutes: 100, title: 'Ordered' }, { key });
    expect(again.json()).toMatchObject({ id: first.id });
  });

  it("is per caller: another editor's same key is another create", async () => {
    const key = randomUUID();
    const mine = await created<{ id: number }>(await post('/movies', { title: 'Shared Key' }, { key }));
    const other = await signInAs(t, 'editor');
    const theirs = await created<{ id: number }>(await post('/movies', { title: 'Shared Key' }, { key, who: other }));
    expect(theirs.id).not.toBe(mine.id);
    expect(await count('movie', "title = 'Shared Key'")).toBe(2);
  });

  it.each(['', 'has space', 'x'.repeat(256), 'naïve', '"unclosed'])('refuses the key %j with 400 naming the header', async (key) => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/movies',
      headers: { ...editor.headers, 'idempotency-key': key },
      payload: { title: 'Bad Key' },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ in: 'header', field: 'idempotency-key' }] });
    expect(await count('movie', "title = 'Bad Key'")).toBe(0);
  });

  it('takes a key written as a Structured Fields string, the same as bare', async () => {
    const key = randomUUID();
    const first = await created<{ id: number }>(await post('/movies', { title: 'Quoted' }, { key: `"${key}"` }));
    expect((await post('/movies', { title: 'Quoted' }, { key })).json()).toMatchObject({ id: first.id });
  });

  it('refuses the wrong caller before looking at the key', async () => {
    const key = randomUUID();
    const anonymous = await post('/movies', { title: 'Nobody' }, { key, who: null });
    expect(anonymous.statusCode).toBe(401);
    const user = await post('/movies', { title: 'Nobody' }, { key, who: await signInAs(t, 'user') });
    expect(user.statusCode).toBe(403);
  });

  it('runs two copies at once into one row', async () => {
    const key = randomUUID();
    const [a, b] = await Promise.all([post('/movies', { title: 'Racing' }, { key }), post('/movies', { title: 'Racing' }, { key })]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect(a.json<{ id: number }>().id).toBe(b.json<{ id: number }>().id);
    expect(await count('movie', "title = 'Racing'")).toBe(1);
  });
});

describe('uploads', () => {
  it('POST /files: the same file again is the first answer; another file with the key is 422', async () => {
    const key = randomUUID();
    const image = multipart(await makeImage(40, 30, 'png'), 'once.png', 'image/png');
    const send = (body: { payload: Buffer; headers: Record<string, string> }) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        headers: { ...editor.headers, ...body.headers, 'idempotency-key': key },
        payload: body.payload,
      });
    const first = await send(image);
    expect(first.statusCode).toBe(201);
    // The same bytes in another multipart body (another boundary) are the same request.
    const again = await send(multipart(await makeImage(40, 30, 'png'), 'once.png', 'image/png'));
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    expect(await count('file', "file_name = 'once.png'")).toBe(1);
    const other = await send(multipart(await makeImage(41, 30, 'png'), 'once.png', 'image/png'));
    expect(other.statusCode).toBe(422);
    expect(await count('file', "file_name = 'once.png'")).toBe(1);
  });

  it('POST /persons/{id}/photos: one photo in the gallery, however often it is sent', async () => {
    const person = await created<{ id: number }>(await post('/persons', { firstName: 'Photo', lastName: 'Once' }));
    const key = randomUUID();
    const body = multipart(await makeImage(30, 40, 'jpeg'), 'face.jpg', 'image/jpeg');
    const sendSame = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/persons/${person.id}/photos`,
        headers: { ...editor.headers, ...body.headers, 'idempotency-key': key },
        payload: body.payload,
      });
    const first = await sendSame();
    expect(first.statusCode).toBe(201);
    const again = await sendSame();
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(await count('person_photos', `person_id = ${person.id}`)).toBe(1);
    // The replay left no file behind: one file row for the one photo.
    expect(await count('file', "file_name = 'face.jpg'")).toBe(1);
  });
});

describe('sign-up', () => {
  const account = () => ({ username: 'idem_signup', email: 'idem_signup@example.com', password: 'a long enough password' });

  it('signs the one account it made in again, with new tokens, and never stores tokens', async () => {
    const key = randomUUID();
    const first = await post('/auth/register', account(), { who: null, key });
    expect(first.statusCode).toBe(201);
    const again = await post('/auth/register', account(), { who: null, key });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const [a, b] = [
      first.json<{ user: { id: number }; accessToken: string; refreshToken: string }>(),
      again.json<{ user: { id: number }; accessToken: string; refreshToken: string }>(),
    ];
    expect(b.user).toEqual(a.user);
    expect(b.refreshToken).not.toBe(a.refreshToken);
    expect(await count('user_account', "username = 'idem_signup'")).toBe(1);
    const stored = await query<{ answer: string }>(
      t.database.handle,
      sql`select answer::text as answer from idempotency_key where key = ${key}`,
    );
    expect(JSON.parse(stored[0]!.answer)).toEqual({ userId: a.user.id });
    // The new session works.
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${b.accessToken}` } });
    expect(me.json()).toMatchObject({ id: a.user.id });
    // Another password with the key is another request.
    expect((await post('/auth/register', { ...account(), password: 'another long password' }, { who: null, key })).statusCode).toBe(422);
  });
});

describe('the keys table', () => {
  it('drops expired keys when swept, and an expired key may be used again', async () => {
    const key = randomUUID();
    const first = await created<{ id: number }>(await post('/movies', { title: 'Expiring' }, { key }));
    await query(t.database.handle, sql`update idempotency_key set expires_at = now() - interval '1 second' where key = ${key}`);
    const fresh = await created<{ id: number }>(await post('/movies', { title: 'Expiring' }, { key }));
    expect(fresh.id).not.toBe(first.id);
    await query(t.database.handle, sql`update idempotency_key set expires_at = now() - interval '1 second' where key = ${key}`);
    expect(await sweepExpiredAnswers(t.database.handle.db)).toBeGreaterThanOrEqual(1);
    expect(await count('idempotency_key', `key = '${key}'`)).toBe(0);
  });

  it('keeps a key 24 hours', async () => {
    const key = randomUUID();
    await created(await post('/movies', { title: 'Kept a day' }, { key }));
    const [row] = await query<{ hours: number }>(
      t.database.handle,
      sql`select round(extract(epoch from expires_at - created_at) / 3600)::int as hours from idempotency_key where key = ${key}`,
    );
    expect(row!.hours).toBe(24);
  });
});

describe('a retry after a cut connection', () => {
  it('gets the first answer and makes no second row', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as AddressInfo;
    const key = randomUUID();
    const body = JSON.stringify({ title: 'Cut Short', genreIds: [3] });
    // The client sends the create, and loses the connection before it reads any answer.
    const cut = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/movies',
      headers: { ...editor.headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': key },
    });
    cut.on('error', () => {});
    cut.on('response', (response) => response.destroy());
    cut.end(body);
    const deadline = Date.now() + 10_000;
    while ((await count('movie', "title = 'Cut Short'")) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    cut.destroy();
    expect(await count('movie', "title = 'Cut Short'")).toBe(1);
    const retry = await fetch(`http://127.0.0.1:${port}/api/v1/movies`, {
      method: 'POST',
      headers: { ...editor.headers, 'content-type': 'application/json', 'idempotency-key': key },
      body,
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    const movie = (await retry.json()) as { id: number; title: string; genres: { id: number }[] };
    expect(movie).toMatchObject({ title: 'Cut Short', genres: [{ id: 3 }] });
    const rows = await query<{ id: number }>(t.database.handle, `select movie_id as id from movie where title = 'Cut Short'`);
    expect(rows).toEqual([{ id: movie.id }]);
  });
});
