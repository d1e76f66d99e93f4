import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noContent, noContentResponses, problemResponses } from '../../http/problem.js';
import { IdParams } from '../../http/types.js';
import {
  CharacterList,
  CharacterListQuery,
  CharacterPage,
  CreateCharacterBody,
  MAX_CAST,
  ReplaceCastBody,
  SetPerformersBody,
  UpdateCharacterBody,
} from './characters.schemas.js';
import type { CharacterService } from './characters.service.js';

const character = { $ref: 'Character' } as const;

const charactersRoutes: FastifyPluginAsyncTypebox<{ characters: CharacterService }> = async (app, { characters }) => {
  app.get(
    '/movies/:id/characters',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['characters'],
        summary: "A movie's characters, in credits order",
        params: IdParams,
        querystring: CharacterListQuery,
        response: { 200: CharacterPage, ...problemResponses },
      },
    },
    (request) => characters.listCharacters(request.params.id, request.query),
  );

  app.post(
    '/movies/:id/characters',
    {
      config: { access: 'editor', idempotent: true },
      schema: {
        tags: ['characters'],
        summary: 'Add a character to a movie',
        description: 'The actor, when given, must exist (422) and becomes the first performer.',
        params: IdParams,
        body: CreateCharacterBody,
        response: { 201: character, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await characters.createCharacter(request.params.id, request.body, request.idempotency)),
  );

  app.put(
    '/movies/:id/characters',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['characters'],
        summary: "Replace a movie's cast",
        description: `Makes the movie's characters exactly the list, in one transaction: kept, changed, added and deleted at once, in credits order (at most ${MAX_CAST}). Any refusal (404, 422 naming characters.<index>.<field>) changes nothing. Answers the cast as it now is.`,
        params: IdParams,
        body: ReplaceCastBody,
        response: { 200: CharacterList, ...problemResponses },
      },
    },
    (request) => characters.replaceCast(request.params.id, request.body),
  );

  app.patch(
    '/characters/:id',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['characters'],
        summary: 'Change a character',
        description: 'A new actorId joins the performers; the former principal stays listed until PUT /characters/{id}/actors drops it.',
        params: IdParams,
        body: UpdateCharacterBody,
        response: { 200: character, ...problemResponses },
      },
    },
    (request) => characters.updateCharacter(request.params.id, request.body),
  );

  app.delete(
    '/characters/:id',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['characters'],
        summary: 'Delete a character',
        params: IdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await characters.deleteCharacter(request.params.id);
      return noContent(reply);
    },
  );

  app.put(
    '/characters/:id/actors',
    {
      config: { access: 'editor' },
      schema: {
        tags: ['characters'],
        summary: 'Set everyone who played a character',
        description:
          'Replaces the performers. The principal actor must be among them (422 otherwise); with no principal yet, the first listed becomes it.',
        params: IdParams,
        body: SetPerformersBody,
        response: { 200: character, ...problemResponses },
      },
    },
    (request) => characters.setPerformers(request.params.id, request.body),
  );
};

export default charactersRoutes;
