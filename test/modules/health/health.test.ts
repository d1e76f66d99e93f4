import { describe, expect, it } from 'vitest';
import { buildApp } from '../../../src/app.js';
import { testConfig, useTestApp } from '../../helpers/app.js';
import { createTestDatabase } from '../../helpers/database.js';

const t = useTestApp();

describe('health and readiness', () => {
  it('GET /health answers while the process is up', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) as number });
  });

  it('GET /ready answers when the database does, naming which kind it is', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ready', database: t.database.handle.kind });
  });

  it('GET /ready answers 503 problem details when the database is gone, while /health still answers', async () => {
    const database = await createTestDatabase();
    const app = await buildApp(testConfig(), { database: database.handle });
    try {
      await database.handle.close();
      const ready = await app.inject({ method: 'GET', url: '/ready' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json()).toMatchObject({ status: 503, title: 'Service Unavailable', detail: 'The database does not answer.' });
      expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
