// Where the bytes of files live: one interface, two drivers (local disk, S3). Keys are chosen by
// the server (see files/image-sizes.ts), never by a client.
import type { Readable } from 'node:stream';
import { SOCKET_ERROR_CODES } from '../socket-errors.js';

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

/**
 * The file store failed. `transient`: it may work in a moment (unreachable, overloaded, out of
 * space), and the answer is a 503; otherwise (access refused, a missing bucket) a 500, for the
 * operator to see in the log.
 */
export class StorageError extends Error {
  readonly transient: boolean;
  constructor(operation: string, cause: unknown) {
    super(`The file storage failed to ${operation}.`, { cause });
    this.name = 'StorageError';
    this.transient = isTransientStorageFault(cause);
  }
}

// The disk (full, out of file handles, busy) and the network.
const TRANSIENT_CODES = new Set(['ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE', 'EAGAIN', 'EBUSY', 'EIO', ...SOCKET_ERROR_CODES]);
const TRANSIENT_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'NetworkingError',
  'SlowDown',
  'ServiceUnavailable',
  'InternalError',
]);

function isTransientStorageFault(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
    const link = current as {
      code?: unknown;
      name?: unknown;
      $metadata?: { httpStatusCode?: number };
      cause?: unknown;
      errors?: unknown[];
    };
    if (typeof link.code === 'string' && TRANSIENT_CODES.has(link.code)) return true;
    if (typeof link.name === 'string' && TRANSIENT_NAMES.has(link.name)) return true;
    const status = link.$metadata?.httpStatusCode;
    if (typeof status === 'number' && (status >= 500 || status === 429)) return true;
    // Connecting to every address of a host failed: Node.js says so in an AggregateError.
    if (Array.isArray(link.errors) && link.errors.some(isTransientStorageFault)) return true;
    current = link.cause;
  }
  return false;
}

/** The same store, with every failure of its own reported as a StorageError. */
export function guardStorage(storage: Storage): Storage {
  if ((storage as { [GUARDED]?: true })[GUARDED]) return storage;
  const guard =
    <A extends unknown[], R>(operation: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await run(...args);
      } catch (error) {
        if (error instanceof UnsafeKeyError) throw error;
        throw new StorageError(operation, error);
      }
    };
  return Object.assign(Object.create(storage) as Storage, {
    [GUARDED]: true,
    put: guard('store a file', storage.put.bind(storage)),
    delete: guard('delete a file', storage.delete.bind(storage)),
  });
}

const GUARDED = Symbol('guarded storage');
