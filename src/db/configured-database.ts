// Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, otherwise the
// embedded PGlite under DATA_DIR, guarded so that two processes never open it at once.
import type { Config } from '../config.js';
import { type DatabaseHandle, openDatabase } from './database.js';
import { lockDataDir } from './data-dir-lock.js';

export async function openConfiguredDatabase(config: Config): Promise<DatabaseHandle> {
  if (config.databaseUrl) return openDatabase({ kind: 'postgres', url: config.databaseUrl });
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
