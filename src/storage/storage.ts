// Where the bytes of files live: one interface, two drivers (local disk, S3). Keys are chosen by
// the server (see files/image-sizes.ts), never by a client.
import type { Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  lastModified: Date;
}

export interface Storage {
  readonly kind: 'local' | 's3';
  /** Stores a file's bytes under `key`, streaming them (memory does not grow with the size). */
  put(key: string, body: Readable, contentType: string): Promise<void>;
  /** Removes the object; a missing one is no error. */
  delete(key: string): Promise<void>;
  /** Every stored object whose key starts with `prefix`. */
  list(prefix: string): AsyncIterable<StoredObject>;
  /** Where anyone fetches the object. */
  publicUrl(key: string): string;
  /** Local driver only: the folder the app serves under /files/. */
  readonly localRoot?: string;
}

/** Keys are lower-case paths of safe segments: nothing that climbs out of a folder. */
const SAFE_KEY = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)*$/;

export class UnsafeKeyError extends Error {
  constructor(key: string) {
    super(`Refusing the storage key ${JSON.stringify(key)}`);
    this.name = 'UnsafeKeyError';
  }
}

export function assertSafeKey(key: string): string {
  if (!SAFE_KEY.test(key) || key.split('/').some((segment) => segment === '.' || segment === '..') || key.length > 512) {
    throw new UnsafeKeyError(key);
  }
  return key;
}
