import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import healthRoutes from './health.routes.js';
import { createHealthService } from './health.service.js';

export default featureModule<{ db: Database; databaseKind: string }>({
  name: 'health',
  routes: (api, { db, databaseKind }) =>
    api.register(healthRoutes, { health: createHealthService({ db, startedAt: Date.now() }), databaseKind }),
});
