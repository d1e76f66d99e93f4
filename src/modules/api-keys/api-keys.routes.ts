import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noContent, noContentResponses, problemResponses } from '../../http/problem.js';
import { IdParams } from '../../http/types.js';
import { principalOf } from '../../plugins/access.js';
import { ApiKeyList, CreateApiKeyBody, CreatedApiKey } from './api-keys.schemas.js';
import { MAX_LIVE_API_KEYS, type ApiKeyService } from './api-keys.service.js';

const apiKeysRoutes: FastifyPluginAsyncTypebox<{ apiKeys: ApiKeyService }> = async (app, { apiKeys }) => {
  app.post(
    '/me/api-keys',
    {
      // No Idempotency-Key: a kept answer would keep the key, which is stored nowhere but as its hash.
      config: { access: 'user' },
      schema: {
        tags: ['accounts'],
        summary: 'Make an API key',
        description:
          'The answer is the only time the key is shown: it is stored as its sha256 alone. A client sends it on the ' +
          'TMDB-compatible surface as TMDB’s `api_key` query parameter or as `Authorization: Bearer <key>`. ' +
          `At most ${MAX_LIVE_API_KEYS} unrevoked keys a user (409 past that).`,
        body: CreateApiKeyBody,
        response: { 201: CreatedApiKey, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await apiKeys.createKey(principalOf(request), request.body.name)),
  );

  app.get(
    '/me/api-keys',
    {
      config: { access: 'user' },
      schema: {
        tags: ['accounts'],
        summary: 'My API keys',
        description: 'Newest first, revoked ones too (with revokedAt). The keys themselves are not shown: only their first characters.',
        response: { 200: ApiKeyList, ...problemResponses },
      },
    },
    (request) => apiKeys.listKeys(principalOf(request)),
  );

  app.delete(
    '/me/api-keys/:id',
    {
      config: { access: 'user' },
      schema: {
        tags: ['accounts'],
        summary: 'Revoke one of my API keys',
        description:
          'It stops working at once and stays in the list, revoked. Revoking it again is 204 too (it keeps its first ' +
          'revokedAt); a key that is not yours is a 404, as one that never was.',
        params: IdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await apiKeys.revokeKey(principalOf(request), request.params.id);
      return noContent(reply);
    },
  );
};

export default apiKeysRoutes;
