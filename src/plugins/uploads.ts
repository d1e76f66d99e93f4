// Multipart uploads: one file a request, at most MAX_UPLOAD_MB; the parts stream, nothing is
// buffered whole.
import multipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export default fp(
  async (app: FastifyInstance, { maxUploadBytes }: { maxUploadBytes: number }) => {
    await app.register(multipart, {
      limits: { fileSize: maxUploadBytes, files: 1, fields: 10, parts: 10, headerPairs: 100 },
      throwFileSizeLimit: false,
    });
    // The parts of a multipart request are read as streams by the route itself, so there is no body
    // to validate: an empty one stands in for it.
    app.addHook('preValidation', async (request) => {
      if (request.isMultipart()) request.body ??= {};
    });
  },
  { name: 'uploads' },
);
