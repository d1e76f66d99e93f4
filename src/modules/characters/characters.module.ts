import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import charactersRoutes from './characters.routes.js';
import { CharacterSchema } from './characters.schemas.js';
import { createCharacterService } from './characters.service.js';

export default featureModule<{ db: Database }>({
  name: 'characters',
  needs: ['refs'],
  schemas: [CharacterSchema],
  routes: (api, deps) => api.register(charactersRoutes, { characters: createCharacterService(deps) }),
});
