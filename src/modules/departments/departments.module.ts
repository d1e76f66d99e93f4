// TMDB's crew departments (seeded by drizzle/0013), read-only.
import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import departmentsRoutes from './departments.routes.js';
import { createDepartmentService } from './departments.service.js';

export default featureModule<{ db: Database }>({
  name: 'departments',
  routes: (api, deps) => api.register(departmentsRoutes, { departments: createDepartmentService(deps) }),
});
