import type { Database } from '../../db/database.js';
import type { CursorCodec } from '../../http/cursor.js';
import { featureModule } from '../../http/feature-module.js';
import favoritesRoutes from './favorites.routes.js';
import { FavoriteMovieSchema } from './favorites.schemas.js';
import { createFavoriteService } from './favorites.service.js';

export default featureModule<{ db: Database; cursors: CursorCodec }>({
  name: 'favorites',
  needs: ['movies'],
  schemas: [FavoriteMovieSchema],
  routes: (api, deps) => api.register(favoritesRoutes, { favorites: createFavoriteService(deps) }),
});
