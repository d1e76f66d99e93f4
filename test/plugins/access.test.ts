// Deny by default: a route that does not say who may call it stops the application from starting.
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig, useTestApp } from '../helpers/app.js';
import { createTestDatabase } from '../helpers/database.js';

const t = useTestApp();

describe('route access policies', () => {
  it('every registered route declares who may call it', () => {
    const policies = t.app.routePolicies();
    expect(policies.length).toBeGreaterThan(5);
    expect(policies.filter((policy) => !policy.access)).toEqual([]);
    expect(policies).toEqual(
      expect.arrayContaining([
        { method: 'GET', url: '/api/v1/genres', access: 'public' },
        { method: 'GET', url: '/api/v1/countries', access: 'public' },
        { method: 'GET', url: '/health', access: 'public' },
        { method: 'GET', url: '/docs/', access: 'public' },
      ]),
    );
  });

  it('refuses to start with a route that declares no policy', async () => {
    const database = await createTestDatabase({ migrate: false });
    const app = await buildApp(testConfig(), { database: database.handle });
    app.get('/api/v1/secret', () => ({ secret: true }));
    await expect(app.ready()).rejects.toThrow('Routes without an access policy (config.access): GET /api/v1/secret');
    await app.close().catch(() => {});
    await database.drop();
  });
});
