// Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, otherwise the
// embedded PGlite under DATA_DIR, guarded so that two processes never open it at once.
import type { Config } from '../config.js';
import { type DatabaseHandle, openDatabase } from './database.js';
import type { DatabaseLog } from './pg-connections.js';
import { lockDataDir } from './data-dir-lock.js';

export interface ConfiguredDatabaseOptions {
  /**
   * The service's limits on waiting for PostgreSQL (DATABASE_CONNECT_TIMEOUT_MS,
   * DATABASE_STATEMENT_TIMEOUT_MS); tools (migrate, import, export) run without them.
   */
  serving?: { log: DatabaseLog };
}

export async function openConfiguredDatabase(config: Config, { serving }: ConfiguredDatabaseOptions = {}): Promise<DatabaseHandle> {
  if (config.databaseUrl) {
    return openDatabase({
      kind: 'postgres',
      url: config.databaseUrl,
      ...(serving ? { timeouts: config.databaseTimeouts, log: serving.log } : {}),
    });
  }
  const unlock = await lockDataDir(config.dataDir);
  try {
    const handle = await openDatabase({ kind: 'pglite', dataDir: config.dataDir });
    return {
      ...handle,
      close: async () => {
        try {
          await handle.close();
        } finally {
          await unlock();
        }
      },
    };
  } catch (error) {
    await unlock();
    throw error;
  }
}
