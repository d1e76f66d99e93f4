import { featureModule } from '../../http/feature-module.js';
import moviesRoutes from './movies.routes.js';
import { CrewCreditSchema, MovieDetailsSchema, MovieSummarySchema } from './movies.schemas.js';
import { createMovieService, type MovieServiceDeps } from './movies.service.js';

export default featureModule<MovieServiceDeps>({
  name: 'movies',
  needs: ['files', 'countries', 'genres', 'refs', 'characters'],
  schemas: [MovieSummarySchema, MovieDetailsSchema, CrewCreditSchema],
  routes: (api, deps) => api.register(moviesRoutes, { movies: createMovieService(deps) }),
});
