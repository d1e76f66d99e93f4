import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/database.js';
import { problemResponses } from '../../http/problem.js';
import { CreatePersonBody, PersonIdParams, PersonListQuery, PersonPage, UpdatePersonBody } from './persons.schemas.js';
import { createPersonService } from './persons.service.js';

const details = { $ref: 'PersonDetails' } as const;

const personsRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  const persons = createPersonService({ db });

  app.get(
    '/persons',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['people'],
        summary: 'Find people',
        description: 'Each with four figures: moviesActed, actingBudgetTotal, moviesDirected, directingBudgetAverage.',
        querystring: PersonListQuery,
        response: { 200: PersonPage, ...problemResponses },
      },
    },
    (request) => persons.listPersons(request.query),
  );

  app.get(
    '/persons/:id',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['people'],
        summary: 'Everything about one person',
        description: 'Country, photos, filmography (acting and directing, newest first) and figures.',
        params: PersonIdParams,
        response: { 200: details, ...problemResponses },
      },
    },
    (request) => persons.getPerson(request.params.id),
  );

  app.post(
    '/persons',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['people'],
        summary: 'Add a person',
        body: CreatePersonBody,
        response: { 201: details, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await persons.createPerson(request.body)),
  );

  app.patch(
    '/persons/:id',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['people'],
        summary: 'Change a person',
        params: PersonIdParams,
        body: UpdatePersonBody,
        response: { 200: details, ...problemResponses },
      },
    },
    (request) => persons.updatePerson(request.params.id, request.body),
  );

  app.delete(
    '/persons/:id',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['people'],
        summary: 'Delete a person',
        description: 'Refused (409) while they direct a movie or play a character: detach them first.',
        params: PersonIdParams,
        response: { 204: { type: 'null', description: 'Done.' }, ...problemResponses },
      },
    },
    async (request, reply) => {
      await persons.deletePerson(request.params.id);
      return reply.code(204).send(null);
    },
  );
};

export default personsRoutes;
