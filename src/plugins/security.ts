// Security headers (helmet) on every answer, and CORS for the browser origins the configuration
// names (none by default: a browser app on another origin must be allowed explicitly).
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import fp from 'fastify-plugin';

export interface SecurityOptions {
  corsOrigins: string[] | '*';
}

export default fp(
  async (app: FastifyInstance, { corsOrigins }: SecurityOptions) => {
    // Helmet's middleware built once and run on every answer. (The Fastify wrapper built it anew for
    // each request, parsing the policy every time: 4% of the CPU of a movie page.)
    const setSecurityHeaders = helmet({
      contentSecurityPolicy: {
        directives: {
          // The API reference page (/docs) is served from here and loads nothing from elsewhere.
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
        },
      },
    });
    app.addHook('onRequest', (request, reply, done) => {
      setSecurityHeaders(request.raw, reply.raw, (error?: unknown) => done(error instanceof Error ? error : undefined));
    });
    if (corsOrigins === '*' || corsOrigins.length > 0) {
      // CORS's own preflight route (OPTIONS *) answers anyone: it only says what an origin may do.
      app.addHook('onRoute', (route) => {
        if (route.method === 'OPTIONS' && route.url === '*') route.config = { ...route.config, access: 'public' };
      });
      await app.register(cors, {
        origin: corsOrigins === '*' ? true : corsOrigins,
        methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowedHeaders: ['Authorization', 'Content-Type', 'If-None-Match', 'X-Request-Id'],
        exposedHeaders: ['ETag', 'X-Request-Id', 'Retry-After', 'RateLimit-Limit', 'RateLimit-Remaining', 'RateLimit-Reset'],
        maxAge: 600,
      });
    }
  },
  { name: 'security' },
);
