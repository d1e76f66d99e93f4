// Admins manage users: the list with favorite ids, roles, deletion, and the last admin kept.
import { describe, expect, it } from 'vitest';
import { createTestApp, useTestApp } from '../../helpers/app.js';
import { createMovie, signInAs, type SignedIn } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();

const api = (method: 'GET' | 'PATCH' | 'DELETE' | 'PUT', url: string, who?: SignedIn, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who?.headers ?? {}, ...(payload ? { payload } : {}) });

interface AdminUser {
  id: number;
  username: string;
  role: string;
  favoriteMovieIds: number[];
}

describe('GET /users', () => {
  it('lists every user with the ids of their favorite movies', async () => {
    const admin = await signInAs(t, 'admin');
    const [ana, bob] = [await signInAs(t, 'user'), await signInAs(t, 'editor')];
    const [m1, m2] = [await createMovie(t), await createMovie(t)];
    await api('PUT', `/me/favorites/${m1.id}`, ana);
    await api('PUT', `/me/favorites/${m2.id}`, ana);
    await query(t.database.handle, `update favorite_movies set created_at = now() - interval '1 hour' where movie_id = ${m1.id}`);

    const response = await api('GET', '/users?pageSize=100', admin);
    expect(response.statusCode).toBe(200);
    const page = response.json<{ items: AdminUser[]; total: number }>();
    const rows = await query<{ user_id: number }>(t.database.handle, 'select user_id from user_account order by user_id');
    expect(page.total).toBe(rows.length);
    expect(page.items.map((u) => u.id)).toEqual(rows.map((r) => r.user_id));
    const byId = new Map(page.items.map((u) => [u.id, u]));
    expect(byId.get(ana.user.id)).toMatchObject({ username: ana.user.username, role: 'user', favoriteMovieIds: [m2.id, m1.id] });
    expect(byId.get(bob.user.id)).toMatchObject({ role: 'editor', favoriteMovieIds: [] });
    expect(byId.get(admin.user.id)).toMatchObject({ role: 'admin', favoriteMovieIds: [] });
    expect(Object.keys(byId.get(ana.user.id)!).sort()).toEqual([
      'avatar',
      'createdAt',
      'email',
      'favoriteMovieIds',
      'firstName',
      'id',
      'lastName',
      'role',
      'updatedAt',
      'username',
    ]);
  });

  it('filters by role and by part of the name, and pages', async () => {
    const admin = await signInAs(t, 'admin');
    const editor = await signInAs(t, 'editor');
    const editors = (await api('GET', '/users?role=editor&pageSize=100', admin)).json<{ items: AdminUser[] }>().items;
    expect(editors.every((u) => u.role === 'editor')).toBe(true);
    expect(editors.map((u) => u.id)).toContain(editor.user.id);
    const found = (await api('GET', `/users?q=${editor.user.username.toUpperCase()}`, admin)).json<{ items: AdminUser[]; total: number }>();
    expect(found).toMatchObject({ total: 1, items: [{ id: editor.user.id }] });
    const second = (await api('GET', '/users?pageSize=1&page=2', admin)).json<{ items: AdminUser[]; pageSize: number }>();
    expect(second.items).toHaveLength(1);
  });

  it('refuses users and editors with 403, anonymous callers with 401', async () => {
    expect((await api('GET', '/users')).statusCode).toBe(401);
    for (const role of ['user', 'editor'] as const) {
      const response = await api('GET', '/users', await signInAs(t, role));
      expect(response.statusCode).toBe(403);
      expect(response.json()).toMatchObject({ detail: `This needs the admin role; you are signed in as ${role}.` });
    }
  });

  it('refuses a bad role filter with 400', async () => {
    const response = await api('GET', '/users?role=superuser', await signInAs(t, 'admin'));
    expect(response.json()).toMatchObject({ status: 400, errors: [{ field: 'role', message: 'must be one of: user, editor, admin' }] });
  });
});

describe('GET, PATCH and DELETE /users/{id}', () => {
  it('reads one user, or 404', async () => {
    const admin = await signInAs(t, 'admin');
    const ana = await signInAs(t, 'user');
    expect((await api('GET', `/users/${ana.user.id}`, admin)).json()).toMatchObject({ id: ana.user.id, favoriteMovieIds: [] });
    expect((await api('GET', '/users/999999', admin)).statusCode).toBe(404);
    expect((await api('GET', '/users/0', admin)).json()).toMatchObject({ status: 400, errors: [{ in: 'path', field: 'id' }] });
  });

  it('changes a role, effective on the very next request', async () => {
    const admin = await signInAs(t, 'admin');
    const ana = await signInAs(t, 'user');
    expect((await api('GET', '/users', ana)).statusCode).toBe(403);
    const promoted = await api('PATCH', `/users/${ana.user.id}`, admin, { role: 'admin' });
    expect(promoted.statusCode).toBe(200);
    expect(promoted.json()).toMatchObject({ id: ana.user.id, role: 'admin' });
    expect((await api('GET', '/users', ana)).statusCode).toBe(200);
    await api('PATCH', `/users/${ana.user.id}`, admin, { role: 'user' });
    expect((await api('GET', '/users', ana)).statusCode).toBe(403);
  });

  it('refuses an unknown role with 400 and an unknown user with 404', async () => {
    const admin = await signInAs(t, 'admin');
    const ana = await signInAs(t, 'user');
    expect((await api('PATCH', `/users/${ana.user.id}`, admin, { role: 'owner' })).json()).toMatchObject({
      status: 400,
      errors: [{ field: 'role' }],
    });
    expect((await api('PATCH', '/users/999999', admin, { role: 'editor' })).statusCode).toBe(404);
  });

  it('deletes a user: their tokens stop working at once', async () => {
    const admin = await signInAs(t, 'admin');
    const ana = await signInAs(t, 'user');
    expect((await api('DELETE', `/users/${ana.user.id}`, admin)).statusCode).toBe(204);
    expect((await api('GET', '/me', ana)).statusCode).toBe(401);
    expect((await api('DELETE', `/users/${ana.user.id}`, admin)).statusCode).toBe(404);
  });

  it('keeps the last admin: no demotion, no deletion, no self-deletion', async () => {
    // A database of its own, so that "the last admin" is certain.
    const own = await createTestApp();
    try {
      const admin = await signInAs(own, 'admin');
      const call = (method: 'PATCH' | 'DELETE', url: string, payload?: object) =>
        own.app.inject({ method, url: `/api/v1${url}`, headers: admin.headers, ...(payload ? { payload } : {}) });
      const demote = await call('PATCH', `/users/${admin.user.id}`, { role: 'editor' });
      expect(demote.statusCode).toBe(409);
      expect(demote.json()).toMatchObject({ detail: 'The last admin cannot lose the admin role: make another user admin first.' });
      expect((await call('DELETE', `/users/${admin.user.id}`)).statusCode).toBe(409);
      expect((await call('DELETE', '/me')).statusCode).toBe(409);

      const second = await signInAs(own, 'user');
      expect((await call('PATCH', `/users/${second.user.id}`, { role: 'admin' })).statusCode).toBe(200);
      expect((await call('PATCH', `/users/${admin.user.id}`, { role: 'editor' })).statusCode).toBe(200);
    } finally {
      await own.close();
    }
  });
});
