import Type, { type Static } from 'typebox';
import { PageOf, pageQueryProperties } from '../../http/pagination.js';
import { MOVIE_SORTS, MovieSummarySchema, movieFilterProperties } from '../movies/movies.schemas.js';

export const FAVORITE_SORTS = ['favoritedAt', ...MOVIE_SORTS] as const;

export const FavoriteListQuery = Type.Object(
  {
    ...pageQueryProperties,
    ...movieFilterProperties,
    sort: Type.Enum([...FAVORITE_SORTS.flatMap((key) => [`-${key}`, key])], {
      default: '-favoritedAt',
      description: 'Newest favorites first by default; any sort of GET /movies works too.',
    }),
  },
  { additionalProperties: false },
);
export type FavoriteListQuery = Static<typeof FavoriteListQuery>;

export const FavoriteMovieSchema = Type.Object(
  { ...MovieSummarySchema.properties, favoritedAt: Type.String({ format: 'date-time' }) },
  { $id: 'FavoriteMovie' },
);

export const FavoritePage = PageOf(Type.Ref('FavoriteMovie'), 'FavoritePage');

export const MovieIdParams = Type.Object(
  { movieId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) },
  { additionalProperties: false },
);
