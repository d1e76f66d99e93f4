// Serves the local storage driver's files under /files/: the right Content-Type and Length, an
// ETag, Range requests, and caching for a year (keys never change their bytes). @fastify/static
// refuses any path that would leave the storage folder.
import { mkdir } from 'node:fs/promises';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { LOCAL_FILES_PREFIX } from '../storage/local-storage.js';

export default async function localFiles(app: FastifyInstance, { root }: { root: string }): Promise<void> {
  await mkdir(root, { recursive: true });
  // The files are public, like the catalogue that shows them.
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: 'public' };
  });
  await app.register(fastifyStatic, {
    root,
    prefix: LOCAL_FILES_PREFIX,
    decorateReply: false,
    index: false,
    list: false,
    dotfiles: 'deny',
    etag: true,
    lastModified: true,
    acceptRanges: true,
    cacheControl: true,
    immutable: true,
    maxAge: '365d',
    schemaHide: true,
    // Images are for showing anywhere, including a web app on another origin.
    setHeaders: (reply) => {
      reply.header('cross-origin-resource-policy', 'cross-origin');
    },
  });
}
