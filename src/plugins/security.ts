// Security headers (helmet) on every answer, and CORS for the browser origins the configuration
// names (none by default: a browser app on another origin must be allowed explicitly).
import cors from '@fastify/cors';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';
import fp from 'fastify-plugin';

export interface SecurityOptions {
  corsOrigins: string[] | '*';
  /** Where images are served from besides this origin: the storage's public address (S3, PUBLIC_URL). */
  imageOrigins: string[];
}

export default fp(
  async (app: FastifyInstance, { corsOrigins, imageOrigins }: SecurityOptions) => {
    // Helmet's middleware built once and run on every answer. (The Fastify wrapper built it anew for
    // each request, parsing the policy every time: 4% of the CPU of a movie page.)
    const setSecurityHeaders = helmet({
      contentSecurityPolicy: {
        directives: {
          // The web app and the API reference page (/docs) are served from here and load nothing from
          // elsewhere but images (blob: is a picture chosen for upload, shown before it is sent).
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:', ...imageOrigins],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          // Self-hosted over plain HTTP (http://192.168.1.10:3000) must keep working: no upgrade.
          upgradeInsecureRequests: null,
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
