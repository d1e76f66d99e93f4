// The scan that createTestApp runs over every response of the suite (test/helpers/response-scan.ts)
// must itself catch a leak, or its silence would prove nothing.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { testConfig } from '../helpers/app.js';
import { register } from '../helpers/builders.js';
import { createTestDatabase, query, type TestDatabase } from '../helpers/database.js';
import { installResponseScan, type Leak } from '../helpers/response-scan.js';
import type { FastifyInstance } from 'fastify';

let database: TestDatabase;
let app: FastifyInstance;
let leaks: Leak[];
const config = testConfig();

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp(config, { database: database.handle });
  // A deliberately careless route: it answers the stored secrets.
  app.get('/leak/:what', { config: { access: 'public' } }, async (request) => {
    const what = (request.params as { what: string }).what;
    if (what === 'jwt') return { secret: config.jwtSecret };
    const column = what === 'password' ? sql`password_hash from user_account` : sql`refresh_token_hash from auth_session`;
    const [row] = await query<{ value: string }>(database.handle, sql`select ${column} limit 1`);
    return { value: Object.values(row ?? {})[0] };
  });
  leaks = installResponseScan(app, database.handle, [config.jwtSecret]);
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await database.drop();
});

describe('the response scan', () => {
  it('passes ordinary answers, including the ones that hand out tokens', async () => {
    await register({ app, database, config, leaks, close: async () => {} });
    await app.inject({ method: 'GET', url: '/api/v1/genres' });
    expect(leaks).toEqual([]);
  });

  it.each([
    ['password', 'an argon2 password hash'],
    ['refresh', ''],
    ['jwt', ''],
  ])('catches a response carrying the %s secret', async (what, description) => {
    const before = leaks.length;
    const response = await app.inject({ method: 'GET', url: `/leak/${what}` });
    expect(response.statusCode).toBe(200);
    expect(leaks.length).toBeGreaterThan(before);
    expect(leaks.at(-1)!.route).toBe(`GET /leak/${what}`);
    if (description) expect(leaks.map((l) => l.secret)).toContain(description);
  });
});
