// `moviedb files gc`: removes stored objects that no file row refers to (left by a crash between
// storing and recording, or by a failed delete). Young objects are spared: an upload in progress
// stores its bytes a moment before it records them.
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Database } from '../../db/database.js';
import type { Storage } from '../../storage/storage.js';
import { findAllFileKeys } from './files.queries.js';
import { allKeys, IMAGE_PREFIX } from './image-sizes.js';

export interface GcReport {
  examined: number;
  removed: string[];
  /** Orphans younger than the minimum age, left for a later run. */
  spared: number;
}

export async function collectGarbage(
  { db, storage }: { db: Database; storage: Storage },
  { minAgeMs, dryRun = false }: { minAgeMs: number; dryRun?: boolean },
): Promise<GcReport> {
  const known = new Set([...(await findAllFileKeys(db))].flatMap((key) => allKeys(key)));
  const cutoff = Date.now() - minAgeMs;
  const report: GcReport = { examined: 0, removed: [], spared: 0 };
  for await (const object of storage.list(IMAGE_PREFIX)) {
    report.examined++;
    if (known.has(object.key)) continue;
    if (object.lastModified.getTime() > cutoff) {
      report.spared++;
      continue;
    }
    if (!dryRun) await storage.delete(object.key);
    report.removed.push(object.key);
  }
  return report;
}

/**
 * Removes what uploads cut short by a crash left in the temporary folder (older than `minAgeMs`,
 * so that uploads in progress keep theirs); answers how many entries it removed.
 */
export async function sweepUploadLeftovers(tmpDir: string, minAgeMs: number): Promise<number> {
  let removed = 0;
  const entries = await readdir(tmpDir).catch(() => [] as string[]);
  for (const entry of entries) {
    const full = path.join(tmpDir, entry);
    const info = await stat(full).catch(() => undefined);
    if (info && info.mtimeMs < Date.now() - minAgeMs) {
      await rm(full, { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
