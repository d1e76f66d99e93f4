// The TMDB v3-compatible surface (docs/tmdb-compatible.md): TMDB's paths and shapes over the
// catalogue, read-only, under its own prefix, with TMDB's API keys, rate limit and error bodies.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import type { Config } from '../../config.js';
import { createTmdbCatalogueService } from './tmdb-catalogue.service.js';
import tmdbCatalogueRoutes from './tmdb-catalogue.routes.js';
import { TmdbError, sendTmdbError, tmdbErrorHandler } from './tmdb-errors.js';
import { tmdbRead } from './tmdb-route-options.js';
import { PlainQuery } from './tmdb.schemas.js';
import tmdbImageRoutes, { IMAGE_PATH } from './tmdb-images.routes.js';
import tmdbMovieRoutes from './tmdb-movie.routes.js';
import { createTmdbMovieService } from './tmdb-movies.service.js';

/** Who owns a live API key (api-keys module); undefined for an unknown, revoked or malformed key. */
export type ApiKeyOwner = (key: string) => Promise<{ keyId: number; userId: number } | undefined>;

export interface TmdbModuleDeps {
  db: Database;
  settings: Config['tmdbApi'];
  /** The service's public address (PUBLIC_URL), where image URLs start. */
  publicUrl: string;
  ownerOfKey: ApiKeyOwner;
}

const RATE_WINDOW_MS = 10_000;
/**
 * Requests an address may send, good keys or bad, as a multiple of one key's limit: the key check
 * costs a lookup, and a bad key is refused before the per-key count could see it.
 */
const ADDRESS_RATE_FACTOR = 10;
/** Longer than any key moviedb makes: refused before it is looked up. */
const MAX_KEY_LENGTH = 200;

const CALLER = Symbol('tmdb caller');
type CallerRequest = FastifyRequest & { [CALLER]?: string };

/** The key a client sends: `api_key` in the query, or `Authorization: Bearer <key>`. */
function keyOf(request: FastifyRequest): string | undefined {
  const fromQuery = (request.query as Record<string, unknown> | undefined)?.api_key;
  if (typeof fromQuery === 'string' && fromQuery !== '') return fromQuery;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
  return match?.[1];
}

async function tmdbRoutes(api: FastifyInstance, { db, settings, publicUrl, ownerOfKey }: TmdbModuleDeps) {
  api.setErrorHandler(tmdbErrorHandler);
  const today = () => settings.today ?? new Date().toISOString().slice(0, 10);
  const movies = createTmdbMovieService({ db, today });
  const catalogue = createTmdbCatalogueService({ db, imageBaseUrl: `${publicUrl}${settings.prefix}${IMAGE_PATH}/` });
  await api.register(async (images) => {
    // No key here (a browser's <img> sends none): counted per address, apart from the API's count,
    // since a page of posters is many requests.
    images.addHook(
      'onRequest',
      images.limitRate([
        { name: 'tmdb-images', max: settings.ratePer10Seconds * ADDRESS_RATE_FACTOR, windowMs: RATE_WINDOW_MS, key: (r) => `ip:${r.ip}` },
      ]),
    );
    await images.register(tmdbImageRoutes, { catalogue });
  });

  await api.register(async (keyed) => {
    keyed.addHook(
      'onRequest',
      keyed.limitRate([
        { name: 'tmdb-address', max: settings.ratePer10Seconds * ADDRESS_RATE_FACTOR, windowMs: RATE_WINDOW_MS, key: (r) => `ip:${r.ip}` },
      ]),
    );
    keyed.addHook('onRequest', async (request, reply) => {
      const key = keyOf(request);
      if (settings.requireKey) {
        const owner = key === undefined || key.length > MAX_KEY_LENGTH ? undefined : await ownerOfKey(key);
        if (!owner) return sendTmdbError(reply, 'invalidKey');
        (request as CallerRequest)[CALLER] = `key:${owner.keyId}`;
      }
    });
    // Counted per key; without keys (TMDB_API_REQUIRE_KEY=false), per address.
    keyed.addHook(
      'onRequest',
      keyed.limitRate([
        {
          name: 'tmdb',
          max: settings.ratePer10Seconds,
          windowMs: RATE_WINDOW_MS,
          key: (request) => (request as CallerRequest)[CALLER] ?? `ip:${request.ip}`,
        },
      ]),
    );
    await keyed.register(tmdbMovieRoutes, { movies });
    await keyed.register(tmdbCatalogueRoutes, { catalogue });
    // Any other path under the prefix is TMDB's 404, not the web app's page fallback.
    keyed.get('/*', tmdbRead({ querystring: PlainQuery }), () => {
      throw new TmdbError('notFound');
    });
  });
}

export default featureModule<Omit<TmdbModuleDeps, 'settings'> & { settings: TmdbModuleDeps['settings'] }>({
  name: 'tmdb',
  routes: (api, deps) => tmdbRoutes(api, deps),
});
