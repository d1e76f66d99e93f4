// Conditional GETs for catalogue reads: routes with `config.cache: true` answer with an ETag (a
// hash of the body, so any change to what they show changes it) and Cache-Control, and a request
// whose If-None-Match carries the current ETag gets 304 with no body.
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

declare module 'fastify' {
  interface FastifyContextConfig {
    cache?: boolean;
  }
}

export default fp(
  (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply, payload) => {
      if (!request.routeOptions.config?.cache) return payload;
      if ((request.method !== 'GET' && request.method !== 'HEAD') || reply.statusCode !== 200) return payload;
      if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;

      const etag = `W/"${createHash('sha1').update(payload).digest('base64url')}"`;
      reply.header('etag', etag);
      // Answers for a signed-in caller may carry what is theirs alone (isFavorite).
      reply.header('cache-control', `${request.principal ? 'private' : 'public'}, max-age=0, must-revalidate`);
      // Added to what is there already (CORS varies by Origin).
      const vary = String(reply.getHeader('vary') ?? '');
      if (!/\bauthorization\b/i.test(vary)) reply.header('vary', vary ? `${vary}, Authorization` : 'Authorization');
      if (matches(request.headers['if-none-match'], etag)) {
        reply.code(304);
        return '';
      }
      return payload;
    });
  },
  { name: 'http-cache' },
);

/** If-None-Match holds `*` or a list of tags, compared weakly (RFC 9110 section 13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}
