import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noContent, noContentResponses, problemResponses } from '../../http/problem.js';
import { IdParams } from '../../http/types.js';
import { CreatePersonBody, PersonListQuery, PersonPage, PhotoParams, PrimaryPhotoBody, UpdatePersonBody } from './persons.schemas.js';
import { FileRefBody, uploadBodySchema } from '../files/files.schemas.js';
import { principalOf } from '../../plugins/access.js';
import { readImageInput } from '../files/image-input.js';
import type { PersonService } from './persons.service.js';

const details = { $ref: 'PersonDetails' } as const;

const personsRoutes: FastifyPluginAsyncTypebox<{ persons: PersonService }> = async (app, { persons }) => {
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
        params: IdParams,
        response: { 200: details, ...problemResponses },
      },
    },
    // PostgreSQL built the document; it goes out as it came, matching the declared schema.
    async (request, reply) => reply.type('application/json; charset=utf-8').send(await persons.getPersonJson(request.params.id)),
  );

  app.post(
    '/persons',
    {
      config: { access: 'editor', idempotent: true },
      schema: {
        tags: ['people'],
        summary: 'Add a person',
        body: CreatePersonBody,
        response: { 201: details, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await persons.createPerson(request.body, request.idempotency)),
  );

  app.patch(
    '/persons/:id',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['people'],
        summary: 'Change a person',
        params: IdParams,
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
        params: IdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await persons.deletePerson(request.params.id);
      return noContent(reply);
    },
  );

  app.post(
    '/persons/:id/photos',
    {
      config: { access: 'editor', idempotent: true },
      schema: {
        tags: ['people'],
        summary: "Add a photo to a person's gallery",
        description:
          'Either upload the image (multipart/form-data, as POST /files) or name a file uploaded before ({"fileId": n}). ' +
          'The first photo becomes the primary one.',
        params: IdParams,
        body: { content: { ...uploadBodySchema.content, 'application/json': { schema: FileRefBody } } },
        response: { 201: { $ref: 'PersonPhoto' }, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await persons.addPhoto(request.params.id, await readImageInput(request), principalOf(request), request.idempotency)),
  );

  app.delete(
    '/persons/:id/photos/:photoId',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['people'],
        summary: "Remove a photo from a person's gallery",
        description:
          'When it was the primary photo, the person has none until another is chosen. The file is deleted unless something else uses it.',
        params: PhotoParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await persons.removePhoto(request.params.id, request.params.photoId);
      return noContent(reply);
    },
  );

  app.put(
    '/persons/:id/photo',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['people'],
        summary: "Choose a person's primary photo",
        description: "The photo must be in the person's own gallery (422 otherwise).",
        params: IdParams,
        body: PrimaryPhotoBody,
        response: { 200: details, ...problemResponses },
      },
    },
    (request) => persons.setPrimaryPhoto(request.params.id, request.body.photoId),
  );
};

export default personsRoutes;
