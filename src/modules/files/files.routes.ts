import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noContent, noContentResponses, problemResponses } from '../../http/problem.js';
import { IdParams } from '../../http/types.js';
import { principalOf } from '../../plugins/access.js';
import { BadRequestError } from '../../errors.js';
import { uploadBodySchema } from './files.schemas.js';
import type { FileService } from './files.service.js';
import { readImageInput } from './image-input.js';

const image = { $ref: 'Image' } as const;

const filesRoutes: FastifyPluginAsyncTypebox<{ files: FileService }> = async (app, { files }) => {
  app.post(
    '/files',
    {
      config: { access: 'user', idempotent: true },
      schema: {
        tags: ['files'],
        summary: 'Upload an image',
        description:
          'multipart/form-data with one file: a JPEG, PNG, WebP, AVIF or GIF, recognized by its content (415 otherwise, ' +
          'or when its declared type or name says something else), at most MAX_UPLOAD_MB (413) and IMAGE_MAX_PIXELS (413). ' +
          'Answers the file with the URLs of every size.',
        body: uploadBodySchema,
        response: { 201: image, ...problemResponses },
      },
    },
    async (request, reply) => {
      const input = await readImageInput(request);
      if (input.kind !== 'upload') throw new BadRequestError('POST /files takes a multipart upload.');
      return reply.code(201).send(await files.uploadImage(input.part, principalOf(request).userId, request.idempotency));
    },
  );

  app.get(
    '/files/:id',
    {
      config: { access: 'user', cache: true },
      schema: {
        tags: ['files'],
        summary: "A file's metadata and URLs",
        description:
          'For its uploader, editors and admins (404 for anyone else, so that ids cannot be walked to list uploads). ' +
          'Public images show in the movie, person and user reads that use them.',
        params: IdParams,
        response: { 200: image, ...problemResponses },
      },
    },
    (request) => files.readFile(principalOf(request), request.params.id),
  );

  app.delete(
    '/files/:id',
    {
      config: { access: 'user' },
      schema: {
        tags: ['files'],
        summary: 'Delete a file',
        description: 'Its uploader or an admin; refused (409) while a poster, avatar or photo uses it.',
        params: IdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await files.deleteFile(principalOf(request), request.params.id);
      return noContent(reply);
    },
  );
};

export default filesRoutes;
