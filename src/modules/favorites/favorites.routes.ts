import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noContent, noContentResponses, problemResponses } from '../../http/problem.js';
import { principalOf } from '../../plugins/access.js';
import { FavoriteListQuery, FavoritePage, MovieIdParams } from './favorites.schemas.js';
import type { FavoriteService } from './favorites.service.js';

const favoritesRoutes: FastifyPluginAsyncTypebox<{ favorites: FavoriteService }> = async (app, { favorites }) => {
  app.get(
    '/me/favorites',
    {
      config: { access: 'user' },
      schema: {
        tags: ['favorites'],
        summary: 'My favorite movies',
        querystring: FavoriteListQuery,
        response: { 200: FavoritePage, ...problemResponses },
      },
    },
    (request) => favorites.list(principalOf(request), request.query),
  );

  app.put(
    '/me/favorites/:movieId',
    {
      config: { access: 'user' },
      schema: {
        tags: ['favorites'],
        summary: 'Add a movie to my favorites (idempotent)',
        params: MovieIdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await favorites.add(principalOf(request), request.params.movieId);
      return noContent(reply);
    },
  );

  app.delete(
    '/me/favorites/:movieId',
    {
      config: { access: 'user' },
      schema: {
        tags: ['favorites'],
        summary: 'Remove a movie from my favorites (idempotent)',
        params: MovieIdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await favorites.remove(principalOf(request), request.params.movieId);
      return noContent(reply);
    },
  );
};

export default favoritesRoutes;
