import path from 'node:path';
import type { Config } from '../config.js';
import { createLocalStorage } from './local-storage.js';
import { createS3Storage } from './s3-storage.js';
import type { Storage } from './storage.js';

/** The storage driver the configuration names (STORAGE=local or s3). */
export function createConfiguredStorage(config: Config): Storage {
  if (config.storage === 's3') {
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

export function localFilesRoot(config: Pick<Config, 'dataDir'>): string {
  return path.resolve(config.dataDir, 'files');
}
