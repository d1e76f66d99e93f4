import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';

export function createHealthService({ db, startedAt }: { db: Database; startedAt: number }) {
  return {
    uptimeSeconds: () => Math.round((Date.now() - startedAt) / 1000),
    /** True when the database answers a trivial query. */
    async databaseAnswers(): Promise<boolean> {
      try {
        await db.execute(sql`select 1`);
        return true;
      } catch {
        return false;
      }
    },
  };
}
