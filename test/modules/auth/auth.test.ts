// Signing up, in, refreshing and out: the happy paths and every refusal.
import { SignJWT, decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { bearer, register, unique } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers });
const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });

describe('POST /auth/register', () => {
  it('creates the account, signs it in and answers the user without secrets', async () => {
    const username = unique('Ana_');
    const response = await post('/auth/register', {
      username,
      email: `${username}@Example.com`,
      password: 'correct horse battery',
      firstName: 'Ana',
    });
    expect(response.statusCode).toBe(201);
    const body = response.json<{ user: Record<string, unknown>; accessToken: string; refreshToken: string; expiresIn: number }>();
    expect(body.user).toEqual({
      id: expect.any(Number) as number,
      username: username.toLowerCase(),
      email: `${username}@Example.com`,
      firstName: 'Ana',
      lastName: null,
      role: 'user',
      avatar: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
      updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) as string,
    });
    expect(body.expiresIn).toBe(900);
    expect(body.refreshToken).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/);
    expect((await me(body.accessToken)).json()).toEqual(body.user);

    const [stored] = await query<{ password_hash: string }>(
      t.database.handle,
      `select password_hash from user_account where user_id = ${body.user.id as number}`,
    );
    expect(stored!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  });

  it('issues access tokens that live 15 minutes', async () => {
    const { accessToken } = await register(t);
    const claims = decodeJwt(accessToken);
    expect(claims.exp! - claims.iat!).toBe(900);
  });

  it('refuses a username or e-mail that is taken, whatever its case, naming the field', async () => {
    const first = await register(t);
    const taken = await post('/auth/register', {
      username: first.user.username.toUpperCase(),
      email: 'someone.else@example.com',
      password: 'long enough password',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ status: 409, errors: [{ in: 'body', field: 'username', message: 'is taken' }] });

    const email = await post('/auth/register', {
      username: unique('other_'),
      email: first.user.email.toUpperCase(),
      password: 'long enough password',
    });
    expect(email.statusCode).toBe(409);
    expect(email.json()).toMatchObject({ errors: [{ field: 'email', message: 'is taken' }] });
  });

  it.each([
    [{ username: 'ab' }, 'username'],
    [{ username: 'a'.repeat(31) }, 'username'],
    [{ username: 'has space' }, 'username'],
    [{ username: 'émile' }, 'username'],
    [{ email: 'not-an-email' }, 'email'],
    [{ password: 'short' }, 'password'],
    [{ password: 'x'.repeat(257) }, 'password'],
    [{ role: 'admin' }, 'role'],
    [{ firstName: '' }, 'firstName'],
  ])('refuses %o with 400 naming %s, creating nothing', async (change, field) => {
    const username = unique('valid_');
    const payload = { username, email: `${username}@example.com`, password: 'long enough password', ...change };
    const response = await post('/auth/register', payload);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual([field]);
    expect(await query(t.database.handle, `select 1 from user_account where username = '${username}'`)).toEqual([]);
  });

  it('refuses a missing field', async () => {
    const response = await post('/auth/register', { username: unique('u_'), password: 'long enough password' });
    expect(response.json()).toMatchObject({ status: 400, errors: [{ in: 'body', field: 'email', message: 'is required' }] });
  });
});

describe('POST /auth/login', () => {
  it('signs in by username or by e-mail, without regard to case', async () => {
    const account = await register(t);
    for (const login of [account.user.username, account.user.email, account.user.email.toUpperCase()]) {
      const response = await post('/auth/login', { login, password: account.password });
      expect(response.statusCode, login).toBe(200);
      const body = response.json<{ user: { id: number }; accessToken: string }>();
      expect(body.user.id).toBe(account.user.id);
      expect((await me(body.accessToken)).statusCode).toBe(200);
    }
  });

  it('answers a wrong password and an unknown account alike', async () => {
    const account = await register(t);
    const wrongPassword = await post('/auth/login', { login: account.user.username, password: 'not the password' });
    const unknownUser = await post('/auth/login', { login: unique('nobody_'), password: 'not the password' });
    for (const response of [wrongPassword, unknownUser]) {
      expect(response.statusCode).toBe(401);
      expect(response.headers['www-authenticate']).toBe('Bearer');
    }
    const comparable = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });
    expect(comparable(wrongPassword.json())).toEqual(comparable(unknownUser.json()));
    expect(wrongPassword.json()).toMatchObject({ title: 'Unauthorized', detail: 'Wrong login or password.' });
  });

  it('refuses an empty body with 400', async () => {
    const response = await post('/auth/login', {});
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json<{ errors: { field: string }[] }>()
        .errors.map((e) => e.field)
        .sort(),
    ).toEqual(['login', 'password']);
  });
});

describe('POST /auth/refresh', () => {
  it('trades a refresh token for new tokens, once', async () => {
    const account = await register(t);
    const first = await post('/auth/refresh', { refreshToken: account.refreshToken });
    expect(first.statusCode).toBe(200);
    const renewed = first.json<{ user: { id: number }; accessToken: string; refreshToken: string; expiresIn: number }>();
    expect(renewed.user.id).toBe(account.user.id);
    expect(renewed.refreshToken).not.toBe(account.refreshToken);
    // Same session, new secret.
    expect(renewed.refreshToken.split('.')[0]).toBe(account.refreshToken.split('.')[0]);
    expect((await me(renewed.accessToken)).statusCode).toBe(200);

    const again = await post('/auth/refresh', { refreshToken: renewed.refreshToken });
    expect(again.statusCode).toBe(200);
  });

  it('revokes the whole session when a rotated token is used again', async () => {
    const account = await register(t);
    const renewed = (await post('/auth/refresh', { refreshToken: account.refreshToken })).json<{
      accessToken: string;
      refreshToken: string;
    }>();

    const reused = await post('/auth/refresh', { refreshToken: account.refreshToken });
    expect(reused.statusCode).toBe(401);
    expect(reused.json()).toMatchObject({ detail: 'The refresh token is invalid, expired or revoked: sign in again.' });

    // Everything of that session is dead at once: the newest refresh token and both access tokens.
    expect((await post('/auth/refresh', { refreshToken: renewed.refreshToken })).statusCode).toBe(401);
    expect((await me(renewed.accessToken)).statusCode).toBe(401);
    expect((await me(account.accessToken)).statusCode).toBe(401);
    const [session] = await query<{ revoked_reason: string }>(
      t.database.handle,
      `select revoked_reason from auth_session where session_id = '${account.refreshToken.split('.')[0]}'`,
    );
    expect(session).toEqual({ revoked_reason: 'refresh token reused' });

    // Other sessions of the same user are untouched.
    const other = await post('/auth/login', { login: account.user.username, password: account.password });
    expect((await me(other.json<{ accessToken: string }>().accessToken)).statusCode).toBe(200);
  });

  it('refuses a token with a real session id but a secret never issued, without harming the session', async () => {
    const account = await register(t);
    const forged = `${account.refreshToken.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await post('/auth/refresh', { refreshToken: forged })).statusCode).toBe(401);
    // Knowing a session id (it is inside every access token) must not let anyone sign the user out.
    expect((await me(account.accessToken)).statusCode).toBe(200);
    expect((await post('/auth/refresh', { refreshToken: account.refreshToken })).statusCode).toBe(200);
  });

  it('revokes the session when an older rotated token comes back, not only the last one', async () => {
    const account = await register(t);
    let token = account.refreshToken;
    for (let i = 0; i < 3; i++)
      token = (await post('/auth/refresh', { refreshToken: token })).json<{ refreshToken: string }>().refreshToken;
    expect((await post('/auth/refresh', { refreshToken: account.refreshToken })).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: token })).statusCode).toBe(401);
  });

  it.each([
    ['garbage', 'not-a-token'],
    ['an unknown session', '00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'],
  ])('refuses %s with 401', async (_label, refreshToken) => {
    const response = await post('/auth/refresh', { refreshToken });
    expect(response.statusCode).toBe(401);
  });

  it('refuses a missing token with 400', async () => {
    expect((await post('/auth/refresh', {})).json()).toMatchObject({ status: 400, errors: [{ field: 'refreshToken' }] });
  });
});

describe('POST /auth/logout', () => {
  it('revokes the session: its access and refresh tokens stop working at once', async () => {
    const account = await register(t);
    const response = await post('/auth/logout', undefined, bearer(account.accessToken));
    expect(response.statusCode).toBe(204);
    expect(response.body).toBe('');
    expect((await me(account.accessToken)).statusCode).toBe(401);
    expect((await post('/auth/refresh', { refreshToken: account.refreshToken })).statusCode).toBe(401);
  });

  it('signs out with the refresh token alone, when the access token is gone', async () => {
    const account = await register(t);
    expect((await post('/auth/logout', { refreshToken: account.refreshToken })).statusCode).toBe(204);
    expect((await me(account.accessToken)).statusCode).toBe(401);
  });

  it('is idempotent: with neither token, or a refresh token that is not current, nothing is revoked', async () => {
    expect((await post('/auth/logout', undefined)).statusCode).toBe(204);
    const account = await register(t);
    const forged = `${account.refreshToken.split('.')[0]}.${'A'.repeat(43)}`;
    expect((await post('/auth/logout', { refreshToken: forged })).statusCode).toBe(204);
    expect((await me(account.accessToken)).statusCode).toBe(200);
    expect((await post('/auth/logout', { refreshToken: 'x', extra: 1 })).statusCode).toBe(400);
  });
});

describe('access tokens', () => {
  it('refuses an expired, tampered or foreign token, or a malformed header', async () => {
    const account = await register(t);
    const claims = decodeJwt(account.accessToken);
    const sign = (secret: string, expiresAt: number) =>
      new SignJWT({ sid: claims.sid })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.sub!)
        .setIssuer('moviedb')
        .setAudience('moviedb-api')
        .setIssuedAt(expiresAt - 900)
        .setExpirationTime(expiresAt)
        .sign(new TextEncoder().encode(secret));
    const now = Math.floor(Date.now() / 1000);

    // The same claims, well signed, pass: the refusals below are about what differs.
    expect((await me(await sign(t.config.jwtSecret, now + 60))).statusCode).toBe(200);
    const expired = await sign(t.config.jwtSecret, now - 1);
    const foreign = await sign('another secret entirely, 32+ characters', now + 60);
    const [head, payload, signature] = account.accessToken.split('.');
    const tampered = `${head}.${payload}.${signature!.slice(0, -2)}AA`;
    for (const token of [expired, foreign, tampered]) {
      const response = await me(token);
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ detail: 'The access token is invalid, expired or revoked.' });
    }
    const basic = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: 'Basic YTpi' } });
    expect(basic.statusCode).toBe(401);
  });

  it('refuses a well-signed token without exp or iat, or claiming a longer life than the service gives', async () => {
    const account = await register(t);
    const claims = decodeJwt(account.accessToken);
    const key = new TextEncoder().encode(t.config.jwtSecret);
    const base = () =>
      new SignJWT({ sid: claims.sid })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.sub!)
        .setIssuer('moviedb')
        .setAudience('moviedb-api');
    const now = Math.floor(Date.now() / 1000);
    const withBoth = await base()
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(key);
    expect((await me(withBoth)).statusCode).toBe(200);
    const tokens = {
      'no exp': await base().setIssuedAt(now).sign(key),
      'no iat': await base()
        .setExpirationTime(now + 600)
        .sign(key),
      neither: await base().sign(key),
      'a day long': await base()
        .setIssuedAt(now)
        .setExpirationTime(now + 86_400)
        .sign(key),
    };
    for (const [what, token] of Object.entries(tokens)) {
      const response = await me(token);
      expect(response.statusCode, what).toBe(401);
      expect(response.json(), what).toMatchObject({ status: 401, detail: 'The access token is invalid, expired or revoked.' });
    }
  });

  it('is ignored on public routes, so that a stale token never blocks a read', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/genres', headers: bearer('stale.token.here') });
    expect(response.statusCode).toBe(200);
  });
});
