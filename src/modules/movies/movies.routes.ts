import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noContent, noContentResponses, problemResponses } from '../../http/problem.js';
import { IdParams } from '../../http/types.js';
import { CreateMovieBody, MovieListQuery, MoviePage, UpdateMovieBody } from './movies.schemas.js';
import type { MovieService } from './movies.service.js';
import { FileRefBody, uploadBodySchema } from '../files/files.schemas.js';
import { principalOf } from '../../plugins/access.js';
import { readImageInput } from '../files/image-input.js';

const details = { $ref: 'MovieDetails' } as const;

const moviesRoutes: FastifyPluginAsyncTypebox<{ movies: MovieService }> = async (app, { movies }) => {
  app.get(
    '/movies',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['movies'],
        summary: 'Find movies',
        description:
          'Filters combine (all must hold). Lists of ids or names take `,` for "all of them" and `|` for "any of them". ' +
          'Unknown genre names or country codes get 422.',
        querystring: MovieListQuery,
        response: { 200: MoviePage, ...problemResponses },
      },
    },
    (request) => movies.listMovies(request.query),
  );

  app.get(
    '/movies/:id',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['movies'],
        summary: 'Everything about one movie',
        description:
          'Country, director, genres, the cast in credits order with every performer, and counts. One request, one SQL statement.',
        params: IdParams,
        response: { 200: details, ...problemResponses },
      },
    },
    // PostgreSQL built the document; it goes out as it came, matching the declared schema.
    async (request, reply) =>
      reply.type('application/json; charset=utf-8').send(await movies.getMovieJson(request.params.id, request.principal)),
  );

  app.post(
    '/movies',
    {
      config: { access: 'editor', idempotent: true },
      schema: {
        tags: ['movies'],
        summary: 'Add a movie',
        description: 'Referenced director, country and genres must exist (422 naming the field); nothing is written otherwise.',
        body: CreateMovieBody,
        response: { 201: details, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await movies.createMovie(request.body, request.idempotency)),
  );

  app.patch(
    '/movies/:id',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['movies'],
        summary: 'Change a movie',
        description: 'Any subset of the fields; `null` clears one. `genreIds`, when given, replaces the genres.',
        params: IdParams,
        body: UpdateMovieBody,
        response: { 200: details, ...problemResponses },
      },
    },
    (request) => movies.updateMovie(request.params.id, request.body),
  );

  app.delete(
    '/movies/:id',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['movies'],
        summary: 'Delete a movie',
        description: 'Its characters, genre links and favorites go with it.',
        params: IdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await movies.deleteMovie(request.params.id);
      return noContent(reply);
    },
  );

  app.put(
    '/movies/:id/poster',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['movies'],
        summary: "Set a movie's poster",
        description:
          'Either upload the image (multipart/form-data, as POST /files) or name a file uploaded before ({"fileId": n}). ' +
          'The poster it replaces is deleted unless something else uses it.',
        params: IdParams,
        body: { content: { ...uploadBodySchema.content, 'application/json': { schema: FileRefBody } } },
        response: { 200: details, ...problemResponses },
      },
    },
    async (request) => movies.setPoster(request.params.id, await readImageInput(request), principalOf(request)),
  );

  app.delete(
    '/movies/:id/poster',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['movies'],
        summary: "Remove a movie's poster",
        description: 'The file is deleted unless something else uses it.',
        params: IdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await movies.removePoster(request.params.id);
      return noContent(reply);
    },
  );
};

export default moviesRoutes;
