// Files: uploads and the images every other module shows. The service is shared: app.ts builds it
// once (fileServiceFor) and hands the parts each module needs to the movies, persons and users modules.
import path from 'node:path';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../../config.js';
import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import type { Storage } from '../../storage/storage.js';
import filesRoutes from './files.routes.js';
import { ImageSchema } from './files.schemas.js';
import { createFileService, type FileService } from './files.service.js';

/** The file service a configuration describes, over a database and a storage. */
export function fileServiceFor(
  config: Pick<Config, 'dataDir' | 'maxUploadBytes' | 'imageMaxPixels'>,
  { db, storage, log }: { db: Database; storage: Storage; log?: FastifyBaseLogger },
): FileService {
  return createFileService({
    db,
    storage,
    tmpDir: path.resolve(config.dataDir, 'tmp'),
    maxUploadBytes: config.maxUploadBytes,
    imageMaxPixels: config.imageMaxPixels,
    ...(log ? { log } : {}),
  });
}

export default featureModule<{ files: FileService }>({
  name: 'files',
  schemas: [ImageSchema],
  routes: (api, { files }) => api.register(filesRoutes, { files }),
});
