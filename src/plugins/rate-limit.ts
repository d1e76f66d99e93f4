// Rate limits for the doors an attacker knocks on (login, register, refresh), counted per IP and
// per account at once. Counts live in this process's memory, or in Redis when REDIS_URL is set so
// that every process behind a load balancer shares them. Answers carry the IETF RateLimit headers,
// and a refusal is a 429 with Retry-After.
import rateLimit, { normalizeIP } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { ServiceUnavailableError, TooManyRequestsError } from '../errors.js';

export interface RateRule {
  /** Names the counter; two rules with one name share it. */
  name: string;
  /** Attempts allowed per window. */
  max: number;
  /** The window of this rule; default: the plugin's. */
  windowMs?: number;
  /** Whose attempt this is (an IP, an account); undefined: this rule does not apply. */
  key: (request: FastifyRequest) => string | undefined | Promise<string | undefined>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * A hook that counts the request against every rule and refuses it past any limit. Use it as
     * onRequest for rules that need only the address (counted before the body is read, so that a
     * flood of large bodies is refused cheaply), and as preValidation for rules that read the body.
     */
    limitRate(rules: RateRule[]): preHandlerAsyncHookHandler;
  }
}

const KEYS = Symbol('rate limit keys');
type KeyedRequest = FastifyRequest & { [KEYS]?: Map<string, string> };

export interface RateLimitOptions {
  redisUrl: string | undefined;
  /** Prefix of the Redis keys, so that several installations can share one Redis. */
  keyPrefix: string;
  windowMs?: number;
  /** False (RATE_LIMITS=off, for benchmarks behind a trusted gateway): nothing is counted. */
  enabled?: boolean;
}

export default fp(
  async (app: FastifyInstance, { redisUrl, keyPrefix, windowMs = 60_000, enabled = true }: RateLimitOptions) => {
    if (!enabled) {
      app.decorate('limitRate', () => async () => {});
      return;
    }
    let redis: Redis | undefined;
    if (redisUrl) {
      redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true, lazyConnect: true });
      await redis.connect();
      app.addHook('onClose', async () => {
        await redis?.quit();
      });
    }
    await app.register(rateLimit, {
      global: false,
      timeWindow: windowMs,
      nameSpace: keyPrefix,
      // Room for many keys, so that a flood of made-up names cannot push a real account's count out.
      cache: 100_000,
      ...(redis ? { redis } : {}),
    });

    app.decorate('limitRate', (rules: RateRule[]) => {
      const checks = rules.map((rule) => ({
        rule,
        check: app.createRateLimit({
          max: rule.max,
          timeWindow: rule.windowMs ?? windowMs,
          keyGenerator: (request) => `${rule.name}:${(request as KeyedRequest)[KEYS]?.get(rule.name)}`,
        }),
      }));
      return async (request: FastifyRequest, reply: FastifyReply) => {
        // Each rule's key is worked out once (it may need the database), then counted.
        const keys = new Map<string, string>();
        for (const { rule } of checks) {
          const key = await rule.key(request);
          if (key !== undefined) keys.set(rule.name, key);
        }
        (request as KeyedRequest)[KEYS] = keys;
        const applicable = checks.filter(({ rule }) => keys.has(rule.name));
        let results;
        try {
          results = await Promise.all(applicable.map(({ check }) => check(request)));
        } catch (err) {
          // Without its counts (Redis down) the door stays shut rather than open to guessing.
          request.log.error({ err }, 'rate limit counts unavailable');
          throw new ServiceUnavailableError('Signing in is unavailable for a moment: try again shortly.');
        }
        let tightest: { max: number; remaining: number; resetSeconds: number } | undefined;
        for (const result of results) {
          if (result.isAllowed) continue;
          const remaining = result.isExceeded ? 0 : result.remaining;
          if (!tightest || remaining < tightest.remaining) {
            tightest = { max: result.max, remaining, resetSeconds: result.ttlInSeconds };
          }
          if (result.isExceeded) {
            reply.header('retry-after', result.ttlInSeconds);
            setRateLimitHeaders(reply, tightest);
            throw new TooManyRequestsError(
              `Too many attempts: try again in ${result.ttlInSeconds} second${result.ttlInSeconds === 1 ? '' : 's'}.`,
              result.ttlInSeconds,
            );
          }
        }
        if (tightest) setRateLimitHeaders(reply, tightest);
      };
    });
  },
  { name: 'rate-limit' },
);

function setRateLimitHeaders(reply: FastifyReply, limit: { max: number; remaining: number; resetSeconds: number }) {
  // Counted in two steps (the address, then the account): the headers tell the tighter count.
  const said = reply.getHeader('ratelimit-remaining');
  if (said !== undefined && Number(said) < limit.remaining) return;
  reply.header('ratelimit-limit', limit.max);
  reply.header('ratelimit-remaining', limit.remaining);
  reply.header('ratelimit-reset', limit.resetSeconds);
}

/** The client's address for counting: IPv6 clients by their /64, as one household or host has many. */
export function clientKey(request: FastifyRequest): string {
  return normalizeIP(request.ip, 64);
}
