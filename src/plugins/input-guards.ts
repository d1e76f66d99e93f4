// Text PostgreSQL cannot store is refused at the door: a NUL character anywhere in the query, the
// path or a JSON body is a 400 naming the field, not a database error.
import type { FastifyInstance } from 'fastify';
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

export default fp(
  (app: FastifyInstance) => {
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
