import type { Database } from '../../db/database.js';
import { featureModule } from '../../http/feature-module.js';
import genresRoutes from './genres.routes.js';
import { GenreSchema } from './genres.schemas.js';
import { createGenreService } from './genres.service.js';

export default featureModule<{ db: Database }>({
  name: 'genres',
  schemas: [GenreSchema],
  routes: (api, deps) => api.register(genresRoutes, { genres: createGenreService(deps) }),
});
