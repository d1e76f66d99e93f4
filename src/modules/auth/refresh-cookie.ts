// The web app's refresh token travels in an httpOnly cookie that only the refresh endpoint receives:
// no script can read it, and SameSite=Strict keeps other sites from spending it.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthResult } from './auth.service.js';

const REFRESH_COOKIE = 'moviedb_refresh';
const REFRESH_COOKIE_PATH = '/api/v1/auth/refresh';
/**
 * How long the cookie's previous token still works after a refresh, for a browser that left the
 * page before the answer (and its new cookie) arrived. Tokens in a body get no such grace.
 */
export const LOST_ANSWER_GRACE_SECONDS = 10;

const cookieOptions = (request: FastifyRequest) =>
  ({
    httpOnly: true,
    sameSite: 'strict',
    // Behind a TLS-terminating proxy this needs TRUST_PROXY, so that the forwarded protocol counts.
    secure: request.protocol === 'https',
    path: REFRESH_COOKIE_PATH,
  }) as const;

export function refreshTokenFromCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[REFRESH_COOKIE];
  return value && value.length <= 200 ? value : undefined;
}

/** Moves the refresh token of an answer into the cookie, for as long as the token lives. */
export function sendRefreshCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  result: AuthResult,
  ttlDays: number,
): Omit<AuthResult, 'refreshToken'> {
  reply.setCookie(REFRESH_COOKIE, result.refreshToken, { ...cookieOptions(request), maxAge: ttlDays * 86_400 });
  const { refreshToken: _inCookie, ...rest } = result;
  return rest;
}

export function clearRefreshCookie(request: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, cookieOptions(request));
}
