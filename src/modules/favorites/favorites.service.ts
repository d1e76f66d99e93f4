// A user's favorite movies. Every call works on the caller's own list: there is no way to name
// another user's.
import type { Principal } from '../../auth/principal.js';
import type { Database } from '../../db/database.js';
import { NotFoundError } from '../../errors.js';
import { type Page, pageWindow } from '../../http/pagination.js';
import { findMovieSummaries, movieExists } from '../movies/movies.queries.js';
import type { MovieSummary } from '../movies/movies.schemas.js';
import { addFavorite, countFavorites, findFavorites, removeFavorite } from './favorites.queries.js';
import type { FavoriteListQuery } from './favorites.schemas.js';

export type FavoriteMovie = MovieSummary & { favoritedAt: string };

export function createFavoriteService({ db }: { db: Database }) {
  return {
    /** Idempotent: favoriting a favorite changes nothing (and keeps its original date). */
    async add(principal: Principal, movieId: number): Promise<void> {
      if (!(await movieExists(db, movieId))) throw new NotFoundError(`No movie with id ${movieId}.`);
      await addFavorite(db, principal.userId, movieId);
    },

    /** Idempotent: removing what is not there is no error. */
    remove: (principal: Principal, movieId: number) => removeFavorite(db, principal.userId, movieId),

    async list(principal: Principal, query: FavoriteListQuery): Promise<Page<FavoriteMovie>> {
      const [favorites, total] = await Promise.all([
        findFavorites(db, principal.userId, query.sort === '-favoritedAt', pageWindow(query)),
        countFavorites(db, principal.userId),
      ]);
      const summaries = new Map((await findMovieSummaries(db, favorites.map((f) => f.movieId))).map((m) => [m.id, m]));
      const items = favorites.flatMap((favorite) => {
        const summary = summaries.get(favorite.movieId);
        return summary ? [{ ...summary, favoritedAt: favorite.favoritedAt.toISOString() }] : [];
      });
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  };
}
