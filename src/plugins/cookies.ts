// Cookie parsing and setting (@fastify/cookie), for the web app's refresh token. Nothing is signed:
// the refresh token is its own proof, checked against its hash in the database.
import fastifyCookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyCookie);
  },
  { name: 'cookies' },
);
