// Serves the built web app (web/, built into dist/web) at /: its hashed assets cached for a year,
// and index.html for every page address the app routes itself (/movies/12, /discover?genre=...),
// so that a shared or reloaded link opens the right page. API and file addresses never fall back.
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const NOT_PAGES = /^\/(api|files|docs|health|ready)(\/|$|\?)/;

export default async function webApp(app: FastifyInstance, { root }: { root: string }): Promise<void> {
  if (!existsSync(path.join(root, 'index.html'))) {
    app.log.warn({ webDir: root }, 'the web app is not built (npm run build): only the API is served');
    return;
  }
  // The app and its assets are public; what they show comes from the API, with its own rules.
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: 'public' };
  });
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    // One route per built file, so that the page fallback below stays the only wildcard.
    wildcard: false,
    index: ['index.html'],
    list: false,
    dotfiles: 'deny',
    etag: true,
    lastModified: true,
    cacheControl: false,
    // The build writes .br and .gz copies of its text files (web/vite.config.ts).
    preCompressed: true,
    schemaHide: true,
    setHeaders: (reply, filePath) => {
      // Vite names assets after their content: a changed file gets a new name.
      reply.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const wantsPage = request.headers.accept?.includes('text/html') ?? false;
    if (!wantsPage || NOT_PAGES.test(request.url) || path.extname(request.url.split('?')[0] ?? '') !== '') {
      return reply.callNotFound();
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
