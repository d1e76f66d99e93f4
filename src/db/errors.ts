// Reading database errors through Drizzle's wrapper, whichever driver raised them.
import { SOCKET_ERROR_CODES } from '../socket-errors.js';

function causes(error: unknown): Record<string, unknown>[] {
  const chain: Record<string, unknown>[] = [];
  for (let current: unknown = error; current && typeof current === 'object' && chain.length < 5;) {
    chain.push(current as Record<string, unknown>);
    current = (current as { cause?: unknown }).cause;
  }
  return chain;
}

/** The SQLSTATE of a database error, or undefined for any other error. */
export function databaseErrorCode(error: unknown): string | undefined {
  for (const link of causes(error)) {
    if (typeof link.code === 'string' && /^[0-9A-Z]{5}$/.test(link.code)) return link.code;
  }
  return undefined;
}

/** The constraint a unique violation names (node-postgres and PGlite say constraint; postgres.js constraint_name). */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (databaseErrorCode(error) !== '23505') return undefined;
  for (const link of causes(error)) {
    const name = link.constraint_name ?? link.constraint;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

// Errors of a connection that failed or never opened, whichever layer raised them: the socket
// (Node.js), the driver (node-postgres, its pool) or PostgreSQL itself (class 08, shutting down,
// starting up, too many connections).
const CONNECTION_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300']);
const DRIVER_MESSAGES =
  /^(Connection terminated|Client has encountered a connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|timeout expired$|Query read timeout|Cannot use a pool after calling end on the pool|Received unexpected \w+ message from backend)/;

/** True when the error says the database connection is gone or could not be had. */
export function isConnectionFault(error: unknown): boolean {
  if (error instanceof CommitOutcomeUnknownError) return true;
  for (const link of causes(error)) {
    const code = link.code;
    if (typeof code === 'string' && (SOCKET_ERROR_CODES.has(code) || code.startsWith('08') || CONNECTION_SQLSTATES.has(code))) return true;
    if (typeof link.message === 'string' && DRIVER_MESSAGES.test(link.message)) return true;
  }
  return false;
}

// Faults that pass: the statement ran out of time (statement_timeout), lost a serialization race
// or a deadlock, or met a read-only server in the middle of a failover. Trying again is the answer.
const TRANSIENT_SQLSTATES = new Set(['57014', '40001', '40P01', '25006', '53100', '53200', '53400']);

/** Why the database cannot serve the request now, or undefined when the error is no such fault. */
export function databaseUnavailability(error: unknown): 'unreachable' | 'outcome-unknown' | 'transient' | undefined {
  if (error instanceof CommitOutcomeUnknownError || causes(error).some((link) => link instanceof CommitOutcomeUnknownError)) {
    return 'outcome-unknown';
  }
  if (isConnectionFault(error)) return 'unreachable';
  const code = databaseErrorCode(error);
  return code && TRANSIENT_SQLSTATES.has(code) ? 'transient' : undefined;
}

/** The connection broke while a COMMIT was on its way, and PostgreSQL could not be asked since. */
export class CommitOutcomeUnknownError extends Error {
  constructor(cause: unknown) {
    super('The database connection was lost during COMMIT; whether the transaction committed is unknown.', { cause });
    this.name = 'CommitOutcomeUnknownError';
  }
}
