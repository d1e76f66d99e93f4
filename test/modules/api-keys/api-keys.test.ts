// API keys: made (the key shown once, stored as its sha256), listed newest first, revoked (the row
// stays); each caller reaches their own keys only; and ownerOfApiKey, the lookup /3 makes.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { MAX_LIVE_API_KEYS, ownerOfApiKey } from '../../../src/modules/api-keys/api-keys.service.js';
import { useTestApp } from '../../helpers/app.js';
import { type SignedIn, clientFor, created, signInAs } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();

interface Created {
  id: number;
  name: string;
  key: string;
  keyPrefix: string;
  createdAt: string;
}
interface Listed {
  id: number;
  name: string;
  keyPrefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const owner = (key: string) => ownerOfApiKey(t.database.handle.db, key);
const makeKey = async (who: SignedIn, name = 'Radarr') => created<Created>(await clientFor(t, who).post('/me/api-keys', { name }));
const listOf = async (who: SignedIn) => {
  const response = await clientFor(t, who).get('/me/api-keys');
  expect(response.statusCode).toBe(200);
  return response.json<{ items: Listed[] }>().items;
};
const keyRows = async (userId: number) =>
  query<{ id: number; keyHash: string; keyPrefix: string; revoked: boolean }>(
    t.database.handle,
    sql`select api_key_id as id, key_hash as "keyHash", key_prefix as "keyPrefix", revoked_at is not null as revoked
        from api_key where user_id = ${userId} order by api_key_id`,
  );
/** When the key was last used, in milliseconds since 1970 (to the microsecond); null before its first use. */
const lastUsedAt = async (keyId: number) =>
  (
    await query<{ at: number | null }>(
      t.database.handle,
      sql`select extract(epoch from last_used_at)::float8 * 1000 as at from api_key where api_key_id = ${keyId}`,
    )
  )[0]!.at;

describe('POST /api/v1/me/api-keys', () => {
  it('answers the key once, in the shape of a TMDB v3 api_key; the list never shows it', async () => {
    const user = await signInAs(t, 'user');
    const response = await clientFor(t, user).post('/me/api-keys', { name: '  Radarr at home ' });
    expect(response.statusCode).toBe(201);
    const key = response.json<Created>();
    expect(Object.keys(key).sort()).toEqual(['createdAt', 'id', 'key', 'keyPrefix', 'name']);
    expect(key.key).toMatch(/^[0-9a-f]{32}$/);
    expect(key).toMatchObject({ name: 'Radarr at home', keyPrefix: key.key.slice(0, 6) });
    expect(Math.abs(Date.parse(key.createdAt) - Date.now())).toBeLessThan(60_000);

    const listed = await clientFor(t, user).get('/me/api-keys');
    expect(listed.json()).toEqual({
      items: [
        { id: key.id, name: 'Radarr at home', keyPrefix: key.keyPrefix, createdAt: key.createdAt, lastUsedAt: null, revokedAt: null },
      ],
    });
    expect(listed.body).not.toContain(key.key);
    expect(listed.body).not.toContain(sha256(key.key));
  });

  it("stores the key's sha256 and its first 6 characters, never the key", async () => {
    const user = await signInAs(t, 'user');
    const key = await makeKey(user);
    expect(await keyRows(user.user.id)).toEqual([{ id: key.id, keyHash: sha256(key.key), keyPrefix: key.key.slice(0, 6), revoked: false }]);
    const [everything] = await query<{ row: string }>(
      t.database.handle,
      sql`select row_to_json(k)::text as row from api_key k where api_key_id = ${key.id}`,
    );
    expect(everything!.row).not.toContain(key.key);
  });

  it('makes a new key each time, even under the same name', async () => {
    const user = await signInAs(t, 'user');
    const [first, second] = [await makeKey(user, 'Kodi'), await makeKey(user, 'Kodi')];
    expect(second.key).not.toBe(first.key);
    expect((await listOf(user)).map((k) => k.id)).toEqual([second.id, first.id]);
  });

  it(`keeps ${MAX_LIVE_API_KEYS} live keys a user at most: the next is a 409 naming the limit, until one is revoked`, async () => {
    const user = await signInAs(t, 'user');
    const client = clientFor(t, user);
    const keys: Created[] = [];
    for (let i = 1; i <= MAX_LIVE_API_KEYS; i++) keys.push(await makeKey(user, `Key ${i}`));
    const refused = await client.post('/me/api-keys', { name: 'One too many' });
    expect(refused.statusCode).toBe(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json<{ detail: string }>().detail).toContain(`${MAX_LIVE_API_KEYS} live API keys`);
    expect(await keyRows(user.user.id)).toHaveLength(MAX_LIVE_API_KEYS);
    // Another user is not held to this one's count.
    await makeKey(await signInAs(t, 'user'));

    expect((await client.delete(`/me/api-keys/${keys[0]!.id}`)).statusCode).toBe(204);
    const another = await makeKey(user, 'In its place');
    expect((await listOf(user)).filter((k) => k.revokedAt === null)).toHaveLength(MAX_LIVE_API_KEYS);
    expect((await listOf(user))[0]).toMatchObject({ id: another.id, name: 'In its place' });
    expect((await client.post('/me/api-keys', { name: 'One too many' })).statusCode).toBe(409);
  });

  it('counts the keys of creates sent at once in turn: no more than the limit get through', async () => {
    const user = await signInAs(t, 'user');
    const client = clientFor(t, user);
    const answers = await Promise.all(
      Array.from({ length: MAX_LIVE_API_KEYS + 5 }, (_, i) => client.post('/me/api-keys', { name: `At once ${i}` })),
    );
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses).toEqual([...Array<number>(MAX_LIVE_API_KEYS).fill(201), ...Array<number>(5).fill(409)]);
    expect(await keyRows(user.user.id)).toHaveLength(MAX_LIVE_API_KEYS);
  });

  it.each([
    { what: 'no name', payload: {}, field: 'name' },
    { what: 'an empty name', payload: { name: '' }, field: 'name' },
    { what: 'a blank name', payload: { name: ' \t ' }, field: 'name' },
    { what: 'a name of 101 characters', payload: { name: 'x'.repeat(101) }, field: 'name' },
    { what: 'a name that is no string', payload: { name: 42 }, field: 'name' },
    { what: 'an unknown property', payload: { name: 'Fine', userId: 1 }, field: 'userId' },
  ])('refuses $what with a 400 naming $field, and makes nothing', async ({ payload, field }) => {
    const user = await signInAs(t, 'user');
    const response = await clientFor(t, user).post('/me/api-keys', payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const problem = response.json<{ status: number; errors: { in: string; field: string }[] }>();
    expect(problem.status).toBe(400);
    expect(new Set(problem.errors.map((e) => `${e.in} ${e.field}`))).toEqual(new Set([`body ${field}`]));
    expect(await keyRows(user.user.id)).toEqual([]);
  });

  it('takes a name of 100 characters', async () => {
    const user = await signInAs(t, 'user');
    expect((await makeKey(user, 'é'.repeat(100))).name).toBe('é'.repeat(100));
  });
});

describe('DELETE /api/v1/me/api-keys/{id}', () => {
  it('revokes the key: it works no more, and stays in the list with revokedAt', async () => {
    const user = await signInAs(t, 'user');
    const [kept, revoked] = [await makeKey(user, 'Kept'), await makeKey(user, 'Revoked')];
    const response = await clientFor(t, user).delete(`/me/api-keys/${revoked.id}`);
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');

    const [second, first] = await listOf(user);
    expect(first).toMatchObject({ id: kept.id, revokedAt: null });
    expect(second).toMatchObject({ id: revoked.id, name: 'Revoked', keyPrefix: revoked.keyPrefix });
    expect(Math.abs(Date.parse(second!.revokedAt!) - Date.now())).toBeLessThan(60_000);
    expect(await owner(revoked.key)).toBeUndefined();
    expect(await owner(kept.key)).toEqual({ keyId: kept.id, userId: user.user.id });
  });

  it('answers 204 again for a key revoked before, which keeps its first revokedAt', async () => {
    const user = await signInAs(t, 'user');
    const key = await makeKey(user);
    const client = clientFor(t, user);
    expect((await client.delete(`/me/api-keys/${key.id}`)).statusCode).toBe(204);
    const [first] = await listOf(user);
    expect((await client.delete(`/me/api-keys/${key.id}`)).statusCode).toBe(204);
    expect(await listOf(user)).toEqual([first]);
    expect(await owner(key.key)).toBeUndefined();
  });

  it("is a 404 for another user's key, as for one that never was; the key still works", async () => {
    const [owner1, other] = [await signInAs(t, 'user'), await signInAs(t, 'admin')];
    const key = await makeKey(owner1);
    for (const id of [key.id, 999_999]) {
      const response = await clientFor(t, other).delete(`/me/api-keys/${id}`);
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ status: 404, detail: `No API key with id ${id}.` });
    }
    expect(await listOf(other)).toEqual([]);
    expect(await listOf(owner1)).toEqual([expect.objectContaining({ id: key.id, revokedAt: null })]);
    expect(await owner(key.key)).toEqual({ keyId: key.id, userId: owner1.user.id });
  });

  it.each(['abc', '0', '-1', '1.5', '2147483648'])('refuses the id %s with a 400 naming it, and revokes nothing', async (id) => {
    const user = await signInAs(t, 'user');
    await makeKey(user);
    const response = await clientFor(t, user).delete(`/me/api-keys/${id}`);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ status: 400, errors: [{ in: 'path', field: 'id' }] });
    expect((await keyRows(user.user.id)).map((k) => k.revoked)).toEqual([false]);
  });
});

describe('the routes need a signed-in caller', () => {
  it.each([
    ['GET', '/me/api-keys'],
    ['POST', '/me/api-keys'],
    ['DELETE', '/me/api-keys/1'],
  ] as const)('%s %s is a 401 for an anonymous caller', async (method, url) => {
    const before = (await query<{ n: number }>(t.database.handle, sql`select count(*)::int as n from api_key`))[0]!.n;
    const response = await t.app.inject({ method, url: `/api/v1${url}`, ...(method === 'POST' ? { payload: { name: 'Anonymous' } } : {}) });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ status: 401, title: 'Unauthorized' });
    expect((await query<{ n: number }>(t.database.handle, sql`select count(*)::int as n from api_key`))[0]!.n).toBe(before);
  });

  it('lists only the caller’s own keys', async () => {
    const [a, b] = [await signInAs(t, 'user'), await signInAs(t, 'editor')];
    const [ofA, ofB] = [await makeKey(a, 'A'), await makeKey(b, 'B')];
    expect((await listOf(a)).map((k) => k.id)).toEqual([ofA.id]);
    expect((await listOf(b)).map((k) => k.id)).toEqual([ofB.id]);
  });
});

describe('ownerOfApiKey', () => {
  it('answers the key and its owner for a live key', async () => {
    const user = await signInAs(t, 'user');
    const key = await makeKey(user);
    expect(await owner(key.key)).toEqual({ keyId: key.id, userId: user.user.id });
  });

  it('answers undefined for a key that is unknown, malformed or revoked', async () => {
    const user = await signInAs(t, 'user');
    const key = await makeKey(user);
    const unknown = key.key.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    for (const bad of [
      unknown,
      key.key.slice(0, 31),
      `${key.key}0`,
      key.key.toUpperCase().replace(/^[0-9]/, 'A'),
      `${key.key.slice(0, 31)}g`,
      `${key.key.slice(0, 31)} `,
      '',
      sha256(key.key),
    ]) {
      expect(await owner(bad), bad).toBeUndefined();
    }
    await clientFor(t, user).delete(`/me/api-keys/${key.id}`);
    expect(await owner(key.key)).toBeUndefined();
  });

  it("answers undefined once the key's account is deleted: its keys go with it", async () => {
    const user = await signInAs(t, 'user');
    const key = await makeKey(user);
    expect((await clientFor(t, user).delete('/me')).statusCode).toBe(204);
    expect(await keyRows(user.user.id)).toEqual([]);
    expect(await owner(key.key)).toBeUndefined();
  });

  it('records the use at most once a minute', async () => {
    const user = await signInAs(t, 'user');
    const key = await makeKey(user);
    expect(await lastUsedAt(key.id)).toBeNull();
    await owner(key.key);
    const first = await lastUsedAt(key.id);
    expect(first).not.toBeNull();
    await owner(key.key);
    expect(await lastUsedAt(key.id)).toBe(first);
    expect(Math.abs(first! - Date.now())).toBeLessThan(60_000);
    // The list shows it, to the millisecond.
    expect(Math.abs(Date.parse((await listOf(user))[0]!.lastUsedAt!) - first!)).toBeLessThan(1);

    await query(t.database.handle, sql`update api_key set last_used_at = now() - interval '61 seconds' where api_key_id = ${key.id}`);
    const old = await lastUsedAt(key.id);
    await owner(key.key);
    expect(await lastUsedAt(key.id)).toBeGreaterThan(old! + 60_000);
  });

  it('answers the owner when recording the use fails', async () => {
    const user = await signInAs(t, 'user');
    const key = await makeKey(user);
    // A table that refuses every update, as a read-only server would.
    await query(
      t.database.handle,
      sql`create function api_key_refuse_update() returns trigger language plpgsql as $$ begin raise exception 'read only'; end $$`,
    );
    await query(
      t.database.handle,
      sql`create trigger api_key_refuse_update before update on api_key for each row execute function api_key_refuse_update()`,
    );
    try {
      expect(await owner(key.key)).toEqual({ keyId: key.id, userId: user.user.id });
      expect(await lastUsedAt(key.id)).toBeNull();
    } finally {
      await query(t.database.handle, sql`drop trigger api_key_refuse_update on api_key`);
      await query(t.database.handle, sql`drop function api_key_refuse_update()`);
    }
  });
});
