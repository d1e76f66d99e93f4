// What the import's stages share: the counts they keep, the progress they report, and their
// statements in batches (rows as VALUES, upserts that count, catalogue ids by TMDB id).
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { intArray } from '../../db/sql.js';

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Links of a movie to a list (keywords): added, removed (no longer in the source), already there. */
export interface LinkCounts {
  inserted: number;
  removed: number;
  unchanged: number;
}

/** Links in the source's order also count those only moved to another position. */
export interface OrderedLinkCounts extends LinkCounts {
  moved: number;
}

export interface Progress {
  start(stage: string, total: number): void;
  advance(done: number): void;
  stop(): void;
}

export const NO_PROGRESS: Progress = { start() {}, advance() {}, stop() {} };

export const values = (rows: SQL[]) => sql.join(rows, sql`, `);

export function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs an upsert that RETURNs `inserted` for the rows it wrote; the rest were unchanged. */
export async function upsert(tx: Database, statement: SQL, batchSize: number, counts: Counts): Promise<void> {
  const written = rowsOf<{ inserted: boolean }>(await tx.execute(statement));
  const inserted = written.filter((r) => r.inserted).length;
  counts.inserted += inserted;
  counts.updated += written.length - inserted;
  counts.unchanged += batchSize - written.length;
}

/** Catalogue ids by TMDB id: of the given TMDB ids, or of every row that has one. */
export async function idsByTmdb(
  db: Database,
  table: 'person' | 'movie' | 'keyword' | 'company',
  tmdbIds?: number[],
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  if (!tmdbIds) {
    const rows = rowsOf<{ id: number; tmdb: number }>(
      await db.execute(sql`select ${sql.raw(`${table}_id`)} as id, tmdb_id as tmdb from ${sql.raw(table)} where tmdb_id is not null`),
    );
    for (const row of rows) ids.set(Number(row.tmdb), Number(row.id));
    return ids;
  }
  for (const batch of chunks(tmdbIds, 10_000)) {
    const rows = rowsOf<{ id: number; tmdb: number }>(
      await db.execute(
        sql`select ${sql.raw(`${table}_id`)} as id, tmdb_id as tmdb from ${sql.raw(table)} where tmdb_id = any(${intArray(batch)})`,
      ),
    );
    for (const row of rows) ids.set(Number(row.tmdb), Number(row.id));
  }
  return ids;
}
