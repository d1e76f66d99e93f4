// Files on local disk under DATA_DIR/files, served by the app itself under /files/.
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { assertSafeKey, type Storage, type StoredObject, UnsafeKeyError } from './storage.js';

export const LOCAL_FILES_PREFIX = '/files/';

export function createLocalStorage({ root, publicBaseUrl }: { root: string; publicBaseUrl: string }): Storage {
  const base = path.resolve(root);

  /** The path of a key, certainly inside the storage folder. */
  function pathOf(key: string): string {
    const resolved = path.resolve(base, assertSafeKey(key));
    if (!resolved.startsWith(base + path.sep)) throw new UnsafeKeyError(key);
    return resolved;
  }

  async function* walk(folder: string): AsyncGenerator<StoredObject> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) yield* walk(full);
      else if (entry.isFile() && !entry.name.endsWith('.partial')) {
        yield { key: path.relative(base, full).split(path.sep).join('/'), lastModified: (await stat(full)).mtime };
      }
    }
  }

  return {
    kind: 'local',
    localRoot: base,
    async put(key, body) {
      const target = pathOf(key);
      await mkdir(path.dirname(target), { recursive: true });
      // Written aside, then renamed: a reader never sees half a file.
      const partial = `${target}.${process.pid}.partial`;
      try {
        await pipeline(body, createWriteStream(partial, { flags: 'wx' }));
        await rename(partial, target);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
    },
    async delete(key) {
      const target = pathOf(key);
      await rm(target, { force: true });
      // The file's folder goes with its last size (rmdir refuses a folder that still holds any).
      await rmdir(path.dirname(target)).catch(() => undefined);
    },
    list: (prefix) => walk(path.join(base, ...prefix.split('/').filter(Boolean))),
    publicUrl: (key) => `${publicBaseUrl}${LOCAL_FILES_PREFIX}${assertSafeKey(key)}`,
  };
}
