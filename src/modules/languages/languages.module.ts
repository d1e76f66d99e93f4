// The spoken languages (seeded by drizzle/0015), read-only.
import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import languagesRoutes from './languages.routes.js';
import { createLanguageService } from './languages.service.js';

export default featureModule<{ db: Database }>({
  name: 'languages',
  routes: (api, deps) => api.register(languagesRoutes, { languages: createLanguageService(deps) }),
});
