import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';

/** A readiness probe answers within this, whatever the database does. */
const READY_CHECK_TIMEOUT_MS = 2_000;

export function createHealthService({ db, startedAt }: { db: Database; startedAt: number }) {
  return {
    uptimeSeconds: () => Math.round((Date.now() - startedAt) / 1000),
    /** True when the database answers a trivial query within READY_CHECK_TIMEOUT_MS. */
    async databaseAnswers(): Promise<boolean> {
      let timer: NodeJS.Timeout | undefined;
      const tooLate = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), READY_CHECK_TIMEOUT_MS);
      });
      const answered = db.execute(sql`select 1`).then(
        () => true,
        () => false,
      );
      try {
        return await Promise.race([answered, tooLate]);
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

export type HealthService = ReturnType<typeof createHealthService>;
