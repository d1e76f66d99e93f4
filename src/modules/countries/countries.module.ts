import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import countriesRoutes from './countries.routes.js';
import { CountrySchema } from './countries.schemas.js';
import { createCountryService } from './countries.service.js';

export default featureModule<{ db: Database }>({
  name: 'countries',
  schemas: [CountrySchema],
  routes: (api, deps) => api.register(countriesRoutes, { countries: createCountryService(deps) }),
});
