// Data builders: each test makes the rows it needs, nothing shared between files.
import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../../src/http/principal.js';
import { createSessionService } from '../../src/modules/auth/sessions.service.js';
import { createTokenSigner } from '../../src/modules/auth/tokens.js';
import { insertUser } from '../../src/modules/users/users.queries.js';
import type { User } from '../../src/modules/users/users.schemas.js';
import type { TestApp } from './app.js';
import { query } from './database.js';

let counter = 0;
export const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export interface Registered {
  user: User;
  accessToken: string;
  refreshToken: string;
  password: string;
}

/** Signs up through the API, as a client would. */
export async function register(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Registered> {
  const username = unique('user_');
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    payload: { username, email: `${username}@example.com`, password, ...overrides },
  });
  if (response.statusCode !== 201) throw new Error(`register failed: ${response.statusCode} ${response.body}`);
  const body = response.json<Omit<Registered, 'password'>>();
  return { ...body, password: (overrides.password as string | undefined) ?? password };
}

export interface SignedIn {
  user: User;
  accessToken: string;
  refreshToken: string;
  headers: { authorization: string };
}

/**
 * A fresh account with the given role and a live session, made directly (no password hashing, no
 * rate limit): for tests about what a role may do, not about signing in.
 */
export async function signInAs(t: TestApp, role: Role): Promise<SignedIn> {
  const username = unique(`${role}_`);
  const user = await insertUser(t.database.handle.db, {
    username,
    email: `${username}@example.com`,
    passwordHash: 'not a usable hash',
    role,
  });
  const sessions = createSessionService({
    db: t.database.handle.db,
    signer: createTokenSigner({ secret: t.config.jwtSecret, accessTokenTtlSeconds: t.config.auth.accessTokenTtlSeconds }),
    refreshTokenTtlDays: t.config.auth.refreshTokenTtlDays,
  });
  const tokens = await sessions.startSession(user.id, {});
  return { user, ...tokens, headers: bearer(tokens.accessToken) };
}

export interface MovieFixture {
  id: number;
  title: string;
}

/** A movie straight into the database (the catalogue's write API comes later). */
export async function createMovie(
  t: TestApp,
  overrides: { title?: string; budget?: number; releaseDate?: string; durationMinutes?: number; countryCode?: string } = {},
): Promise<MovieFixture> {
  const title = overrides.title ?? unique('Movie ');
  const [row] = await query<{ id: number }>(
    t.database.handle,
    sql`insert into movie (title, budget, release_date, duration, country_id)
        values (${title}, ${overrides.budget ?? null}, ${overrides.releaseDate ?? null},
                ${overrides.durationMinutes === undefined ? null : `${overrides.durationMinutes} minutes`}::interval,
                (select country_id from country where code = ${overrides.countryCode ?? null}))
        returning movie_id as id`,
  );
  return { id: row!.id, title };
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Calls /api/v1 as `who` (anonymous when undefined). */
export function clientFor(t: TestApp, who?: SignedIn) {
  const call = (method: Method, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    t.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { ...who?.headers, ...headers },
      ...(payload !== undefined ? { payload: payload as object } : {}),
    });
  return {
    get: (url: string, headers?: Record<string, string>) => call('GET', url, undefined, headers),
    post: (url: string, payload?: unknown) => call('POST', url, payload),
    put: (url: string, payload?: unknown) => call('PUT', url, payload),
    patch: (url: string, payload?: unknown) => call('PATCH', url, payload),
    delete: (url: string) => call('DELETE', url),
  };
}

export type Client = ReturnType<typeof clientFor>;

/** Creates through the API and answers the created document; fails the test on any other status. */
export async function created<T = Record<string, unknown>>(response: {
  statusCode: number;
  body: string;
  json: () => unknown;
}): Promise<T> {
  if (response.statusCode !== 201) throw new Error(`expected 201, got ${response.statusCode}: ${response.body}`);
  return Promise.resolve(response.json() as T);
}
