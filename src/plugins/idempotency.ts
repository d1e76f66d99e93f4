// Idempotency-Key (IETF httpapi draft "The Idempotency-Key HTTP Header Field") on the routes
// that create (`config.idempotent`). A client that lost an answer (a cut connection, a timeout, a
// 503 after a COMMIT of unknown fate) sends the same request with the same key again and gets the
// first answer, without a second row:
// - a repeat of a request that was answered gets that answer again (Idempotent-Replayed: true);
// - the same key with another request (method, path or body) gets 422;
// - two copies at once: the one that commits first wins; the other is rolled back and answered
//   with the winner's answer, or 409 when its own write collided first (a name taken).
// Keys are per caller (a signed-in user's own, or sign-up's), kept 24 hours in PostgreSQL (so
// they hold across restarts and processes), and swept when expired.
import { createHmac } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteHandlerMethod } from 'fastify';
import fp from 'fastify-plugin';
import type { Database } from '../db/database.js';
import { type CreateRecord, findStoredAnswer, type StoredAnswer, storeAnswer, sweepExpiredAnswers } from '../db/idempotency.js';
import { BadRequestError, UnprocessableError } from '../errors.js';

export interface IdempotentRoute {
  /** The status of the answer the create gives (and a repeat gets again); 201 unless said. */
  status?: number;
  /** How a repeat is answered; by default the stored answer as it was first sent. */
  replay?: (stored: StoredAnswer, request: FastifyRequest, reply: FastifyReply) => unknown;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    idempotent?: IdempotentRoute | true;
  }
  interface FastifyRequest {
    /** Set on an idempotent route when the request carried an Idempotency-Key: hand it to the create. */
    idempotency: CreateRecord | undefined;
  }
}

const IDEMPOTENCY_HEADER = 'idempotency-key';
const REPLAYED_HEADER = 'idempotent-replayed';
// The draft's key is a Structured Fields string ("..."); a bare token is taken as well. Visible
// ASCII only, at most 255 characters.
const KEY = /^(?:"([\x21\x23-\x5B\x5D-\x7E]{1,255})"|([\x21\x23-\x5B\x5D-\x7E]{1,255}))$/;
const SWEEP_EVERY_MS = 10 * 60_000;

/** A thrown answer: the key holds one already, and this request is its repeat. */
class RepeatedRequest extends Error {
  constructor(readonly stored: StoredAnswer) {
    super('a repeat of an answered request');
  }
}

const idempotencyKeyHeaderSchema = {
  type: 'object',
  properties: {
    [IDEMPOTENCY_HEADER]: {
      type: 'string',
      minLength: 1,
      maxLength: 257,
      pattern: KEY.source,
      description:
        'Any unique value (a UUID) of at most 255 visible ASCII characters. Sending the same request again with the same key within ' +
        '24 hours answers it as the first time, without creating a second one (Idempotent-Replayed: true); the same key with another ' +
        'request is refused with 422.',
    },
  },
} as const;

export interface IdempotencyOptions {
  db: Database;
  /** Keys the fingerprints, so that a stored one tells nothing of the body it was made from. */
  secret: string;
}

export default fp(
  (app: FastifyInstance, { db, secret }: IdempotencyOptions) => {
    const fingerprintKey = createHmac('sha256', secret).update('idempotency fingerprints').digest();
    const fingerprint = (request: FastifyRequest, content: string) =>
      createHmac('sha256', fingerprintKey)
        .update(`${request.method} ${request.url.split('?')[0]}\n`)
        .update(content)
        .digest('hex');

    app.decorateRequest('idempotency', undefined);

    const send = (route: IdempotentRoute, stored: StoredAnswer, request: FastifyRequest, reply: FastifyReply) => {
      reply.header(REPLAYED_HEADER, 'true');
      return route.replay ? route.replay(stored, request, reply) : reply.code(stored.status).send(stored.answer);
    };

    app.addHook('onRoute', (route) => {
      const setting = route.config?.idempotent;
      if (!setting) return;
      const options: IdempotentRoute = setting === true ? {} : setting;
      route.schema = { ...route.schema, headers: idempotencyKeyHeaderSchema };

      const claim: (request: FastifyRequest, reply: FastifyReply) => Promise<unknown> = async (request, reply) => {
        const header = request.headers[IDEMPOTENCY_HEADER];
        if (header === undefined) return;
        const match = typeof header === 'string' ? KEY.exec(header) : null;
        const key = match?.[1] ?? match?.[2];
        if (!key) {
          throw new BadRequestError('Idempotency-Key must be one value of 1 to 255 visible ASCII characters.', [
            { in: 'header', field: IDEMPOTENCY_HEADER, message: 'must be 1 to 255 visible ASCII characters' },
          ]);
        }
        const scope = request.principal ? `user:${request.principal.userId}` : 'anonymous';
        // An upload's body is read by the route, as a stream: its content is described then.
        let upload: string | undefined;
        const body = request.isMultipart() ? undefined : canonicalJson(request.body);
        const expected = () => fingerprint(request, body ?? `upload ${upload ?? ''}`);
        if (body !== undefined) {
          const stored = await findStoredAnswer(db, scope, key);
          if (stored) {
            if (stored.fingerprint !== expected()) throw reused();
            return send(options, stored, request, reply);
          }
        }
        request.idempotency = {
          describeUpload: (content) => {
            upload = content;
          },
          record: async (tx, answer) => {
            const entry = { scope, key, fingerprint: expected(), status: options.status ?? 201, answer };
            if (await storeAnswer(tx, entry)) return;
            const stored = await findStoredAnswer(tx, scope, key);
            if (!stored) throw reused();
            if (stored.fingerprint !== entry.fingerprint) throw reused();
            throw new RepeatedRequest(stored);
          },
        };
      };
      route.preHandler = [...[route.preHandler ?? []].flat(), claim] as typeof route.preHandler;

      const handler = route.handler as RouteHandlerMethod;
      route.handler = async function (this: FastifyInstance, request, reply) {
        try {
          return await handler.call(this, request, reply);
        } catch (error) {
          if (error instanceof RepeatedRequest) return send(options, error.stored, request, reply);
          throw error;
        }
      };
    });

    const timer = setInterval(() => {
      sweepExpiredAnswers(db).catch((err: unknown) => app.log.warn({ err }, 'could not sweep expired idempotency keys'));
    }, SWEEP_EVERY_MS);
    timer.unref();
    app.addHook('onClose', async () => clearInterval(timer));
  },
  { name: 'idempotency' },
);

function reused(): UnprocessableError {
  return new UnprocessableError('This Idempotency-Key was used for another request: use a new key for a new request.', [
    { in: 'header', field: IDEMPOTENCY_HEADER, message: 'was used for another request' },
  ]);
}

/** The same JSON for the same value, whatever the order of its keys. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
