// Turns every failure into RFC 9457 problem details: validation failures with one entry per field,
// domain errors with their status, anything unexpected as a bare 500 that leaks nothing.
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { databaseErrorCode, databaseUnavailability } from '../db/errors.js';
import { ConflictError, DomainError, type FieldError, ServiceUnavailableError, TooManyRequestsError } from '../errors.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../http/problem.js';
import { StorageError } from '../storage/storage.js';
import { MAX_REPORTED_ERRORS } from '../http/request-validation.js';

interface ValidationIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

const CONTEXTS: Record<string, FieldError['in']> = {
  body: 'body',
  querystring: 'query',
  params: 'path',
  headers: 'header',
};

// SQLSTATEs a service should have caught first; mapped here so that a missed case is a clear 409
// rather than a 500.
const CONFLICT_SQLSTATES = new Set(['23505', '23503', '23001', '23P01']);

const INTERNAL_DETAIL = 'An unexpected error occurred. Quote the request id when reporting it.';

/** Seconds a client is asked to wait before trying again after a 503. */
const RETRY_AFTER_SECONDS = 2;

const UNAVAILABLE_DETAIL = {
  unreachable: 'The database is unavailable for a moment: try again shortly.',
  transient: 'The database could not complete the request just now: try again shortly.',
  'outcome-unknown':
    'The connection to the database was lost while the change was being saved, so whether it was saved is unknown. ' +
    'Retry with the same Idempotency-Key to get the first answer, or read the resource before trying again.',
} as const;

export default fp(
  (app: FastifyInstance) => {
    // While the service shuts down (SIGTERM), requests already running finish; a new one on a
    // kept-alive connection is refused, so that the client retries on another instance.
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onRequest', async (request, reply) => {
      if (!closing) return;
      reply.header('connection', 'close').header('retry-after', RETRY_AFTER_SECONDS);
      return sendProblem(request, reply, 503, { detail: 'The service is shutting down: try again, on another instance if there is one.' });
    });

    app.setNotFoundHandler((request, reply) => {
      return sendProblem(request, reply, 404, { detail: `No route for ${request.method} ${pathOf(request)}` });
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.validation) {
        const location = CONTEXTS[error.validationContext ?? 'body'] ?? 'body';
        const found = fieldErrors(error.validation, location);
        const errors = found.slice(0, MAX_REPORTED_ERRORS);
        const noun = location === 'body' ? 'body fields' : `${location} parameters`;
        const detail = `Invalid ${noun}: ${errors.map((e) => `${cut(e.field, MAX_FIELD)} ${e.message}`).join('; ')}${
          found.length > errors.length ? '; and more' : ''
        }.`;
        return sendProblem(request, reply, 400, { detail, errors });
      }
      if (error instanceof DomainError) {
        if (error instanceof TooManyRequestsError) reply.header('retry-after', error.retryAfterSeconds);
        if (error instanceof ServiceUnavailableError) reply.header('retry-after', RETRY_AFTER_SECONDS);
        return sendProblem(request, reply, error.status, {
          detail: error.message,
          ...(error.errors ? { errors: error.errors } : {}),
        });
      }
      if (error instanceof StorageError) {
        request.log.error({ err: error }, 'file storage failed');
        if (!error.transient) return sendProblem(request, reply, 500, { detail: INTERNAL_DETAIL });
        reply.header('retry-after', RETRY_AFTER_SECONDS);
        return sendProblem(request, reply, 503, {
          detail: 'The file storage is unavailable for a moment (unreachable, or out of space): try again shortly.',
        });
      }
      const unavailable = databaseUnavailability(error);
      if (unavailable) {
        request.log.warn({ err: error }, 'database unavailable');
        reply.header('retry-after', RETRY_AFTER_SECONDS);
        return sendProblem(request, reply, 503, { detail: UNAVAILABLE_DETAIL[unavailable] });
      }
      const sqlState = databaseErrorCode(error);
      if (sqlState?.startsWith('22') || sqlState === '23514') {
        // Data the database refused (out of range, malformed, against a CHECK rule) that the
        // schemas and services let through: the request's fault, said without internals.
        request.log.warn({ err: error }, 'database refused a value the service did not check');
        const status = sqlState === '23514' ? 422 : 400;
        return sendProblem(request, reply, status, { detail: 'A value in the request is out of range or breaks a rule of the catalogue.' });
      }
      if (sqlState && CONFLICT_SQLSTATES.has(sqlState)) {
        request.log.warn({ err: error }, 'database constraint refused a write the service did not check');
        const conflict = new ConflictError('The change conflicts with the current state of the catalogue.');
        return sendProblem(request, reply, conflict.status, { detail: conflict.message });
      }
      const status = error.statusCode ?? 500;
      if (status >= 400 && status < 500) {
        // Fastify's own client errors (bad JSON, body too large, wrong media type) carry safe messages.
        return sendProblem(request, reply, status, { detail: error.message });
      }
      request.log.error({ err: error }, 'request failed');
      return sendProblem(request, reply, 500, { detail: INTERNAL_DETAIL });
    });
  },
  { name: 'problem-details' },
);

function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, extra: Pick<Problem, 'detail' | 'errors'> = {}) {
  const body = problem(status, { ...extra, instance: pathOf(request), requestId: request.id });
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).header('x-request-id', request.id).type(PROBLEM_CONTENT_TYPE).send(body);
}

// An answer names what it refused, but never grows with the request: at most 10 field errors,
// each field name and message cut short, the detail and the path too. Every problem answer
// stays far below 16 KB.
const MAX_DETAIL = 2_000;
const MAX_INSTANCE = 500;
const MAX_FIELD = 100;
const MAX_MESSAGE = 300;

function problem(
  status: number,
  { detail, errors, instance, requestId }: Pick<Problem, 'detail' | 'errors' | 'instance' | 'requestId'>,
): Problem {
  return {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...(detail !== undefined ? { detail: cut(detail, MAX_DETAIL) } : {}),
    ...(errors
      ? {
          errors: errors
            .slice(0, MAX_REPORTED_ERRORS)
            .map((e) => ({ in: e.in, field: cut(e.field, MAX_FIELD), message: cut(e.message, MAX_MESSAGE) })),
        }
      : {}),
    ...(instance !== undefined ? { instance: cut(instance, MAX_INSTANCE) } : {}),
    ...(requestId !== undefined ? { requestId } : {}),
  };
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? '';
}

/**
 * Errors Fastify meets before a route runs (a path that is not valid percent-encoding, a path
 * parameter over 100 characters): the same problem details as everything else.
 */
export function frameworkErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(request, reply, 414, { detail: 'A part of the path is longer than 100 characters.' });
  }
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(request, reply, 400, { detail: 'The path is not valid percent-encoded UTF-8.' });
  }
  request.log.error({ err: error }, 'request failed before routing');
  return sendProblem(request, reply, 500, { detail: INTERNAL_DETAIL });
}

const CLIENT_ERRORS: Record<string, { status: number; detail: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request did not arrive in time.' },
  HPE_HEADER_OVERFLOW: { status: 431, detail: 'The request line and headers are larger than 16 KB.' },
};

/**
 * Node.js refuses a request it cannot parse (headers over 16 KB, a malformed request line, a
 * request that never finished arriving) before Fastify sees it; this answers that too as problem
 * details, then closes the connection.
 */
export function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, detail } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, detail: 'The request is not valid HTTP.' };
  const requestId = randomUUID();
  const body = JSON.stringify(problem(status, { detail, requestId }));
  this.log.debug({ err: error, requestId }, 'refused a request that is not valid HTTP');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}; charset=utf-8\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nX-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function fieldErrors(issues: ValidationIssue[], location: FieldError['in']): FieldError[] {
  const byField = new Map<string, FieldError>();
  for (const issue of issues) {
    const segments = issue.instancePath.split('/').filter(Boolean).map(decodePointer);
    let message = issue.message ?? 'is invalid';
    if (issue.keyword === 'required') {
      segments.push(String(issue.params.missingProperty));
      message = 'is required';
    } else if (issue.keyword === 'additionalProperties') {
      segments.push(String(issue.params.additionalProperty));
      message = location === 'body' ? 'is not a known field' : 'is not a known parameter';
    } else if (issue.keyword === 'enum' && Array.isArray(issue.params.allowedValues)) {
      message = `must be one of: ${issue.params.allowedValues.join(', ')}`;
    }
    const field = segments.join('.') || location;
    // Alternatives (anyOf) report once per branch; the first says enough.
    if (!byField.has(field)) byField.set(field, { in: location, field, message });
  }
  return [...byField.values()];
}

function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
