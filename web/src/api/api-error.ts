// A refused or failed request as the app holds it: the service's problem details (RFC 9457), or a
// stand-in when the service could not be reached. Plain code, so that the unit tests import it too.
import type { components } from './schema.js';

type Problem = components['schemas']['Problem'];
export type FieldProblem = NonNullable<Problem['errors']>[number];

/**
 * Every call through the client that does not succeed throws one of these (the client's middleware
 * makes it), so queries and mutations all fail with it. It carries the problem's own fields, which
 * is what the typed client says a failed call gives.
 */
export class ApiError extends Error implements Problem {
  readonly type: string;
  readonly title: string;
  readonly detail?: string;
  readonly instance?: string;
  readonly requestId?: string;
  readonly errors?: FieldProblem[];

  constructor(
    /** The HTTP status; 0 when no answer came. */
    readonly status: number,
    problem: Partial<Problem> | undefined,
  ) {
    super(problem?.detail ?? problem?.title ?? (status === 0 ? 'The service could not be reached.' : `Request failed (${status}).`));
    this.name = 'ApiError';
    this.type = problem?.type ?? 'about:blank';
    this.title = problem?.title ?? (status === 0 ? 'Unreachable' : `HTTP ${status}`);
    this.detail = problem?.detail;
    this.instance = problem?.instance;
    this.requestId = problem?.requestId;
    this.errors = Array.isArray(problem?.errors) ? problem.errors : undefined;
  }
}

/** The problem details in an answer's body, when it holds some. */
export function problemOf(body: string): Partial<Problem> | undefined {
  try {
    const parsed: unknown = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
