// What the log says of a request: Fastify's own fields, with secrets a client may put in the
// address masked. TMDB's clients send their API key as `api_key` in the query (the /3 surface),
// and a key in the logs would undo storing only its sha256.
import type { FastifyRequest } from 'fastify';

const SECRET_PARAMETERS = /([?&](?:api_key|access_token)=)[^&#]*/gi;

/** The address with the values of secret query parameters replaced by `[redacted]`. */
export function redactedUrl(url: string): string {
  return url.replace(SECRET_PARAMETERS, '$1[redacted]');
}

/** The fields of Fastify's default request serializer, the address redacted. */
export function requestLogFields(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactedUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
