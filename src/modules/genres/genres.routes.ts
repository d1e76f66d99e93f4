import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noContent, noContentResponses, problemResponses } from '../../http/problem.js';
import { IdParams } from '../../http/types.js';
import { GenreBody, GenreListQuery, GenrePage } from './genres.schemas.js';
import type { GenreService } from './genres.service.js';

const genresRoutes: FastifyPluginAsyncTypebox<{ genres: GenreService }> = async (app, { genres }) => {
  app.get(
    '/genres',
    {
      config: { access: 'public', cache: true },
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

  const genre = { $ref: 'Genre' } as const;

  app.post(
    '/genres',
    {
      config: { access: 'editor', idempotent: true },
      schema: { tags: ['reference'], summary: 'Add a genre', body: GenreBody, response: { 201: genre, ...problemResponses } },
    },
    async (request, reply) => reply.code(201).send(await genres.createGenre(request.body.name, request.idempotency)),
  );

  app.patch(
    '/genres/:id',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['reference'],
        summary: 'Rename a genre',
        params: IdParams,
        body: GenreBody,
        response: { 200: genre, ...problemResponses },
      },
    },
    (request) => genres.renameGenre(request.params.id, request.body.name),
  );

  app.delete(
    '/genres/:id',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['reference'],
        summary: 'Delete a genre',
        description: 'The genre leaves every movie it was on.',
        params: IdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await genres.deleteGenre(request.params.id);
      return noContent(reply);
    },
  );
};

export default genresRoutes;
