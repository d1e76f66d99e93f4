// A user's own account: read, change, change password, delete.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { bearer, createMovie, register, unique } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();

const api = (method: 'GET' | 'PATCH' | 'DELETE' | 'POST' | 'PUT', url: string, token?: string, payload?: object) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: token ? bearer(token) : {}, ...(payload ? { payload } : {}) });
const login = (login: string, password: string) => api('POST', '/auth/login', undefined, { login, password });

describe('GET /me', () => {
  it('answers the caller', async () => {
    const account = await register(t, { firstName: 'Zoë', lastName: 'Kravitz' });
    const response = await api('GET', '/me', account.accessToken);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ id: account.user.id, firstName: 'Zoë', lastName: 'Kravitz', role: 'user' });
  });

  it('refuses an anonymous caller', async () => {
    expect((await api('GET', '/me')).statusCode).toBe(401);
  });
});

describe('PATCH /me', () => {
  it('changes names, username and e-mail, and moves updatedAt', async () => {
    const account = await register(t);
    const username = unique('New_Name_');
    const response = await api('PATCH', '/me', account.accessToken, {
      username,
      email: `${username}@example.org`,
      firstName: 'Greta',
      lastName: null,
    });
    expect(response.statusCode).toBe(200);
    const user = response.json<{ username: string; email: string; firstName: string; lastName: null; updatedAt: string }>();
    expect(user).toMatchObject({ username: username.toLowerCase(), email: `${username}@example.org`, firstName: 'Greta', lastName: null });
    expect(Date.parse(user.updatedAt)).toBeGreaterThanOrEqual(Date.parse(account.user.updatedAt));
    // To the microsecond, in the database: the update moved it past the creation.
    const [row] = await query<{ moved: boolean }>(
      t.database.handle,
      `select updated_at > created_at as moved from user_account where user_id = ${account.user.id}`,
    );
    expect(row).toEqual({ moved: true });
    expect((await login(username, account.password)).statusCode).toBe(200);
  });

  it("refuses another account's username or e-mail with 409 naming the field, changing nothing", async () => {
    const [a, b] = [await register(t), await register(t)];
    const taken = await api('PATCH', '/me', b.accessToken, { firstName: 'Changed', username: a.user.username.toUpperCase() });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ errors: [{ field: 'username', message: 'is taken' }] });
    expect((await api('GET', '/me', b.accessToken)).json()).toMatchObject({ username: b.user.username, firstName: null });
    const email = await api('PATCH', '/me', b.accessToken, { email: a.user.email });
    expect(email.json()).toMatchObject({ status: 409, errors: [{ field: 'email' }] });
  });

  it.each([
    [{}, 'body'],
    [{ username: 'x' }, 'username'],
    [{ email: 'nope' }, 'email'],
    [{ role: 'admin' }, 'role'],
    [{ password: 'sneaky new password' }, 'password'],
  ])('refuses %o with 400 naming %s', async (payload, field) => {
    const account = await register(t);
    const response = await api('PATCH', '/me', account.accessToken, payload);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([field]);
    expect((await api('GET', '/me', account.accessToken)).json()).toMatchObject({ role: 'user', username: account.user.username });
  });
});

describe('POST /me/password', () => {
  it('changes the password and signs out every other session at once, keeping this one', async () => {
    const account = await register(t);
    const other = (await login(account.user.email, account.password)).json<{ accessToken: string; refreshToken: string }>();

    const response = await api('POST', '/me/password', account.accessToken, {
      currentPassword: account.password,
      newPassword: 'a brand new password',
    });
    expect(response.statusCode).toBe(204);

    expect((await api('GET', '/me', account.accessToken)).statusCode).toBe(200);
    expect((await api('GET', '/me', other.accessToken)).statusCode).toBe(401);
    expect((await api('POST', '/auth/refresh', undefined, { refreshToken: other.refreshToken })).statusCode).toBe(401);
    expect((await login(account.user.username, account.password)).statusCode).toBe(401);
    expect((await login(account.user.username, 'a brand new password')).statusCode).toBe(200);
  });

  it('refuses a wrong current password with 422 and a short new one with 400, changing nothing', async () => {
    const account = await register(t);
    const wrong = await api('POST', '/me/password', account.accessToken, {
      currentPassword: 'not my password',
      newPassword: 'a brand new password',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json()).toMatchObject({ errors: [{ in: 'body', field: 'currentPassword', message: 'is wrong' }] });
    const short = await api('POST', '/me/password', account.accessToken, { currentPassword: account.password, newPassword: 'short' });
    expect(short.json()).toMatchObject({ status: 400, errors: [{ field: 'newPassword' }] });
    expect((await login(account.user.username, account.password)).statusCode).toBe(200);
  });
});

describe('DELETE /me', () => {
  it('deletes the account with its sessions and favorites; its tokens stop working at once', async () => {
    const account = await register(t);
    const movie = await createMovie(t);
    expect((await api('PUT', `/me/favorites/${movie.id}`, account.accessToken)).statusCode).toBe(204);

    const response = await api('DELETE', '/me', account.accessToken);
    expect(response.statusCode).toBe(204);
    expect((await api('GET', '/me', account.accessToken)).statusCode).toBe(401);
    expect((await login(account.user.username, account.password)).statusCode).toBe(401);
    const [left] = await query<{ users: number; sessions: number; favorites: number }>(
      t.database.handle,
      `select (select count(*)::int from user_account where user_id = ${account.user.id}) as users,
              (select count(*)::int from auth_session where user_id = ${account.user.id}) as sessions,
              (select count(*)::int from favorite_movies where user_id = ${account.user.id}) as favorites`,
    );
    expect(left).toEqual({ users: 0, sessions: 0, favorites: 0 });
    // The movie itself stays.
    expect(await query(t.database.handle, `select title from movie where movie_id = ${movie.id}`)).toEqual([{ title: movie.title }]);
  });
});
