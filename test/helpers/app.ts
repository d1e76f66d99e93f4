// Builds the real application over a fresh test database; tests call it through app.inject().
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
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

interface TestAppOptions {
  logQuery?: (query: string) => void;
  storage?: Storage;
  /** Further secrets no response may carry (a storage secret, say). */
  secrets?: string[];
}

export async function createTestApp(overrides: Partial<Config> = {}, options: TestAppOptions = {}): Promise<TestApp> {
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

/**
 * The app of a test file (or of the describe block it is called in): built in a beforeAll, closed in
 * an afterAll, both registered here. Its fields are there in the tests and in the hooks registered
 * after it (vitest runs beforeAll hooks in order and afterAll hooks in reverse); read earlier, at
 * the file's load for instance, they throw.
 */
export function useTestApp(overrides: Partial<Config> = {}, options: TestAppOptions = {}): TestApp {
  let built: TestApp | undefined;
  let closing: Promise<void> | undefined;
  const current = (): TestApp => {
    if (!built) throw new Error('useTestApp(): the app is built in its beforeAll; use it inside a test or a hook registered after it');
    return built;
  };
  const close = () => (closing ??= current().close());
  beforeAll(async () => {
    built = await createTestApp(overrides, options);
  });
  afterAll(async () => {
    if (built) await close();
  });
  return {
    get app() {
      return current().app;
    },
    get database() {
      return current().database;
    },
    get config() {
      return current().config;
    },
    get leaks() {
      return current().leaks;
    },
    close,
  };
}
