// Domain errors: services throw these; the problem-details handler alone turns them into HTTP.
import Type, { type Static } from 'typebox';

/** One invalid field, as problem details list it (`errors`). */
export const FieldErrorSchema = Type.Object({
  /** Where the field travelled: body, query, path or header. */
  in: Type.Union([Type.Literal('body'), Type.Literal('query'), Type.Literal('path'), Type.Literal('header')]),
  field: Type.String({ description: 'The field, dotted for nested fields.' }),
  message: Type.String(),
});
export type FieldError = Static<typeof FieldErrorSchema>;

export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    message: string,
    readonly errors?: FieldError[],
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class BadRequestError extends DomainError {
  readonly status = 400;
}

export class UnauthorizedError extends DomainError {
  readonly status = 401;
}

export class ForbiddenError extends DomainError {
  readonly status = 403;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
}

/** 404 for a row that is not there, worded the same everywhere: "No movie with id 12." */
export function notFound(what: string, id: number): NotFoundError {
  return new NotFoundError(`No ${what} with id ${id}.`);
}

export class ConflictError extends DomainError {
  readonly status = 409;
}

/** The request is well-formed but names something that cannot be used (a missing genre id...). */
export class UnprocessableError extends DomainError {
  readonly status = 422;
}

/** A 422 whose message lists each field's refusal, as `field message; field message`. */
export function unprocessable(errors: FieldError[]): UnprocessableError {
  return new UnprocessableError(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
}

export class ServiceUnavailableError extends DomainError {
  readonly status = 503;
}

export class TooManyRequestsError extends DomainError {
  readonly status = 429;
  constructor(
    message: string,
    /** Seconds until another attempt may succeed. */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

export class PayloadTooLargeError extends DomainError {
  readonly status = 413;
}

export class UnsupportedMediaTypeError extends DomainError {
  readonly status = 415;
}
