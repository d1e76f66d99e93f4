// A user's favorite movies. Every call works on the caller's own list: there is no way to name
// another user's.
import type { Principal } from '../../http/principal.js';
import type { Database } from '../../db/database.js';
import { notFound } from '../../errors.js';
import type { CursorPage } from '../../http/pagination.js';
import type { CursorCodec } from '../../http/cursor.js';
import { listPage } from '../../http/list-page.js';
import { resolveMovieFilter } from '../movies/movie-filters.js';
import { movieConditions, movieOrder, movieRelevanceOrder, type MovieSortKey } from '../movies/movies.queries.js';
import { rowExists } from '../../db/references.js';
import { chooseOrder } from '../../http/list-query.js';
import {
  addFavorite,
  countFavoritePage,
  type FavoriteMovie,
  favoritedOrder,
  findFavoritePage,
  removeFavorite,
} from './favorites.queries.js';
import type { FavoriteListQuery } from './favorites.schemas.js';

export function createFavoriteService({ db, cursors }: { db: Database; cursors: CursorCodec }) {
  return {
    /** Idempotent: favoriting a favorite changes nothing (and keeps its original date). */
    async add(principal: Principal, movieId: number): Promise<void> {
      if (!(await rowExists(db, 'movie', movieId))) throw notFound('movie', movieId);
      await addFavorite(db, principal.userId, movieId);
    },

    /** Idempotent: removing what is not there is no error. */
    remove: (principal: Principal, movieId: number) => removeFavorite(db, principal.userId, movieId),

    /** The same filters and sorts as GET /movies, over the caller's favorites only. */
    async list(principal: Principal, query: FavoriteListQuery): Promise<CursorPage<FavoriteMovie>> {
      const filter = await resolveMovieFilter(db, query);
      const conditions = movieConditions(filter);
      const { text } = filter;
      const order = chooseOrder<MovieSortKey | 'favoritedAt', ReturnType<typeof movieOrder>>(
        query.sort,
        '-favoritedAt',
        text,
        (key, descending) => (key === 'favoritedAt' ? favoritedOrder(descending) : movieOrder(key, descending)),
        () => movieRelevanceOrder(text!),
      );
      return listPage({
        cursors,
        // Bound to the user too: one user's cursor means nothing in another's list.
        list: `favorites:${principal.userId}`,
        query,
        fetch: (window) => findFavoritePage(db, principal.userId, conditions, order, window),
        count: () => countFavoritePage(db, principal.userId, conditions),
      });
    },
  };
}

export type FavoriteService = ReturnType<typeof createFavoriteService>;
