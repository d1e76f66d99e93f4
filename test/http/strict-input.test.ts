// Strict input everywhere: every route of the API refuses a query parameter it does not declare
// and a body it does not take, naming it, and changes nothing; a path id is a plain decimal from 1
// to 2,147,483,647 or a 400 naming it; query numbers are written the plain way too.
import { beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/http/principal.js';
import { useTestApp } from '../helpers/app.js';
import { type SignedIn, clientFor, created, signInAs } from '../helpers/builders.js';
import { query } from '../helpers/database.js';

const t = useTestApp();
let admin: SignedIn;
let movieId: number;
beforeAll(async () => {
  admin = await signInAs(t, 'admin');
  movieId = (await created<{ id: number }>(await clientFor(t, admin).post('/movies', { title: 'Strict' }))).id;
});

interface Operation {
  method: string;
  path: string;
  url: string;
  takesBody: boolean;
}

/** Every operation of the OpenAPI document, its path parameters filled with the movie's id. */
function operations(): Operation[] {
  const document = t.app.swagger() as { paths: Record<string, Record<string, { requestBody?: unknown }>> };
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path,
      url: path.replace(/\{\w+\}/g, String(movieId)),
      takesBody: operation.requestBody !== undefined,
    })),
  );
}

// A body each operation would take, so that what is judged is the query string alone (Fastify
// validates the body first). An operation added without one here fails the test below.
const VALID_BODIES: Record<string, unknown> = {
  'POST /api/v1/auth/register': { username: 'strict_one', email: 'strict@example.com', password: 'long enough password' },
  'POST /api/v1/auth/login': { login: 'nobody', password: 'wrong' },
  'POST /api/v1/auth/refresh': { refreshToken: 'not-a-token' },
  'POST /api/v1/auth/logout': {},
  'PATCH /api/v1/me': { firstName: 'Changed' },
  'POST /api/v1/me/password': { currentPassword: 'wrong', newPassword: 'long enough password' },
  'PUT /api/v1/me/avatar': { fileId: 1 },
  'POST /api/v1/me/api-keys': { name: 'Not made' },
  'PATCH /api/v1/users/{id}': { role: 'user' },
  'POST /api/v1/files': { fileId: 1 },
  'POST /api/v1/movies': { title: 'Not made' },
  'PATCH /api/v1/movies/{id}': { title: 'Not changed' },
  'PUT /api/v1/movies/{id}/poster': { fileId: 1 },
  'POST /api/v1/movies/{id}/crew': { personId: 1, departmentId: 1, job: 'Not made' },
  'POST /api/v1/movies/{id}/characters': { name: 'Not made', role: 'leading' },
  'PUT /api/v1/movies/{id}/characters': { characters: [{ name: 'Not made', role: 'leading' }] },
  'PATCH /api/v1/characters/{id}': { name: 'Not changed' },
  'PUT /api/v1/characters/{id}/actors': { actorIds: [] },
  'POST /api/v1/persons': { firstName: 'Not', lastName: 'Made' },
  'PATCH /api/v1/persons/{id}': { firstName: 'Not changed' },
  'POST /api/v1/persons/{id}/photos': { fileId: 1 },
  'PUT /api/v1/persons/{id}/photo': { photoId: 1 },
  'POST /api/v1/countries': { code: 'QZ', name: 'Not made' },
  'PATCH /api/v1/countries/{id}': { name: 'Not changed' },
  'POST /api/v1/genres': { name: 'Not made' },
  'PATCH /api/v1/genres/{id}': { name: 'Not changed' },
  'POST /api/v1/keywords': { name: 'Not made' },
  'POST /api/v1/companies': { name: 'Not made' },
};

/** Rows of every table but the sessions (each caller is a new session). */
async function tableCounts(): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    t.database.handle,
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' and table_name <> 'auth_session'`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await query<{ count: number }>(t.database.handle, `select count(*)::int as count from "${name}"`);
    counts[name] = row!.count;
  }
  return counts;
}

describe('unknown query parameters', () => {
  it('are refused by every operation, naming the parameter, and change nothing', async () => {
    const all = operations();
    expect(all.length).toBeGreaterThanOrEqual(50);
    // An admin may call every operation; a fresh session each, since some routes end the caller's.
    const callers = await Promise.all(all.map(() => signInAs(t, ROLES.at(-1)!)));
    const before = await tableCounts();
    for (const [index, operation] of all.entries()) {
      const label = `${operation.method} ${operation.path}`;
      const body = VALID_BODIES[label];
      if (operation.takesBody) expect(body, `${label}: add a valid body to VALID_BODIES`).toBeDefined();
      const response = await t.app.inject({
        method: operation.method as 'GET',
        url: `${operation.url}?notAParameter=1`,
        headers: callers[index]!.headers,
        ...(operation.takesBody ? { payload: body as object } : {}),
      });
      expect(response.statusCode, label).toBe(400);
      // A required parameter left out (GET /search's q) is named as well.
      const answer = response.json<{ status: number; errors: unknown[] }>();
      expect(answer.status, label).toBe(400);
      expect(answer.errors, label).toContainEqual({ in: 'query', field: 'notAParameter', message: 'is not a known parameter' });
    }
    expect(await tableCounts()).toEqual(before);
  });
});

describe('bodies', () => {
  it('are refused by every operation that takes none, before anything is done', async () => {
    const bodiless = operations().filter((operation) => !operation.takesBody);
    expect(bodiless.map((operation) => operation.method)).toEqual(expect.arrayContaining(['GET', 'PUT', 'DELETE']));
    const callers = await Promise.all(bodiless.map(() => signInAs(t, 'admin')));
    const before = await tableCounts();
    for (const [index, operation] of bodiless.entries()) {
      const response = await t.app.inject({
        method: operation.method as 'GET',
        url: operation.url,
        headers: { ...callers[index]!.headers, 'content-type': 'application/json' },
        payload: '{"anything":1}',
      });
      const label = `${operation.method} ${operation.path}`;
      expect(response.statusCode, label).toBe(400);
      expect(response.json(), label).toMatchObject({
        errors: [{ in: 'body', field: 'body', message: 'is not accepted by this route: send none' }],
      });
    }
    expect(await tableCounts()).toEqual(before);
    // DELETE /movies/{id} with a body deleted nothing.
    expect((await clientFor(t).get(`/movies/${movieId}`)).statusCode).toBe(200);
  });

  it('are taken when empty', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/movies/${movieId}`, headers: { 'content-length': '0' } });
    expect(response.statusCode).toBe(200);
  });
});

describe('path ids', () => {
  it.each(['%201', '%091', '1%20', '1e3', '0x7FFFFFFF', '01', '+1', '-1', '0', '1.0', '2147483648', '99999999999999999999', 'abc'])(
    'refuses %s with 400 naming id, and deletes nothing',
    async (id) => {
      const response = await clientFor(t, admin).delete(`/movies/${id}`);
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ status: 400, errors: [{ in: 'path', field: 'id' }] });
      expect((await clientFor(t).get(`/movies/${movieId}`)).statusCode).toBe(200);
    },
  );

  it('takes the plain decimal ids at both ends of the range', async () => {
    expect((await clientFor(t).get('/movies/2147483647')).statusCode).toBe(404);
    expect((await clientFor(t).get(`/movies/${movieId}`)).json()).toMatchObject({ id: movieId, title: 'Strict' });
  });

  it('names the rule in the message', async () => {
    const response = await clientFor(t).get('/movies/1e3');
    expect(response.json()).toMatchObject({
      errors: [{ in: 'path', field: 'id', message: 'must be a whole number written in plain decimal digits' }],
    });
  });
});

describe('query numbers', () => {
  it.each([
    ['/genres?pageSize=1e1', 'pageSize'],
    ['/genres?page=%201', 'page'],
    ['/genres?page=0x2', 'page'],
    ['/movies?minBudget=1e6', 'minBudget'],
    ['/movies?maxDuration=090', 'maxDuration'],
  ])('refuses %s naming %s', async (url, field) => {
    const response = await clientFor(t).get(url);
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ in: 'query', field }] });
  });

  it('takes plain ones', async () => {
    expect((await clientFor(t).get('/genres?pageSize=5&page=1')).json()).toMatchObject({ pageSize: 5, page: 1 });
    expect((await clientFor(t).get('/movies?minBudget=1000000.50&maxDuration=90')).statusCode).toBe(200);
  });
});
