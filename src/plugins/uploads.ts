// Multipart uploads: one file a request, at most MAX_UPLOAD_MB; the parts stream, nothing is
// buffered whole.
import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { BadRequestError, UnsupportedMediaTypeError } from '../errors.js';
import type { UploadedPart } from '../modules/files/files.service.js';

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

/** What a route that takes an image received: a new upload, or the id of a file uploaded before. */
export type ImageInput = { kind: 'upload'; part: UploadedPart } | { kind: 'file'; fileId: number };

export async function readImageInput(request: FastifyRequest): Promise<ImageInput> {
  if (request.isMultipart()) {
    let part;
    try {
      part = await request.file();
    } catch (error) {
      // No boundary, a body cut short, too many parts: the request is malformed.
      throw new BadRequestError(`The multipart body is malformed: ${(error as Error).message}.`, [
        { in: 'body', field: 'file', message: 'must be one file part in a well-formed multipart body' },
      ]);
    }
    if (!part || part.fieldname !== 'file') {
      throw new BadRequestError('The upload needs one file part named "file".', [{ in: 'body', field: 'file', message: 'is required' }]);
    }
    return { kind: 'upload', part: { file: part.file, filename: part.filename, mimetype: part.mimetype } };
  }
  const body = request.body as { fileId?: unknown } | undefined;
  if (typeof body !== 'object' || body === null || typeof body.fileId !== 'number') {
    throw new UnsupportedMediaTypeError('Send the image as multipart/form-data, or {"fileId": n} as application/json.');
  }
  return { kind: 'file', fileId: body.fileId };
}
