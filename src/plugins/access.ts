// Deny by default: every route states who may call it in `config.access`, and the application
// refuses to start while any route does not. Each request is then authenticated (a Bearer access
// token whose session is still alive) and checked against that policy before anything else runs.
// Tests enumerate `routePolicies()` to check every route against every role.
import type { FastifyInstance, FastifyRequest, HTTPMethods, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { type Access, type Principal, roleAllows } from '../http/principal.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    routePolicies(): RoutePolicy[];
  }
  interface FastifyRequest {
    /** The signed-in caller; null for anonymous callers (only on public routes). */
    principal: Principal | null;
  }
}

export interface RoutePolicy {
  method: string;
  url: string;
  access: Access | undefined;
}

const WHO_MAY_CALL: Record<Exclude<Access, 'public'>, string> = {
  user: 'Needs a signed-in user (any role).',
  editor: 'Needs an editor or an admin.',
  admin: 'Needs an admin.',
  apiKey: 'Needs an API key of the TMDB-compatible surface.',
};

export interface AccessOptions {
  authenticate: (accessToken: string) => Promise<Principal | undefined>;
}

export default fp(
  (app: FastifyInstance, { authenticate }: AccessOptions) => {
    const routes: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      routes.push(route);
      // The OpenAPI document says who may call each route.
      const access = route.config?.access;
      if (access && access !== 'public' && route.schema) {
        const who = WHO_MAY_CALL[access];
        const description = route.schema.description ? `${route.schema.description}\n\n${who}` : who;
        route.schema = { ...route.schema, description, security: [{ bearer: [] }] };
      }
    });
    const policies = (): RoutePolicy[] =>
      routes.flatMap((route) =>
        ([] as HTTPMethods[]).concat(route.method).map((method) => ({ method, url: route.url, access: route.config?.access })),
      );
    app.decorate('routePolicies', policies);
    app.addHook('onReady', () => {
      const undeclared = policies().filter((policy) => !policy.access);
      if (undeclared.length > 0) {
        const list = undeclared.map((p) => `${p.method} ${p.url}`).join(', ');
        throw new Error(`Routes without an access policy (config.access): ${list}`);
      }
    });

    app.decorateRequest('principal', null);
    app.addHook('onRequest', async (request) => {
      // No route matched (404): nothing to protect.
      const access = request.routeOptions.config?.access;
      if (access === undefined && request.is404) return;
      // The TMDB-compatible surface checks its own keys; a key sent as Bearer is no session token.
      if (access === 'apiKey') return;
      const token = bearerToken(request);
      const principal = token ? await authenticate(token) : undefined;
      if (access === 'public') {
        // A stale token on a public route (refresh, login) is no reason to refuse it.
        request.principal = principal ?? null;
        return;
      }
      if (!principal) {
        throw new UnauthorizedError(
          token !== undefined ? 'The access token is invalid, expired or revoked.' : 'Sign in first: this needs an access token.',
        );
      }
      if (!access || !roleAllows(principal.role, access)) {
        throw new ForbiddenError(`This needs the ${access ?? 'unknown'} role; you are signed in as ${principal.role}.`);
      }
      request.principal = principal;
    });
  },
  { name: 'access' },
);

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? '';
}

/** The signed-in caller of a route whose policy requires one. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new UnauthorizedError('Sign in first: this needs an access token.');
  return request.principal;
}
