// Input the API refuses at the door, whatever the route:
// - a query parameter the route does not declare: every route of the API declares its query
//   string (none is an empty one), so an unknown parameter is a 400 naming it, never ignored;
// - a body sent to a route that takes none (GET, DELETE...): 400 before it is read;
// - text PostgreSQL cannot store: a NUL character anywhere in the query, the path or a JSON body
//   is a 400 naming the field, not a database error.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { BadRequestError, type FieldError } from '../errors.js';

function findNul(value: unknown, path: string[], depth = 0): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (depth > 20 || value === null || typeof value !== 'object') return undefined;
  for (const [key, inner] of Object.entries(value)) {
    if (key.includes('\u0000')) return [...path, key];
    const found = findNul(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

const NO_QUERY_STRING = { type: 'object', properties: {}, additionalProperties: false } as const;

/** True when the request carries a body: a length above 0, or chunks. */
function carriesBody(request: FastifyRequest): boolean {
  const length = request.headers['content-length'];
  return (length !== undefined && length !== '0') || request.headers['transfer-encoding'] !== undefined;
}

/** A route of the API (in the OpenAPI document), as opposed to static files and pages. */
function isApiRoute(schema: { hide?: boolean } | undefined): boolean {
  return schema !== undefined && schema.hide !== true;
}

export default fp(
  (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      if (isApiRoute(route.schema) && !route.schema!.querystring) route.schema = { ...route.schema, querystring: NO_QUERY_STRING };
    });

    // After the caller is known (onRequest), before anything is read.
    app.addHook('preParsing', async (request) => {
      const schema = request.routeOptions.schema;
      if (schema && isApiRoute(schema) && schema.body === undefined && carriesBody(request)) {
        throw new BadRequestError(`${request.method} ${request.routeOptions.url} takes no body.`, [
          { in: 'body', field: 'body', message: 'is not accepted by this route: send none' },
        ]);
      }
    });

    app.addHook('preValidation', async (request) => {
      const parts: [FieldError['in'], unknown][] = [
        ['query', request.query],
        ['path', request.params],
        ['body', request.body],
      ];
      for (const [location, value] of parts) {
        const path = findNul(value, []);
        if (path) {
          const field = path.join('.') || location;
          throw new BadRequestError(`Invalid ${location}: ${field} holds a NUL character.`, [
            { in: location, field, message: 'must not hold a NUL character' },
          ]);
        }
      }
    });
  },
  { name: 'input-guards' },
);
