// Rate limits on login, register and refresh, per IP and per account; in memory, or in Redis
// shared by every process when REDIS_URL is set (tested when TEST_REDIS_URL names a server).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { DEFAULT_AUTH_SETTINGS } from '../../src/config.js';
import { createTestApp, testConfig, useTestApp } from '../helpers/app.js';
import { register, unique } from '../helpers/builders.js';

const TEST_REDIS_URL = process.env.TEST_REDIS_URL || undefined;

// The limits the service ships with.
const t = useTestApp({ auth: DEFAULT_AUTH_SETTINGS });

const login = (app: FastifyInstance, login: string, password: string, ip = '10.0.0.1') =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { login, password }, remoteAddress: ip });

describe('login', () => {
  it('ends 20 wrong logins for one account within a minute in 429 with Retry-After and RateLimit headers', async () => {
    const account = await register(t);
    const responses = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      responses.push(await login(t.app, account.user.username, 'wrong password', `10.1.0.${attempt}`));
    }
    const statuses = responses.map((r) => r.statusCode);
    const last = responses[19]!;
    const allowed = DEFAULT_AUTH_SETTINGS.rateLimits.loginPerAccount;
    expect(statuses).toEqual([...Array<number>(allowed).fill(401), ...Array<number>(20 - allowed).fill(429)]);
    expect(last.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(last.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
    const retryAfter = Number(last.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(last.headers['ratelimit-limit']).toBe(String(allowed));
    expect(last.headers['ratelimit-remaining']).toBe('0');
    expect(Number(last.headers['ratelimit-reset'])).toBe(retryAfter);

    // The right password is refused too while the name is limited, in any case.
    expect((await login(t.app, account.user.username.toUpperCase(), account.password, '10.2.0.1')).statusCode).toBe(429);
    // Another account is not affected.
    const other = await register(t);
    expect((await login(t.app, other.user.username, other.password, '10.2.0.2')).statusCode).toBe(200);
  });

  it('counts per IP across accounts', async () => {
    const ip = '10.3.0.1';
    const max = DEFAULT_AUTH_SETTINGS.rateLimits.loginPerIp;
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= max; attempt++) statuses.push((await login(t.app, unique('nobody_'), 'wrong', ip)).statusCode);
    expect(statuses.slice(0, max).every((s) => s === 401)).toBe(true);
    expect(statuses[max]).toBe(429);
    expect((await login(t.app, unique('nobody_'), 'wrong', '10.3.0.2')).statusCode).toBe(401);
  });

  it('counts the client behind a trusted proxy by X-Forwarded-For (TRUST_PROXY)', async () => {
    const proxied = await createTestApp({ auth: DEFAULT_AUTH_SETTINGS, trustProxy: 1 });
    try {
      const max = DEFAULT_AUTH_SETTINGS.rateLimits.loginPerIp;
      const attempt = (client: string) =>
        proxied.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { login: unique('nobody_'), password: 'wrong' },
          remoteAddress: '192.0.2.10',
          headers: { 'x-forwarded-for': client },
        });
      for (let i = 0; i < max; i++) expect((await attempt('198.51.100.1')).statusCode).toBe(401);
      expect((await attempt('198.51.100.1')).statusCode).toBe(429);
      // Another client behind the same proxy has its own count.
      expect((await attempt('198.51.100.2')).statusCode).toBe(401);
    } finally {
      await proxied.close();
    }
  });

  it('tells the remaining attempts on an answer that is still allowed', async () => {
    const response = await login(t.app, unique('fresh_'), 'wrong', '10.4.0.1');
    expect(response.statusCode).toBe(401);
    expect(response.headers['ratelimit-limit']).toBe(String(DEFAULT_AUTH_SETTINGS.rateLimits.loginPerAccount));
    expect(response.headers['ratelimit-remaining']).toBe(String(DEFAULT_AUTH_SETTINGS.rateLimits.loginPerAccount - 1));
  });
});

describe('register and refresh', () => {
  it('limits sign-ups per IP', async () => {
    const max = DEFAULT_AUTH_SETTINGS.rateLimits.registerPerIp;
    const statuses: number[] = [];
    for (let attempt = 0; attempt <= max; attempt++) {
      const username = unique('signup_');
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/register',
        payload: { username, email: `${username}@example.com`, password: 'long enough password' },
        remoteAddress: '10.5.0.1',
      });
      statuses.push(response.statusCode);
    }
    expect(statuses).toEqual([...Array<number>(max).fill(201), 429]);
  });

  it('limits refreshes per account, across its sessions', async () => {
    const account = await register(t);
    const second = (await login(t.app, account.user.username, account.password, '10.6.9.9')).json<{ refreshToken: string }>();
    const tokens = [account.refreshToken, second.refreshToken];
    const max = DEFAULT_AUTH_SETTINGS.rateLimits.refreshPerAccount;
    for (let attempt = 0; attempt < max; attempt++) {
      const which = attempt % 2;
      const response = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: tokens[which] },
        remoteAddress: `10.6.0.${attempt}`,
      });
      expect(response.statusCode).toBe(200);
      tokens[which] = response.json<{ refreshToken: string }>().refreshToken;
    }
    const limited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      payload: { refreshToken: tokens[0] },
      remoteAddress: '10.6.1.1',
    });
    expect(limited.statusCode).toBe(429);
  });

  it('limits password changes per user, so a stolen access token cannot guess on', async () => {
    const account = await register(t);
    const max = DEFAULT_AUTH_SETTINGS.rateLimits.passwordChangePerUser;
    const change = (currentPassword: string, ip: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/me/password',
        headers: { authorization: `Bearer ${account.accessToken}` },
        payload: { currentPassword, newPassword: 'a brand new password' },
        remoteAddress: ip,
      });
    for (let attempt = 0; attempt < max; attempt++) expect((await change(`guess ${attempt}`, `10.8.0.${attempt}`)).statusCode).toBe(422);
    expect((await change(account.password, '10.8.1.1')).statusCode).toBe(429);
  });

  it('does not tell, through its counts, whether a username and an e-mail are one account', async () => {
    const account = await register(t);
    const byName = await login(t.app, account.user.username, 'wrong', '10.9.0.1');
    const byEmail = await login(t.app, account.user.email, 'wrong', '10.9.0.2');
    const invented = await login(t.app, unique('invented_'), 'wrong', '10.9.0.3');
    for (const response of [byName, byEmail, invented]) {
      expect(response.headers['ratelimit-remaining']).toBe(String(DEFAULT_AUTH_SETTINGS.rateLimits.loginPerAccount - 1));
    }
  });
});

// Registered only where a Redis server is named (CI names one), so that no test is skipped.
if (TEST_REDIS_URL)
  describe('with Redis', () => {
    it('shares the counts between two processes', async () => {
      const keyPrefix = `moviedb-test:${randomBytes(6).toString('hex')}:`;
      const first = await createTestApp({ auth: DEFAULT_AUTH_SETTINGS, redisUrl: TEST_REDIS_URL, redisKeyPrefix: keyPrefix });
      // A second process over the same database and the same Redis.
      const second = await buildApp(
        testConfig({ jwtSecret: first.config.jwtSecret, redisUrl: TEST_REDIS_URL, redisKeyPrefix: keyPrefix }),
        {
          database: { ...first.database.handle, close: async () => {} },
        },
      );
      try {
        const account = await register(first);
        const max = DEFAULT_AUTH_SETTINGS.rateLimits.loginPerAccount;
        for (let attempt = 0; attempt < max; attempt++) {
          const app = attempt % 2 === 0 ? first.app : second;
          expect((await login(app, account.user.username, 'wrong', `10.7.0.${attempt}`)).statusCode).toBe(401);
        }
        expect((await login(second, account.user.username, 'wrong', '10.7.1.1')).statusCode).toBe(429);
        expect((await login(first.app, account.user.username, 'wrong', '10.7.1.2')).statusCode).toBe(429);
      } finally {
        await second.close();
        await first.close();
      }
    });
  });
