// Production companies: looked up by name, a page with their most popular movies, added by editors.
import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import companiesRoutes from './companies.routes.js';
import { CompanyDetailsSchema, CompanySchema } from './companies.schemas.js';
import { createCompanyService } from './companies.service.js';

export default featureModule<{ db: Database }>({
  name: 'companies',
  needs: ['files'],
  schemas: [CompanySchema, CompanyDetailsSchema],
  routes: (api, deps) => api.register(companiesRoutes, { companies: createCompanyService(deps) }),
});
