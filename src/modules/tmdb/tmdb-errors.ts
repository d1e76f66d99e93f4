// Errors in TMDB's form ({success: false, status_code, status_message}), with TMDB's codes: the
// /3 surface's clients read status_code, not problem details. This handler is the /3 routes' own,
// as problem-details.ts is the rest of the service's; both answer the same faults the same way
// (a database fault a 503, anything unknown a 500 that tells nothing).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { databaseErrorCode, databaseUnavailability } from '../../db/errors.js';
import { DomainError, NotFoundError, TooManyRequestsError } from '../../errors.js';
import { TMDB_PAGE_MAX } from './tmdb.schemas.js';

export interface TmdbErrorBody {
  success: false;
  status_code: number;
  status_message: string;
}

/** TMDB's codes and messages (developer.themoviedb.org/docs/errors), with its HTTP statuses. */
const TMDB_ERRORS = {
  invalidParameters: { status: 422, code: 5, message: 'Invalid parameters: Your request parameters are incorrect.' },
  invalidKey: { status: 401, code: 7, message: 'Invalid API key: You must be granted a valid key.' },
  offline: { status: 503, code: 9, message: 'Service offline: This service is temporarily offline, try again later.' },
  internal: { status: 500, code: 11, message: 'Internal error: Something went wrong, contact the operator of this service.' },
  invalidPage: {
    status: 400,
    code: 22,
    message: `Invalid page: Pages start at 1 and are expected to be an integer (no last page here; at most ${TMDB_PAGE_MAX}).`,
  },
  invalidDate: { status: 400, code: 23, message: 'Invalid date: Format needs to be YYYY-MM-DD.' },
  tooManyRequests: { status: 429, code: 25, message: 'Your request count is over the allowed limit.' },
  tooManyAppends: { status: 400, code: 27, message: 'Too many append to response objects: The maximum number of remote calls is 20.' },
  notFound: { status: 404, code: 34, message: 'The resource you requested could not be found.' },
} as const;

type TmdbErrorKind = keyof typeof TMDB_ERRORS;

/** A refusal the /3 service decides (a service throws it; the handler below sends it). */
export class TmdbError extends Error {
  constructor(
    readonly kind: TmdbErrorKind,
    /** Added to TMDB's message: what exactly was wrong. */
    readonly detail?: string,
  ) {
    super(TMDB_ERRORS[kind].message);
    this.name = 'TmdbError';
  }
}

/** Seconds a client is asked to wait after a 503, as problem-details.ts asks. */
const RETRY_AFTER_SECONDS = 2;
const MAX_DETAIL = 300;

export function sendTmdbError(reply: FastifyReply, kind: TmdbErrorKind, detail?: string) {
  const { status, code, message } = TMDB_ERRORS[kind];
  const said = detail ? `${message} ${detail.length > MAX_DETAIL ? `${detail.slice(0, MAX_DETAIL - 1)}…` : detail}` : message;
  const body: TmdbErrorBody = { success: false, status_code: code, status_message: said };
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

interface ValidationIssue {
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldOf(issue: ValidationIssue): string {
  return (
    issue.instancePath.replace(/^\//, '').replace(/~1/g, '/').replace(/~0/g, '~') ||
    (typeof issue.params.missingProperty === 'string' ? issue.params.missingProperty : '')
  );
}

export function tmdbErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof TmdbError) return sendTmdbError(reply, error.kind, error.detail);
  if (error.validation) {
    const issue = error.validation[0] as ValidationIssue | undefined;
    const field = issue ? fieldOf(issue) : '';
    if (field === 'page') return sendTmdbError(reply, 'invalidPage');
    if (/date\.(gte|lte)$/.test(field)) return sendTmdbError(reply, 'invalidDate', `(${field})`);
    // A path that names no id, no time window, no image: nothing there, as TMDB answers it.
    if (error.validationContext === 'params') return sendTmdbError(reply, 'notFound');
    return sendTmdbError(reply, 'invalidParameters', field ? `(${field} ${issue?.message ?? 'is invalid'})` : undefined);
  }
  if (error instanceof NotFoundError) return sendTmdbError(reply, 'notFound');
  if (error instanceof TooManyRequestsError) {
    reply.header('retry-after', error.retryAfterSeconds);
    return sendTmdbError(reply, 'tooManyRequests', `Try again in ${error.retryAfterSeconds} s.`);
  }
  if (error instanceof DomainError && error.status === 503) {
    reply.header('retry-after', RETRY_AFTER_SECONDS);
    return sendTmdbError(reply, 'offline');
  }
  // The reused native parsers (lists of ids, country codes) refuse with 400 and 422.
  if (error instanceof DomainError && error.status < 500) return sendTmdbError(reply, 'invalidParameters', error.message);
  if (databaseUnavailability(error)) {
    request.log.warn({ err: error }, 'database unavailable');
    reply.header('retry-after', RETRY_AFTER_SECONDS);
    return sendTmdbError(reply, 'offline');
  }
  const sqlState = databaseErrorCode(error);
  if (sqlState?.startsWith('22')) {
    request.log.warn({ err: error }, 'database refused a value the /3 schemas let through');
    return sendTmdbError(reply, 'invalidParameters');
  }
  const status = error.statusCode ?? 500;
  // Fastify's own client errors (a body on a GET, a bad URL) carry safe messages.
  if (status >= 400 && status < 500) return sendTmdbError(reply, 'invalidParameters', error.message);
  request.log.error({ err: error }, 'request failed');
  return sendTmdbError(reply, 'internal');
}
