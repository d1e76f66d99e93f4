import { featureModule } from '../../http/feature-module.js';
import personsRoutes from './persons.routes.js';
import { PersonDetailsSchema, PersonPhotoSchema, PersonSummarySchema } from './persons.schemas.js';
import { createPersonService, type PersonServiceDeps } from './persons.service.js';

export default featureModule<PersonServiceDeps>({
  name: 'persons',
  needs: ['files', 'countries', 'movies'],
  schemas: [PersonPhotoSchema, PersonSummarySchema, PersonDetailsSchema],
  routes: (api, deps) => api.register(personsRoutes, { persons: createPersonService(deps) }),
});
