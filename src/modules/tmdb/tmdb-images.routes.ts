// The image URLs configuration points at: base_url + size + poster_path redirects to the stored
// copy. No API key here, as on TMDB's image server: a browser's <img> sends none.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TmdbCatalogueService } from './tmdb-catalogue.service.js';
import { TmdbError } from './tmdb-errors.js';
import { tmdbRead } from './tmdb-route-options.js';
import { ImageParams, PlainQuery } from './tmdb.schemas.js';

/** Where the image routes go under the /3 prefix: configuration's base_url ends here. */
export const IMAGE_PATH = '/t/p';

const tmdbImageRoutes: FastifyPluginAsyncTypebox<{ catalogue: Pick<TmdbCatalogueService, 'imageUrl'> }> = async (app, { catalogue }) => {
  app.get(`${IMAGE_PATH}/:size/:file`, tmdbRead({ params: ImageParams, querystring: PlainQuery }, 'public'), async (request, reply) => {
    const url = await catalogue.imageUrl(request.params.size, request.params.file);
    if (url === undefined) throw new TmdbError('notFound');
    return reply.redirect(url, 302);
  });
  // Any other path under it names no image: TMDB's 404, as its image server answers, with no key asked for.
  app.get(`${IMAGE_PATH}/*`, tmdbRead({ querystring: PlainQuery }, 'public'), () => {
    throw new TmdbError('notFound');
  });
};

export default tmdbImageRoutes;
