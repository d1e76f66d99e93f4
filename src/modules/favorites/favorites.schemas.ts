import Type, { type Static } from 'typebox';
import { CursorPageOf, cursorListPagingProperties } from '../../http/pagination.js';
import { MOVIE_SORTS, MovieSummarySchema, movieFilterProperties } from '../movies/movies.schemas.js';

const FAVORITE_SORTS = ['favoritedAt', ...MOVIE_SORTS] as const;

export const FavoriteListQuery = Type.Object(
  {
    ...cursorListPagingProperties,
    ...movieFilterProperties,
    sort: Type.Optional(
      Type.Enum([...FAVORITE_SORTS.flatMap((key) => [`-${key}`, key]), 'relevance'], {
        description: 'Default: newest favorites first, or `relevance` with `q`; any sort of GET /movies works too.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type FavoriteListQuery = Static<typeof FavoriteListQuery>;

export const FavoriteMovieSchema = Type.Object(
  { ...MovieSummarySchema.properties, favoritedAt: Type.String({ format: 'date-time' }) },
  { $id: 'FavoriteMovie' },
);

export const FavoritePage = CursorPageOf(Type.Ref('FavoriteMovie'), 'FavoritePage');

export const MovieIdParams = Type.Object(
  { movieId: Type.Integer({ minimum: 1, maximum: 2_147_483_647 }) },
  { additionalProperties: false },
);
