// Builds the whole application from a config and an open database. server.ts listens; tests
// call buildApp with their own database and use app.inject().
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { createSessionService } from './modules/auth/sessions.service.js';
import { createTokenSigner } from './modules/auth/tokens.js';
import type { Config } from './config.js';
import type { DatabaseHandle } from './db/database.js';
import { createCursorCodec } from './http/cursor.js';
import { ProblemSchema } from './http/problem.js';
import { requestLogFields } from './http/request-log.js';
import { buildRequestValidator } from './http/request-validation.js';
import apiKeysModule from './modules/api-keys/api-keys.module.js';
import { ownerOfApiKey } from './modules/api-keys/api-keys.service.js';
import authModule from './modules/auth/auth.module.js';
import charactersModule from './modules/characters/characters.module.js';
import companiesModule from './modules/companies/companies.module.js';
import countriesModule from './modules/countries/countries.module.js';
import departmentsModule from './modules/departments/departments.module.js';
import favoritesModule from './modules/favorites/favorites.module.js';
import filesModule, { fileServiceFor } from './modules/files/files.module.js';
import genresModule from './modules/genres/genres.module.js';
import healthModule from './modules/health/health.module.js';
import keywordsModule from './modules/keywords/keywords.module.js';
import languagesModule from './modules/languages/languages.module.js';
import moviesModule from './modules/movies/movies.module.js';
import personsModule from './modules/persons/persons.module.js';
import refsModule from './modules/refs/refs.module.js';
import searchModule from './modules/search/search.module.js';
import tmdbModule from './modules/tmdb/tmdb.module.js';
import usersModule, { userAccounts } from './modules/users/users.module.js';
import access from './plugins/access.js';
import cookies from './plugins/cookies.js';
import httpCache from './plugins/http-cache.js';
import idempotency from './plugins/idempotency.js';
import inputGuards from './plugins/input-guards.js';
import localFiles from './plugins/local-files.js';
import openapi from './plugins/openapi.js';
import problemDetails, { clientErrorHandler, frameworkErrorHandler } from './plugins/problem-details.js';
import rateLimit from './plugins/rate-limit.js';
import security from './plugins/security.js';
import uploads from './plugins/uploads.js';
import webApp from './plugins/web-app.js';
import { createConfiguredStorage } from './storage/configured-storage.js';
import { guardStorage, type Storage } from './storage/storage.js';

const API_PREFIX = '/api/v1';

export const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export interface AppDependencies {
  /** Opened (and migrated) by the caller; the app closes it when it closes. */
  database: DatabaseHandle;
  /** Default: the driver the configuration names (STORAGE). */
  storage?: Storage;
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The largest JSON body any route takes. */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

export async function buildApp(config: Config, { database, storage: givenStorage }: AppDependencies): Promise<FastifyInstance> {
  if (!config.jwtSecret) throw new Error('buildApp needs config.jwtSecret (see auth/jwt-secret.ts)');
  const storage = guardStorage(givenStorage ?? (await createConfiguredStorage(config)));
  const app = Fastify({
    // A hop count trusts that many proxies in front of the service.
    trustProxy:
      typeof config.trustProxy === 'number' ? (_address: string, hop: number) => hop < (config.trustProxy as number) : config.trustProxy,
    logger: {
      level: config.logLevel,
      // Credentials never reach the logs: neither in headers nor as an API key in the address.
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      serializers: { req: requestLogFields },
    },
    // A caller's (or load balancer's) request id is kept when it is sane, so logs line up.
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    schemaController: { compilersFactory: { buildValidator: buildRequestValidator } },
    // The problem-details handler reads the errors themselves; Fastify's message listing them
    // all would cost as much as the validation.
    schemaErrorFormatter: () => new Error('The request is not valid.'),
    // JSON bodies; an upload (multipart) has MAX_UPLOAD_MB of its own.
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    // Every refusal is problem details: see problem-details.ts for these three.
    frameworkErrors: (error, request, reply) => void frameworkErrorHandler(error, request, reply),
    clientErrorHandler,
    return503OnClosing: false,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onClose', () => database.close());

  const { db } = database;
  const signer = createTokenSigner({ secret: config.jwtSecret, accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds });
  const cursors = createCursorCodec(config.jwtSecret);
  const sessions = createSessionService({ db, signer, refreshTokenTtlDays: config.auth.refreshTokenTtlDays });

  app.addSchema(ProblemSchema);
  await app.register(problemDetails);
  await app.register(inputGuards);
  await app.register(cookies);
  // First of the plugins that add routes, so that it sees every route there is.
  await app.register(access, { authenticate: (token) => sessions.authenticate(token) });
  await app.register(security, { corsOrigins: config.corsOrigins, imageOrigins: [new URL(storage.publicUrl('x')).origin] });
  await app.register(rateLimit, { redisUrl: config.redisUrl, keyPrefix: config.redisKeyPrefix, enabled: config.rateLimitsEnabled });
  await app.register(openapi, { version: VERSION, publicUrl: config.publicUrl });
  await app.register(httpCache);
  await app.register(idempotency, { db, secret: config.jwtSecret });
  await app.register(uploads, { maxUploadBytes: config.maxUploadBytes });
  if (storage.localRoot) await app.register(localFiles, { root: storage.localRoot });
  await app.register(webApp, { root: config.webDir });
  // The feature modules, each adding its shared schemas (named in the OpenAPI document's
  // components) and its routes; a module comes after the modules it names in `needs`.
  const files = fileServiceFor(config, { db, storage, log: app.log });
  const api = { prefix: API_PREFIX };
  await app.register(healthModule, { prefix: '', db, databaseKind: database.kind });
  await app.register(filesModule, { ...api, files });
  await app.register(countriesModule, { ...api, db });
  await app.register(genresModule, { ...api, db });
  await app.register(refsModule, api);
  await app.register(languagesModule, { ...api, db });
  await app.register(departmentsModule, { ...api, db });
  await app.register(keywordsModule, { ...api, db });
  await app.register(companiesModule, { ...api, db });
  await app.register(charactersModule, { ...api, db });
  await app.register(moviesModule, { ...api, db, files, cursors });
  await app.register(personsModule, { ...api, db, files, cursors });
  await app.register(favoritesModule, { ...api, db, cursors });
  await app.register(searchModule, { ...api, db });
  await app.register(usersModule, { ...api, db, sessions, files, settings: config.auth });
  await app.register(authModule, { ...api, db, sessions, accounts: userAccounts, settings: config.auth });
  await app.register(tmdbModule, {
    prefix: config.tmdbApi.prefix,
    db,
    settings: config.tmdbApi,
    publicUrl: config.publicUrl,
    ownerOfKey: (key) => ownerOfApiKey(db, key),
  });
  await app.register(apiKeysModule, { ...api, db });

  return app;
}
