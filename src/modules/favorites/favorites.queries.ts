import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { fixedStatement, rowsOf } from '../../db/database.js';
import { type ListOrder, type PageRows, findPage } from '../../db/keyset.js';
import type { CursorPosition } from '../../db/keyset.js';
import { favoriteMovies } from '../../db/schema.js';
import { isoTimestamp } from '../../db/sql.js';
import { whereClause } from '../../db/sql.js';
import { movieSources, normalizeMovie, summaryFields } from '../movies/movies.queries.js';
import type { MovieSummary } from '../movies/movies.schemas.js';

export async function addFavorite(db: Database, userId: number, movieId: number): Promise<void> {
  await db.insert(favoriteMovies).values({ userId, movieId }).onConflictDoNothing();
}

export async function removeFavorite(db: Database, userId: number, movieId: number): Promise<void> {
  await db.delete(favoriteMovies).where(and(eq(favoriteMovies.userId, userId), eq(favoriteMovies.movieId, movieId)));
}

export type FavoriteMovie = MovieSummary & { favoritedAt: string };

/** Newest or oldest favorite first, ties by movie id. */
export function favoritedOrder(descending: boolean): ListOrder {
  return { columns: [{ value: sql`f.created_at`, type: 'timestamptz', descending }], nullable: false, id: sql`m.movie_id` };
}

const FAVORITES = fixedStatement(
  (value) => sql`select json_build_object(${summaryFields}, 'favoritedAt', ${isoTimestamp(sql`f.created_at`)}) as doc
    from unnest(${value('ids')}::int[]) with ordinality as wanted(id, n)
    join favorite_movies f on f.movie_id = wanted.id and f.user_id = ${value('userId')}
    join ${movieSources} on m.movie_id = f.movie_id
    order by wanted.n`,
);

/** A page of the user's favorites among the movies that meet `conditions` (over `movie m`). */
export async function findFavoritePage(
  db: Database,
  userId: number,
  conditions: SQL[],
  order: ListOrder,
  window: { limit: number; offset?: number; after?: CursorPosition | undefined },
): Promise<PageRows<FavoriteMovie>> {
  const page = await findPage<FavoriteMovie | string>(db, {
    from: sql`favorite_movies f join movie m on m.movie_id = f.movie_id`,
    conditions: [sql`f.user_id = ${userId}`, ...conditions],
    order,
    documents: async (ids) => (await FAVORITES<{ doc: FavoriteMovie }>(db, { ids, userId })).map((row) => row.doc),
    ...window,
  });
  return { documents: page.documents.map((doc) => normalizeMovie(doc)), next: page.next };
}

export async function countFavoritePage(db: Database, userId: number, conditions: SQL[]): Promise<number> {
  const [row] = rowsOf<{ total: number }>(
    await db.execute(sql`select count(*)::int as total from favorite_movies f join movie m on m.movie_id = f.movie_id
      ${whereClause([sql`f.user_id = ${userId}`, ...conditions])}`),
  );
  return Number(row?.total ?? 0);
}
