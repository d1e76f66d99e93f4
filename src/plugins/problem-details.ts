// Turns every failure into RFC 9457 problem details: validation failures with one entry per field,
// domain errors with their status, anything unexpected as a bare 500 that leaks nothing.
import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { databaseErrorCode } from '../db/errors.js';
import { ConflictError, DomainError, type FieldError, TooManyRequestsError } from '../errors.js';
import { PROBLEM_CONTENT_TYPE, type Problem } from '../http/problem.js';

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

export default fp(
  (app: FastifyInstance) => {
    app.setNotFoundHandler((request, reply) => {
      return sendProblem(request, reply, 404, { detail: `No route for ${request.method} ${request.url.split('?')[0]}` });
    });

    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (error.validation) {
        const location = CONTEXTS[error.validationContext ?? 'body'] ?? 'body';
        const errors = fieldErrors(error.validation, location);
        const noun = location === 'body' ? 'body fields' : `${location} parameters`;
        const detail = `Invalid ${noun}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}.`;
        return sendProblem(request, reply, 400, { detail, errors });
      }
      if (error instanceof DomainError) {
        if (error instanceof TooManyRequestsError) reply.header('retry-after', error.retryAfterSeconds);
        return sendProblem(request, reply, error.status, {
          detail: error.message,
          ...(error.errors ? { errors: error.errors } : {}),
        });
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
      return sendProblem(request, reply, 500, {
        detail: 'An unexpected error occurred. Quote the request id when reporting it.',
      });
    });
  },
  { name: 'problem-details' },
);

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  extra: Pick<Problem, 'detail' | 'errors'> = {},
) {
  const body: Problem = {
    type: 'about:blank',
    title: STATUS_CODES[status] ?? 'Error',
    status,
    ...extra,
    instance: request.url.split('?')[0],
    requestId: request.id,
  };
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(body);
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
