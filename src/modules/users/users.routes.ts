import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noContent, noContentResponses, problemResponses } from '../../http/problem.js';
import { IdParams } from '../../http/types.js';
import { principalOf } from '../../plugins/access.js';
import { ChangePasswordBody, UpdateMeBody, UpdateUserBody, UserListQuery, UserPage } from './users.schemas.js';
import type { UserService } from './users.service.js';
import { FileRefBody, uploadBodySchema } from '../files/files.schemas.js';
import { readImageInput } from '../files/image-input.js';
import { clientKey } from '../../plugins/rate-limit.js';
import type { AuthSettings } from '../../config.js';

const usersRoutes: FastifyPluginAsyncTypebox<{ users: UserService; settings: AuthSettings }> = async (app, { users, settings }) => {
  const user = { $ref: 'User' } as const;
  const adminUser = { $ref: 'AdminUser' } as const;

  app.get(
    '/me',
    {
      config: { access: 'user' },
      schema: { tags: ['accounts'], summary: 'My account', response: { 200: user, ...problemResponses } },
    },
    (request) => users.getMe(principalOf(request)),
  );

  app.patch(
    '/me',
    {
      config: { access: 'user' },
      schema: {
        tags: ['accounts'],
        summary: 'Change my username, e-mail or names',
        body: UpdateMeBody,
        response: { 200: user, ...problemResponses },
      },
    },
    (request) => users.updateMe(principalOf(request), request.body),
  );

  app.delete(
    '/me',
    {
      config: { access: 'user' },
      schema: {
        tags: ['accounts'],
        summary: 'Delete my account',
        description: 'Its sessions and favorites go with it. The last admin cannot delete their account.',
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await users.deleteMe(principalOf(request));
      return noContent(reply);
    },
  );

  app.post(
    '/me/password',
    {
      config: { access: 'user' },
      // A stolen access token must not buy unlimited guesses at the current password. Counted
      // before the body is read (the caller is known from the token by then).
      onRequest: app.limitRate([
        { name: 'password-user', max: settings.rateLimits.passwordChangePerUser, key: (r) => `user:${principalOf(r).userId}` },
        { name: 'password-ip', max: settings.rateLimits.loginPerIp, key: clientKey },
      ]),
      schema: {
        tags: ['accounts'],
        summary: 'Change my password',
        description: 'Every other session is signed out; this one stays.',
        body: ChangePasswordBody,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await users.changePassword(principalOf(request), request.body);
      return noContent(reply);
    },
  );

  app.put(
    '/me/avatar',
    {
      config: { access: 'user' },
      schema: {
        tags: ['accounts'],
        summary: 'Set my avatar',
        description:
          'Either upload the image (multipart/form-data, as POST /files) or name a file you uploaded before ({"fileId": n}). ' +
          'The avatar it replaces is deleted unless something else uses it.',
        body: { content: { ...uploadBodySchema.content, 'application/json': { schema: FileRefBody } } },
        response: { 200: user, ...problemResponses },
      },
    },
    async (request) => users.setAvatar(principalOf(request), await readImageInput(request)),
  );

  app.delete(
    '/me/avatar',
    {
      config: { access: 'user' },
      schema: { tags: ['accounts'], summary: 'Remove my avatar', response: noContentResponses },
    },
    async (request, reply) => {
      await users.removeAvatar(principalOf(request));
      return noContent(reply);
    },
  );

  app.get(
    '/users',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'List users, each with the ids of their favorite movies',
        querystring: UserListQuery,
        response: { 200: UserPage, ...problemResponses },
      },
    },
    (request) => users.listUsers(request.query),
  );

  app.get(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'One user',
        params: IdParams,
        response: { 200: adminUser, ...problemResponses },
      },
    },
    (request) => users.getUser(request.params.id),
  );

  app.patch(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: "Change a user's role",
        description: 'The last admin keeps the admin role.',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: adminUser, ...problemResponses },
      },
    },
    (request) => users.setRole(request.params.id, request.body.role),
  );

  app.delete(
    '/users/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['users'],
        summary: 'Delete a user',
        description: 'Their sessions and favorites go with them. The last admin cannot be deleted.',
        params: IdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await users.deleteUser(request.params.id);
      return noContent(reply);
    },
  );
};

export default usersRoutes;
