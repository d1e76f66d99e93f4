import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noContent, noContentResponses, problemResponses } from '../../http/problem.js';
import { IdParams } from '../../http/types.js';
import {
  CreateCrewCreditBody,
  CreateMovieBody,
  CrewCreditParams,
  CrewList,
  MovieListQuery,
  MoviePage,
  UpdateMovieBody,
} from './movies.schemas.js';
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
          'Unknown genre names or country codes get 422; `job` needs `crew`.',
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
          'Country, director, genres, the cast in credits order with every performer, the crew by department, production ' +
          'countries, spoken languages, keywords, companies, and counts. One request, one SQL statement.',
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
        description:
          'Referenced director, countries, genres, languages, keywords and companies must exist (422 naming the field); nothing ' +
          'is written otherwise. A director gets a Directing / Director crew credit.',
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
        description:
          'Any subset of the fields; `null` clears one. A list (`genreIds`, `countryIds`, `languageCodes`, `keywordIds`, ' +
          '`companyIds`), when given, replaces that list; `countryIds` sets `countryId` to its first.',
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
        description: 'Its characters, crew credits, genre, country, language, keyword and company links and favorites go with it.',
        params: IdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await movies.deleteMovie(request.params.id);
      return noContent(reply);
    },
  );

  app.get(
    '/movies/:id/crew',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['movies'],
        summary: "A movie's crew",
        description: "Every crew credit, by department (in id order), then job, then the person's name: the movie page's `crew`, flat.",
        params: IdParams,
        response: { 200: CrewList, ...problemResponses },
      },
    },
    (request) => movies.listCrew(request.params.id),
  );

  app.post(
    '/movies/:id/crew',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['movies'],
        summary: "Credit a person on a movie's crew",
        description:
          'The person and the department (GET /departments) must exist (422 naming the field); the same person, department ' +
          'and job twice is a 409.',
        params: IdParams,
        body: CreateCrewCreditBody,
        response: { 201: { $ref: 'CrewCredit' }, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await movies.addCrewCredit(request.params.id, request.body)),
  );

  app.delete(
    '/movies/:id/crew/:creditId',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['movies'],
        summary: 'Remove a crew credit',
        description: '404 when the movie has no such credit. The movie keeps its directorId.',
        params: CrewCreditParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await movies.removeCrewCredit(request.params.id, request.params.creditId);
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
