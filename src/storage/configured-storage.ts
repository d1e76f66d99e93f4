import path from 'node:path';
import type { Config } from '../config.js';
import { createLocalStorage } from './local-storage.js';
import type { Storage } from './storage.js';

/**
 * The storage driver the configuration names (STORAGE=local or s3). The AWS SDK is loaded only for
 * S3: it costs about 20 MB of memory that a local install has no use for.
 */
export async function createConfiguredStorage(config: Config): Promise<Storage> {
  if (config.storage === 's3') {
    const { createS3Storage } = await import('./s3-storage.js');
    return createS3Storage({
      bucket: config.s3.bucket!,
      region: config.s3.region,
      endpoint: config.s3.endpoint,
      forcePathStyle: config.s3.forcePathStyle,
      publicUrl: config.s3.publicUrl,
    });
  }
  return createLocalStorage({ root: localFilesRoot(config), publicBaseUrl: config.publicUrl });
}

function localFilesRoot(config: Pick<Config, 'dataDir'>): string {
  return path.resolve(config.dataDir, 'files');
}
