// Deny by default: every route states who may call it in `config.access`, and the application
// refuses to start while any route does not. Tests enumerate `routePolicies()` to check them all.
import type { FastifyInstance, HTTPMethods, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';

/** Who may call a route. More levels (user, editor, admin) arrive with accounts. */
export type Access = 'public';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyInstance {
    routePolicies(): RoutePolicy[];
  }
}

export interface RoutePolicy {
  method: string;
  url: string;
  access: Access | undefined;
}

export default fp(
  (app: FastifyInstance) => {
    const routes: RouteOptions[] = [];
    app.addHook('onRoute', (route) => {
      routes.push(route);
    });
    const policies = (): RoutePolicy[] =>
      routes.flatMap((route) =>
        ([] as HTTPMethods[]).concat(route.method).map((method) => ({
          method,
          url: route.url,
          access: route.config?.access,
        })),
      );
    app.decorate('routePolicies', policies);
    app.addHook('onReady', () => {
      const undeclared = policies().filter((policy) => !policy.access);
      if (undeclared.length > 0) {
        const list = undeclared.map((p) => `${p.method} ${p.url}`).join(', ');
        throw new Error(`Routes without an access policy (config.access): ${list}`);
      }
    });
  },
  { name: 'access' },
);
