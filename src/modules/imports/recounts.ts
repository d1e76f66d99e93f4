// The people's figures and the casts' counts under bulk writes: fresh statistics for the triggers
// that keep them, and the recounts that bulk writers put off, run once.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { NO_PROGRESS, type Progress } from './import-batches.js';

/** Runs the recounts that bulk writers put off; returns how many people and movies it recounted. */
export async function flushPendingRecounts(db: Database, progress: Progress = NO_PROGRESS): Promise<number> {
  const [pending] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from pending_recount`));
  const count = Number(pending?.n ?? 0);
  if (count === 0) return 0;
  progress.start('figures', count);
  const recounted = await db.transaction(async (tx) => {
    // The service's statement timeout is for requests; a recount after a big import runs longer.
    await tx.execute(sql`set local statement_timeout = 0`);
    // Fresh statistics, so that the recounts plan by index over the tables as they are now.
    await tx.execute(sql`analyze movie, "character", actor_roles`);
    const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select flush_pending_recounts() as n`));
    return Number(row?.n ?? 0);
  });
  progress.advance(recounted);
  progress.stop();
  return recounted;
}

/**
 * ANALYZE the credit tables after batches 1, 2, 4, 8... of movies: as the tables double. The
 * triggers plan each recount with the statistics of the moment, and statistics of empty tables
 * make them read whole tables (a minute a batch for TMDB 5000) instead of a few index entries.
 */
export async function refreshStatistics(db: Database, batchIndex: number): Promise<void> {
  if (batchIndex === 0 || (batchIndex & (batchIndex - 1)) !== 0) return;
  await db.execute(sql`analyze movie, "character", actor_roles, movie_genre`);
}
