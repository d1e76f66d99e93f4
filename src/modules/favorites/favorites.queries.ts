import { and, asc, count, desc, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { favoriteMovies } from '../../db/schema.js';

export async function addFavorite(db: Database, userId: number, movieId: number): Promise<void> {
  await db.insert(favoriteMovies).values({ userId, movieId }).onConflictDoNothing();
}

export async function removeFavorite(db: Database, userId: number, movieId: number): Promise<void> {
  await db.delete(favoriteMovies).where(and(eq(favoriteMovies.userId, userId), eq(favoriteMovies.movieId, movieId)));
}

export async function findFavorites(
  db: Database,
  userId: number,
  newestFirst: boolean,
  window: { limit: number; offset: number },
): Promise<{ movieId: number; favoritedAt: Date }[]> {
  const order = newestFirst ? desc : asc;
  return db
    .select({ movieId: favoriteMovies.movieId, favoritedAt: favoriteMovies.createdAt })
    .from(favoriteMovies)
    .where(eq(favoriteMovies.userId, userId))
    .orderBy(order(favoriteMovies.createdAt), order(favoriteMovies.movieId))
    .limit(window.limit)
    .offset(window.offset);
}

export async function countFavorites(db: Database, userId: number): Promise<number> {
  const [row] = await db.select({ total: count() }).from(favoriteMovies).where(eq(favoriteMovies.userId, userId));
  return row?.total ?? 0;
}
