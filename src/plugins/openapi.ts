// The OpenAPI 3.1 document (built from the routes' own schemas) at /api/openapi.json, and the
// API reference page at /docs.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const OPENAPI_PATH = '/api/openapi.json';

/**
 * A route schema sets this when its body may be left out (a preValidation makes it {}); the
 * document then says so, where @fastify/swagger would mark every declared body required.
 */
export const OPTIONAL_BODY = 'x-optional-body';

type Operation = { requestBody?: { required?: boolean } } & Record<string, unknown>;

function markOptionalBodies<T>(document: T): T {
  const paths = (document as { paths?: Record<string, Record<string, Operation>> }).paths ?? {};
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      if (!operation[OPTIONAL_BODY]) continue;
      delete operation[OPTIONAL_BODY];
      if (operation.requestBody) operation.requestBody.required = false;
    }
  }
  return document;
}

export interface OpenApiOptions {
  version: string;
  publicUrl: string;
}

export default fp(
  async (app: FastifyInstance, options: OpenApiOptions) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'moviedb',
          version: options.version,
          description:
            'A self-hostable movie catalogue: movies, the people who make and play in them, their ' +
            'characters, genres and countries. Errors are RFC 9457 problem details.',
          license: { name: 'MIT', identifier: 'MIT' },
        },
        servers: [{ url: options.publicUrl }],
        tags: [
          { name: 'accounts', description: 'Sign up, sign in, sessions and my account' },
          { name: 'favorites', description: 'My favorite movies' },
          { name: 'users', description: 'Managing users (admins)' },
          { name: 'movies', description: 'The catalogue: movies' },
          { name: 'characters', description: 'Characters of movies and who played them' },
          { name: 'people', description: 'Actors, directors and everyone else' },
          { name: 'reference', description: 'Genres and countries' },
          { name: 'files', description: 'Images: upload, metadata, deletion' },
          { name: 'operations', description: 'Health and readiness' },
        ],
        components: {
          securitySchemes: {
            bearer: {
              type: 'http',
              scheme: 'bearer',
              bearerFormat: 'JWT',
              description: 'The accessToken from /auth/login, /auth/register or /auth/refresh; valid 15 minutes.',
            },
          },
        },
      },
      transformObject: (documents) =>
        'openapiObject' in documents ? markOptionalBodies(documents.openapiObject) : documents.swaggerObject,
      // Shared schemas (addSchema) keep their $id as their name under components.schemas.
      refResolver: {
        buildLocalReference: (json, _baseUri, _fragment, i) => (typeof json.$id === 'string' ? json.$id : `def-${i}`),
      },
    });

    app.get(OPENAPI_PATH, { schema: { hide: true }, config: { access: 'public' } }, () => app.swagger());

    await app.register(async (docs) => {
      // The reference page's own routes (HTML, assets) are public like the document they show.
      docs.addHook('onRoute', (route) => {
        route.config = { ...route.config, access: 'public' };
      });
      await docs.register(swaggerUi, { routePrefix: '/docs', uiConfig: { deepLinking: true } });
    });
  },
  { name: 'openapi' },
);
