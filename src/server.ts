// Runs the service: open and migrate the database, build the app, listen, and shut down
// gracefully (stop accepting, finish in-flight requests, close the database).
import closeWithGrace from 'close-with-grace';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { resolveJwtSecret } from './modules/auth/jwt-secret.js';
import type { Config } from './config.js';
import { openConfiguredDatabase } from './db/configured-database.js';
import { seedDemo } from './modules/imports/demo-seed.js';
import { flushPendingRecounts } from './modules/imports/recounts.js';
import { ensureAdmin } from './modules/users/admin-bootstrap.js';

export async function startServer(config: Config): Promise<FastifyInstance> {
  const jwtSecret = await resolveJwtSecret(config);
  let built: FastifyInstance | undefined;
  // Faults the database layer contains (a connection lost and replaced) go to the service's log.
  const database = await openConfiguredDatabase(config, {
    serving: { log: { warn: (details, message) => built?.log.warn(details, message) } },
  });
  let app: FastifyInstance;
  try {
    const { applied } = await database.migrate();
    app = built = await buildApp({ ...config, jwtSecret }, { database });
    app.log.info({ database: database.kind, migrationsApplied: applied }, 'database ready');
    // An import cut short leaves recounts behind (see flushPendingRecounts): finish them.
    const recounted = await flushPendingRecounts(database.db);
    if (recounted > 0) app.log.info({ recounted }, 'recounted the figures an interrupted import left behind');
    // A fresh embedded install shows real films at once; a real PostgreSQL is seeded only on request.
    if (database.kind === 'pglite' && config.demoData) {
      const seeded = await seedDemo(database.db);
      if (seeded > 0) app.log.info({ movies: seeded }, 'demo catalogue seeded (DEMO_DATA=false skips it)');
    }
    if (config.admin) {
      const { outcome, user } = await ensureAdmin(database.db, { ...config.admin, promoteExisting: false });
      app.log.info({ outcome, username: user.username }, 'admin from ADMIN_EMAIL');
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'shutting down after an uncaught error');
    else app.log.info({ signal }, 'shutting down');
    await app.close();
  });

  await app.listen({ port: config.port, host: config.host });
  return app;
}
