// Builds the whole application from a config and an open database. server.ts listens; tests
// call buildApp with their own database and use app.inject().
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import countriesRoutes from './modules/countries/countries.routes.js';
import genresRoutes from './modules/genres/genres.routes.js';
import healthRoutes from './modules/health/health.routes.js';
import access from './plugins/access.js';
import openapi from './plugins/openapi.js';
import problemDetails from './plugins/problem-details.js';

export const API_PREFIX = '/api/v1';

export const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export interface AppDependencies {
  /** Opened (and migrated) by the caller; the app closes it when it closes. */
  database: DatabaseHandle;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export async function buildApp(config: Config, { database }: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: { level: config.logLevel },
    // A caller's (or load balancer's) request id is kept when it is sane, so logs line up.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    ajv: {
      customOptions: {
        // Unknown fields and parameters are refused (400), not silently dropped.
        removeAdditional: false,
        allErrors: true,
        coerceTypes: 'array',
        useDefaults: true,
      },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onClose', () => database.close());

  await app.register(problemDetails);
  await app.register(access);
  await app.register(openapi, { version: VERSION, publicUrl: config.publicUrl });

  const { db } = database;
  await app.register(healthRoutes, { db, databaseKind: database.kind });
  await app.register(
    async (api) => {
      await api.register(countriesRoutes, { db });
      await api.register(genresRoutes, { db });
    },
    { prefix: API_PREFIX },
  );

  return app;
}
