import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import searchRoutes from './search.routes.js';
import { createSearchService } from './search.service.js';

export default featureModule<{ db: Database }>({
  name: 'search',
  needs: ['movies', 'persons'],
  routes: (api, deps) => api.register(searchRoutes, { search: createSearchService(deps) }),
});
