// A feature module adds its schemas where every route sees them, and refuses to load before the
// modules whose schemas it refers to.
import Fastify from 'fastify';
import Type from 'typebox';
import { describe, expect, it } from 'vitest';
import { featureModule } from '../../src/http/feature-module.js';

const base = featureModule({ name: 'base', schemas: [Type.Object({ id: Type.Integer() }, { $id: 'Thing' })] });
const user = featureModule<{ answer: number }>({
  name: 'user',
  needs: ['base'],
  routes: async (api, { answer }) =>
    api.get('/thing', { schema: { response: { 200: { $ref: 'Thing' } } } }, () => ({ id: answer, secret: 'dropped' })),
});

describe('featureModule', () => {
  it('registers routes under the prefix with the dependencies given, over the schemas of the modules it needs', async () => {
    const app = Fastify();
    await app.register(base, { prefix: '/api' });
    await app.register(user, { prefix: '/api', answer: 42 });
    const response = await app.inject({ method: 'GET', url: '/api/thing' });
    expect(response.json()).toEqual({ id: 42 });
    expect(app.getSchema('Thing')).toMatchObject({ $id: 'Thing' });
    await app.close();
  });

  it('refuses to start when a module it needs is not registered first', async () => {
    const app = Fastify();
    await expect(app.register(user, { prefix: '/api', answer: 1 })).rejects.toThrow(/base/);
    await app.close().catch(() => undefined);
  });
});
