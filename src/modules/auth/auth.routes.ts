import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuthSettings } from '../../config.js';
import { BadRequestError, UnauthorizedError } from '../../errors.js';
import { noContent, problemResponses } from '../../http/problem.js';
import { LoginBody, LogoutBody, RefreshBody, RegisterBody } from './auth.schemas.js';
import { OPTIONAL_BODY } from '../../plugins/openapi.js';
import { clientKey } from '../../plugins/rate-limit.js';
import type { AuthResult, AuthService } from './auth.service.js';
import { LOST_ANSWER_GRACE_SECONDS, clearRefreshCookie, refreshTokenFromCookie, sendRefreshCookie } from './refresh-cookie.js';

interface AuthRoutesOptions {
  auth: AuthService;
  settings: AuthSettings;
}

const clientOf = (request: FastifyRequest) => ({
  userAgent: request.headers['user-agent'],
  ipAddress: request.ip,
  refreshInCookie: (request.body as { cookie?: boolean } | undefined)?.cookie === true,
});
const rawBodyField = (request: FastifyRequest, field: string) => {
  const value = (request.body as Record<string, unknown> | undefined)?.[field];
  return typeof value === 'string' ? value : undefined;
};
const bodyField = (request: FastifyRequest, field: string) => rawBodyField(request, field)?.trim().toLowerCase();

const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (app, { auth, settings }) => {
  const limits = settings.rateLimits;
  const result = { $ref: 'AuthResult' } as const;
  const answer = (request: FastifyRequest, reply: FastifyReply, tokens: AuthResult, cookie: boolean | undefined) =>
    cookie ? sendRefreshCookie(request, reply, tokens, settings.refreshTokenTtlDays) : tokens;
  const presentedRefreshToken = (request: FastifyRequest) => rawBodyField(request, 'refreshToken') ?? refreshTokenFromCookie(request);

  app.post(
    '/auth/register',
    {
      config: {
        access: 'public',
        // A repeat signs the account it made in again: tokens are never stored to be replayed.
        idempotent: {
          replay: async (stored, request, reply) => {
            const body = request.body as RegisterBody;
            const { userId } = stored.answer as { userId: number };
            const tokens = await auth.resumeRegistration(userId, body.password, clientOf(request));
            return reply.code(201).send(answer(request, reply, tokens, body.cookie));
          },
        },
      },
      // The address is counted before the body is read; the account once it is.
      onRequest: app.limitRate([{ name: 'register-ip', max: limits.registerPerIp, key: clientKey }]),
      preValidation: app.limitRate([{ name: 'register-account', max: limits.registerPerAccount, key: (r) => bodyField(r, 'email') }]),
      schema: {
        tags: ['accounts'],
        summary: 'Create an account and sign in',
        body: RegisterBody,
        response: { 201: result, ...problemResponses },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(answer(request, reply, await auth.register(request.body, clientOf(request), request.idempotency), request.body.cookie)),
  );

  app.post(
    '/auth/login',
    {
      config: { access: 'public' },
      onRequest: app.limitRate([{ name: 'login-ip', max: limits.loginPerIp, key: clientKey }]),
      // Per name tried (any case): the same whether or not an account has it, so that the counts
      // tell nobody which accounts exist.
      preValidation: app.limitRate([{ name: 'login-account', max: limits.loginPerAccount, key: (r) => bodyField(r, 'login') }]),
      schema: {
        tags: ['accounts'],
        summary: 'Sign in with the username or the e-mail',
        description: 'A wrong login and a wrong password get the same 401.',
        body: LoginBody,
        response: { 200: result, ...problemResponses },
      },
    },
    async (request, reply) => answer(request, reply, await auth.login(request.body, clientOf(request)), request.body.cookie),
  );

  app.post(
    '/auth/refresh',
    {
      config: { access: 'public' },
      onRequest: app.limitRate([{ name: 'refresh-ip', max: limits.refreshPerIp, key: clientKey }]),
      preValidation: [
        // The body is optional: a browser sends its refresh cookie and nothing else.
        async (request) => {
          request.body ??= {};
        },
        app.limitRate([
          {
            name: 'refresh-account',
            max: limits.refreshPerAccount,
            key: (r) => auth.accountOfRefreshToken(presentedRefreshToken(r) ?? ''),
          },
        ]),
      ],
      schema: {
        tags: ['accounts'],
        summary: 'Trade a refresh token for new tokens',
        [OPTIONAL_BODY]: true,
        description:
          'Refresh tokens are single use. Presenting one that was already used revokes its whole session ' +
          '(someone else holds a copy), and that device must sign in again. Send the token in the body, or leave the ' +
          'body out and the refresh cookie is used (with neither: 400); a token that came in the cookie is answered with a new cookie. ' +
          "In a session started with cookie: true, the cookie's previous token still works for 10 seconds after it was " +
          'replaced, for a browser that left the page before the answer arrived; tokens in the body get no such grace.',
        body: RefreshBody,
        response: { 200: result, ...problemResponses },
      },
    },
    async (request, reply) => {
      const inBody = request.body.refreshToken;
      const refreshToken = inBody ?? refreshTokenFromCookie(request);
      if (!refreshToken) {
        throw new BadRequestError('No refresh token: send refreshToken in the body, or the refresh cookie.', [
          { in: 'body', field: 'refreshToken', message: 'is required when no refresh cookie is sent' },
        ]);
      }
      try {
        const tokens = await auth.refresh(refreshToken, { lostAnswerGraceSeconds: inBody ? 0 : LOST_ANSWER_GRACE_SECONDS });
        // A token from the cookie is answered in the cookie, whatever the body asks: no script
        // gets to read it.
        return answer(request, reply, tokens, !inBody || request.body.cookie === true);
      } catch (error) {
        // A cookie that no longer works is dropped, so that the browser stops sending it; after a
        // failure of the service itself it is kept, for the next try.
        if (!inBody && error instanceof UnauthorizedError) clearRefreshCookie(request, reply);
        throw error;
      }
    },
  );

  app.post(
    '/auth/logout',
    {
      // Signing out needs a credential of the session, but not a live access token: a client whose
      // access token expired signs out with its refresh token.
      config: { access: 'public' },
      // The body is optional: an empty one is {}.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags: ['accounts'],
        summary: 'Sign out: revoke this session',
        [OPTIONAL_BODY]: true,
        description:
          'Send the access token (Authorization: Bearer), or the refresh token in the body ({"refreshToken": "..."}). ' +
          'The answer also clears the refresh cookie. ' +
          "The session's access and refresh tokens stop working at once. Idempotent: with neither, or a token no longer " +
          'current, there is nothing to revoke and the answer is 204 all the same.',
        body: LogoutBody,
        response: { 204: { type: 'null', description: 'Signed out.' }, ...problemResponses },
      },
    },
    async (request, reply) => {
      await auth.logout(request.principal, request.body?.refreshToken);
      clearRefreshCookie(request, reply);
      return noContent(reply);
    },
  );
};

export default authRoutes;
