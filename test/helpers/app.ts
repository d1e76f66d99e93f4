// Builds the real application over a fresh test database; tests call it through app.inject().
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { type Config, loadConfig } from '../../src/config.js';
import type { Storage } from '../../src/storage/storage.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { installResponseScan, type Leak } from './response-scan.js';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config & { jwtSecret: string };
  /** Responses that carried a secret; close() fails when there is any. */
  leaks: Leak[];
  close(): Promise<void>;
}

/** A configuration for tests: silent, its own signing secret, its own data folder (files, uploads). */
export function testConfig(overrides: Partial<Config> = {}): Config & { jwtSecret: string } {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'moviedb-test-data-'));
  const base = loadConfig({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', DATA_DIR: dataDir });
  return { ...base, jwtSecret: randomBytes(32).toString('hex'), ...overrides };
}

/** Rate limits no ordinary test reaches; the rate-limit tests set their own. */
export const RELAXED_RATE_LIMITS: Config['auth']['rateLimits'] = {
  loginPerIp: 10_000,
  loginPerAccount: 10_000,
  registerPerIp: 10_000,
  registerPerAccount: 10_000,
  refreshPerIp: 10_000,
  refreshPerAccount: 10_000,
  passwordChangePerUser: 10_000,
};

export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { logQuery?: (query: string) => void; storage?: Storage; secrets?: string[] } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(options);
  const base = testConfig();
  const config = { ...base, auth: { ...base.auth, rateLimits: RELAXED_RATE_LIMITS }, ...overrides };
  const app = await buildApp(config, { database: database.handle, ...(options.storage ? { storage: options.storage } : {}) });
  // Secrets no response may carry: the signing secret, a storage secret, and (looked up as they are
  // at each response) every password hash and refresh token hash.
  const leaks = installResponseScan(app, database.handle, [config.jwtSecret, ...(options.secrets ?? [])]);
  await app.ready();
  return {
    app,
    database,
    config,
    leaks,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(base.dataDir, { recursive: true, force: true });
      if (leaks.length > 0) {
        throw new Error(`Responses leaked secrets: ${leaks.map((l) => `${l.route} (${l.secret})`).join('; ')}`);
      }
    },
  };
}
