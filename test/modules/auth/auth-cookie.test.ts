// The web app's sessions: the refresh token in an httpOnly cookie that only the refresh endpoint
// receives, beside the JSON form that API clients keep using.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { bearer, register, unique } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();
const proxied = useTestApp({ trustProxy: true });

interface Answer {
  user: { id: number; username: string };
  accessToken: string;
  refreshToken?: string;
  expiresIn: number;
}

const post = (url: string, payload: unknown, headers: Record<string, string> = {}, app = t) =>
  app.app.inject({ method: 'POST', url: `/api/v1${url}`, payload: payload as object, headers });
const me = (token: string) => t.app.inject({ method: 'GET', url: '/api/v1/me', headers: bearer(token) });

/** The Set-Cookie header for the refresh cookie, split into its attributes. */
function refreshCookie(response: { headers: Record<string, unknown> }): { value: string; attributes: string[] } {
  const headers = ([] as string[]).concat((response.headers['set-cookie'] as string | string[] | undefined) ?? []);
  const header = headers.find((h) => h.startsWith('moviedb_refresh='));
  if (!header) throw new Error(`no refresh cookie in ${JSON.stringify(headers)}`);
  const [pair, ...attributes] = header.split(/;\s*/);
  return { value: pair!.slice('moviedb_refresh='.length), attributes: attributes.map((a) => a.toLowerCase()) };
}
const cookieHeader = (token: string) => ({ cookie: `moviedb_refresh=${token}` });

async function signInWithCookie(app = t) {
  const account = await register(app);
  const response = await post('/auth/login', { login: account.user.username, password: account.password, cookie: true }, {}, app);
  expect(response.statusCode).toBe(200);
  return { account, response, body: response.json<Answer>(), cookie: refreshCookie(response) };
}

describe('refresh token in a cookie', () => {
  it('login with cookie: true sets an httpOnly, SameSite=Strict cookie on the refresh path and leaves the token out of the answer', async () => {
    const { account, body, cookie } = await signInWithCookie();
    expect(body.refreshToken).toBeUndefined();
    expect(body.user.id).toBe(account.user.id);
    expect(cookie.value).toMatch(/^[0-9a-f-]{36}\.[\w-]{43}$/);
    expect(cookie.attributes).toEqual(
      expect.arrayContaining(['httponly', 'samesite=strict', 'path=/api/v1/auth/refresh', `max-age=${30 * 86_400}`]),
    );
    // Plain HTTP: a Secure cookie would never come back.
    expect(cookie.attributes).not.toContain('secure');
    expect((await me(body.accessToken)).statusCode).toBe(200);
  });

  it('is Secure when the service is reached over HTTPS (behind a trusted proxy)', async () => {
    const account = await register(proxied);
    const response = await post(
      '/auth/login',
      { login: account.user.username, password: account.password, cookie: true },
      { 'x-forwarded-proto': 'https' },
      proxied,
    );
    expect(response.statusCode).toBe(200);
    expect(refreshCookie(response).attributes).toContain('secure');
  });

  it('register with cookie: true signs in the same way', async () => {
    const username = unique('cookie_');
    const response = await post('/auth/register', {
      username,
      email: `${username}@example.com`,
      password: 'correct horse battery',
      cookie: true,
    });
    expect(response.statusCode).toBe(201);
    expect(response.json<Answer>().refreshToken).toBeUndefined();
    expect(response.json<Answer>().user.username).toBe(username);
    expect(refreshCookie(response).attributes).toContain('httponly');
  });

  it('refresh with no body uses the cookie and answers with a new cookie; the spent one is refused and cleared', async () => {
    const { account, cookie } = await signInWithCookie();
    const renewed = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', headers: cookieHeader(cookie.value) });
    expect(renewed.statusCode).toBe(200);
    const body = renewed.json<Answer>();
    expect(body.refreshToken).toBeUndefined();
    expect(body.user.id).toBe(account.user.id);
    const next = refreshCookie(renewed);
    expect(next.value).not.toBe(cookie.value);
    expect(next.value.split('.')[0]).toBe(cookie.value.split('.')[0]);
    expect((await me(body.accessToken)).json<{ id: number }>().id).toBe(account.user.id);

    // Spending the old cookie again, once the grace for a lost answer is over, is a reuse: refused,
    // the cookie dropped, the session revoked.
    await query(
      t.database.handle,
      `update auth_session set refreshed_at = now() - interval '11 seconds' where session_id = '${cookie.value.split('.')[0]}'`,
    );
    const reused = await post('/auth/refresh', {}, cookieHeader(cookie.value));
    expect(reused.statusCode).toBe(401);
    expect(reused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refreshCookie(reused).value).toBe('');
    expect(refreshCookie(reused).attributes).toEqual(expect.arrayContaining(['path=/api/v1/auth/refresh']));
    expect((await post('/auth/refresh', {}, cookieHeader(next.value))).statusCode).toBe(401);
  });

  it('a browser that left the page before its refresh answered may present the previous cookie again, for 10 seconds', async () => {
    const { account, cookie } = await signInWithCookie();
    const sessionId = cookie.value.split('.')[0]!;
    // The answer to this refresh never reached the browser: it still holds the first cookie.
    const lost = await post('/auth/refresh', {}, cookieHeader(cookie.value));
    expect(lost.statusCode).toBe(200);
    const retried = await post('/auth/refresh', {}, cookieHeader(cookie.value));
    expect(retried.statusCode).toBe(200);
    expect(retried.json<Answer>().user.id).toBe(account.user.id);
    const current = refreshCookie(retried).value;
    expect(current).not.toBe(refreshCookie(lost).value);
    const [session] = await query<{ revoked_at: string | null }>(
      t.database.handle,
      `select revoked_at from auth_session where session_id = '${sessionId}'`,
    );
    expect(session!.revoked_at).toBeNull();
    // Older tokens than the one just replaced are a reuse, grace or not.
    expect((await post('/auth/refresh', {}, cookieHeader(cookie.value))).statusCode).toBe(401);
    expect((await post('/auth/refresh', {}, cookieHeader(current))).statusCode).toBe(401);
  });

  it('gives no grace to a session started without the cookie, even when its token comes in a Cookie header', async () => {
    const account = await register(t);
    expect((await post('/auth/refresh', {}, cookieHeader(account.refreshToken))).statusCode).toBe(200);
    expect((await post('/auth/refresh', {}, cookieHeader(account.refreshToken))).statusCode).toBe(401);
    const [session] = await query<{ revoked_reason: string | null }>(
      t.database.handle,
      `select revoked_reason from auth_session where session_id = '${account.refreshToken.split('.')[0]}'`,
    );
    expect(session!.revoked_reason).toBe('refresh token reused');
  });

  it('answers a token that came in the cookie in the cookie, even when the body asks for JSON', async () => {
    const { cookie } = await signInWithCookie();
    const response = await post('/auth/refresh', { cookie: false }, cookieHeader(cookie.value));
    expect(response.statusCode).toBe(200);
    expect(response.json<Answer>().refreshToken).toBeUndefined();
    expect(response.body).not.toContain(refreshCookie(response).value);
    expect(refreshCookie(response).value).toMatch(/^[0-9a-f-]{36}\./);
  });

  it('gives a refresh token sent in the body no such grace: presented twice, the session is revoked', async () => {
    const { cookie } = await signInWithCookie();
    expect((await post('/auth/refresh', { refreshToken: cookie.value })).statusCode).toBe(200);
    expect((await post('/auth/refresh', { refreshToken: cookie.value })).statusCode).toBe(401);
    const [session] = await query<{ revoked_reason: string | null }>(
      t.database.handle,
      `select revoked_reason from auth_session where session_id = '${cookie.value.split('.')[0]}'`,
    );
    expect(session!.revoked_reason).toBe('refresh token reused');
  });

  it('a token in the body wins over the cookie, and is answered in JSON as before', async () => {
    const { cookie } = await signInWithCookie();
    const other = await register(t);
    const response = await post('/auth/refresh', { refreshToken: other.refreshToken }, cookieHeader(cookie.value));
    expect(response.statusCode).toBe(200);
    expect(response.json<Answer>().user.id).toBe(other.user.id);
    expect(response.json<Answer>().refreshToken).toMatch(/^[0-9a-f-]{36}\./);
    expect(response.headers['set-cookie']).toBeUndefined();
    // The cookie's session is untouched.
    expect((await post('/auth/refresh', {}, cookieHeader(cookie.value))).statusCode).toBe(200);
  });

  it('refresh with neither a body token nor a cookie is a 400 naming refreshToken', async () => {
    for (const payload of [undefined, {}]) {
      const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', ...(payload ? { payload } : {}) });
      expect(response.statusCode).toBe(400);
      const problem = response.json<{ detail: string; errors: { in: string; field: string }[] }>();
      expect(problem.detail).toBe('No refresh token: send refreshToken in the body, or the refresh cookie.');
      expect(problem.errors).toEqual([{ in: 'body', field: 'refreshToken', message: 'is required when no refresh cookie is sent' }]);
    }
  });

  it('refuses a cookie value that is not a token, and a cookie option that is not a boolean (naming the field)', async () => {
    expect((await post('/auth/refresh', {}, cookieHeader('garbage'))).statusCode).toBe(401);
    const account = await register(t);
    const bad = await post('/auth/login', { login: account.user.username, password: account.password, cookie: 'yes' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['cookie']);
    expect(bad.headers['set-cookie']).toBeUndefined();
  });

  it('logout revokes the session and clears the cookie', async () => {
    const { body, cookie } = await signInWithCookie();
    const out = await post('/auth/logout', {}, bearer(body.accessToken));
    expect(out.statusCode).toBe(204);
    const cleared = refreshCookie(out);
    expect(cleared.value).toBe('');
    expect(cleared.attributes).toEqual(expect.arrayContaining(['path=/api/v1/auth/refresh']));
    expect(cleared.attributes.some((a) => a === 'max-age=0' || a.startsWith('expires=thu, 01 jan 1970'))).toBe(true);
    expect((await post('/auth/refresh', {}, cookieHeader(cookie.value))).statusCode).toBe(401);
    expect((await me(body.accessToken)).statusCode).toBe(401);
  });
});
