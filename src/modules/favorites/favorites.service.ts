// A user's favorite movies. Every call works on the caller's own list: there is no way to name
// another user's.
import type { Principal } from '../../auth/principal.js';
import type { Database } from '../../db/database.js';
import { NotFoundError } from '../../errors.js';
import { type Page, pageWindow } from '../../http/pagination.js';
import { resolveMovieFilter } from '../movies/movie-filters.js';
import { movieConditions, movieExists, movieOrder, type MovieSortKey } from '../movies/movies.queries.js';
import { parseSort } from '../movies/movies.service.js';
import {
  addFavorite,
  countFavoritePage,
  type FavoriteMovie,
  favoritedOrder,
  findFavoritePage,
  removeFavorite,
} from './favorites.queries.js';
import type { FavoriteListQuery } from './favorites.schemas.js';

export function createFavoriteService({ db }: { db: Database }) {
  return {
    /** Idempotent: favoriting a favorite changes nothing (and keeps its original date). */
    async add(principal: Principal, movieId: number): Promise<void> {
      if (!(await movieExists(db, movieId))) throw new NotFoundError(`No movie with id ${movieId}.`);
      await addFavorite(db, principal.userId, movieId);
    },

    /** Idempotent: removing what is not there is no error. */
    remove: (principal: Principal, movieId: number) => removeFavorite(db, principal.userId, movieId),

    /** The same filters and sorts as GET /movies, over the caller's favorites only. */
    async list(principal: Principal, query: FavoriteListQuery): Promise<Page<FavoriteMovie>> {
      const conditions = movieConditions(await resolveMovieFilter(db, query));
      const { key, descending } = parseSort<MovieSortKey | 'favoritedAt'>(query.sort);
      const order = key === 'favoritedAt' ? favoritedOrder(descending) : movieOrder(key, descending);
      const [items, total] = await Promise.all([
        findFavoritePage(db, principal.userId, conditions, order, pageWindow(query)),
        countFavoritePage(db, principal.userId, conditions),
      ]);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  };
}
