import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/database.js';
import { problemResponses } from '../../http/problem.js';
import { GenreListQuery, GenrePage } from './genres.schemas.js';
import { createGenreService } from './genres.service.js';

const genresRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  const genres = createGenreService({ db });

  app.get(
    '/genres',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reference'],
        summary: 'List genres',
        description: "TMDB's movie genres and any an editor added, ordered by name.",
        querystring: GenreListQuery,
        response: { 200: GenrePage, ...problemResponses },
      },
    },
    (request) => genres.listGenres(request.query),
  );
};

export default genresRoutes;
