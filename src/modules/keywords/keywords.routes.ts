import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/problem.js';
import { IdParams } from '../../http/types.js';
import { KeywordBody, KeywordList, KeywordListQuery } from './keywords.schemas.js';
import type { KeywordService } from './keywords.service.js';

const keyword = { $ref: 'Keyword' } as const;

const keywordsRoutes: FastifyPluginAsyncTypebox<{ keywords: KeywordService }> = async (app, { keywords }) => {
  app.get(
    '/keywords',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['reference'],
        summary: 'Find keywords',
        description:
          'Keywords whose name contains `q` (without regard to case): those beginning with it first, then the most used ' +
          '(moviesCount), then by name. Without `q`, the most used. Movies by keyword: GET /movies?keyword=id.',
        querystring: KeywordListQuery,
        response: { 200: KeywordList, ...problemResponses },
      },
    },
    (request) => keywords.listKeywords(request.query),
  );

  app.get(
    '/keywords/:id',
    {
      config: { access: 'public', cache: true },
      schema: { tags: ['reference'], summary: 'One keyword', params: IdParams, response: { 200: keyword, ...problemResponses } },
    },
    (request) => keywords.getKeyword(request.params.id),
  );

  app.post(
    '/keywords',
    {
      config: { access: 'editor', idempotent: true },
      schema: {
        tags: ['reference'],
        summary: 'Add a keyword',
        description: 'Refused (409) when a keyword of the same name, without regard to case, exists.',
        body: KeywordBody,
        response: { 201: keyword, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await keywords.createKeyword(request.body.name, request.idempotency)),
  );
};

export default keywordsRoutes;
