// Every route the application registers, called by an anonymous caller, a user, an editor and an
// admin, against the policy it declares. A route added later is covered without anyone adding it.
import { describe, expect, it } from 'vitest';
import { type Access, ROLES, roleAllows } from '../../src/http/principal.js';
import { useTestApp } from '../helpers/app.js';
import { signInAs } from '../helpers/builders.js';
import { apiKeyOf } from '../helpers/tmdb-keys.js';

const t = useTestApp();

describe('the authorization matrix', () => {
  it('covers every route: anonymous callers get 401, wrong roles 403, the right ones get through', async () => {
    const routes = t.app.routePolicies().filter((route) => route.method !== 'HEAD');
    expect(routes.length).toBeGreaterThanOrEqual(20);
    const checked: string[] = [];
    // The TMDB-compatible surface's routes (`apiKey`) ask for its own API key (TMDB_API_REQUIRE_KEY,
    // on by default), in TMDB's error form, and take no session for one; its images are public.
    const { key } = await apiKeyOf(t);
    for (const route of routes) {
      const access = route.access as Access;
      // Path parameters get an id that exists nowhere (a 404 still shows the caller got through).
      const url = route.url.replace(/:\w+/g, '999999').replace('*', 'index.html');
      const payload = ['POST', 'PUT', 'PATCH'].includes(route.method) ? {} : undefined;
      const call = (headers: Record<string, string>) =>
        t.app.inject({ method: route.method as 'GET', url, headers, ...(payload ? { payload } : {}) });

      const anonymous = await call({});
      if (access === 'apiKey') {
        expect(anonymous.statusCode, `${route.method} ${route.url} without a key`).toBe(401);
        expect(anonymous.json(), `${route.method} ${route.url} without a key`).toMatchObject({ success: false, status_code: 7 });
        const signedIn = await call((await signInAs(t, 'admin')).headers);
        expect(signedIn.statusCode, `${route.method} ${route.url} with an access token, not a key`).toBe(401);
        const keyed = await call({ authorization: `Bearer ${key}` });
        expect([401, 403], `${route.method} ${route.url} with a key`).not.toContain(keyed.statusCode);
        expect(keyed.statusCode, `${route.method} ${route.url} with a key`).toBeLessThan(500);
        checked.push(`${route.method} ${route.url}`);
        continue;
      }
      if (access === 'public') {
        expect([401, 403], `${route.method} ${route.url} anonymous`).not.toContain(anonymous.statusCode);
        expect(anonymous.statusCode, `${route.method} ${route.url} anonymous`).toBeLessThan(500);
      } else {
        expect(anonymous.statusCode, `${route.method} ${route.url} anonymous`).toBe(401);
      }
      for (const role of ROLES) {
        // A fresh account each time: some routes (DELETE /me, logout) end the caller's session.
        const caller = await signInAs(t, role);
        const response = await call(caller.headers);
        const label = `${route.method} ${route.url} as ${role} (${access})`;
        if (roleAllows(role, access)) {
          expect([401, 403], label).not.toContain(response.statusCode);
          expect(response.statusCode, label).toBeLessThan(500);
        } else {
          expect(response.statusCode, label).toBe(403);
        }
      }
      checked.push(`${route.method} ${route.url}`);
    }
    // The account and admin routes are all in the matrix.
    expect(checked).toEqual(
      expect.arrayContaining([
        'POST /api/v1/auth/logout',
        'GET /api/v1/me',
        'DELETE /api/v1/me',
        'PUT /api/v1/me/favorites/:movieId',
        'POST /api/v1/me/api-keys',
        'GET /api/v1/me/api-keys',
        'DELETE /api/v1/me/api-keys/:id',
        'GET /api/v1/users',
        'PATCH /api/v1/users/:id',
        'DELETE /api/v1/users/:id',
        'GET /3/movie/:movie_id',
        'GET /3/discover/movie',
      ]),
    );
  });
});
