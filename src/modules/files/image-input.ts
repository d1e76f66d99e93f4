// An image a route received, read from the request: one multipart file part named "file", or
// {"fileId": n} naming a file uploaded before. Multipart itself is registered by plugins/uploads.ts.
import type { FastifyRequest } from 'fastify';
import { BadRequestError, UnsupportedMediaTypeError } from '../../errors.js';
import type { ImageInput } from './files.service.js';

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
