import { count, eq } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { genre } from '../../db/schema.js';
import { nameOrder } from '../../db/search-text.js';
import type { Genre } from './genres.schemas.js';

export async function findGenres(db: Database, window: { limit: number; offset: number }): Promise<Genre[]> {
  return db
    .select({ id: genre.genreId, name: genre.genreName })
    .from(genre)
    .orderBy(nameOrder(genre.genreName), genre.genreId)
    .limit(window.limit)
    .offset(window.offset);
}

export async function countGenres(db: Database): Promise<number> {
  const [row] = await db.select({ total: count() }).from(genre);
  return row?.total ?? 0;
}

export async function insertGenre(db: Database, name: string): Promise<Genre> {
  const [row] = await db.insert(genre).values({ genreName: name }).returning({ id: genre.genreId, name: genre.genreName });
  return row!;
}

export async function updateGenre(db: Database, genreId: number, name: string): Promise<Genre | undefined> {
  const [row] = await db
    .update(genre)
    .set({ genreName: name })
    .where(eq(genre.genreId, genreId))
    .returning({ id: genre.genreId, name: genre.genreName });
  return row;
}

export async function deleteGenre(db: Database, genreId: number): Promise<boolean> {
  const rows = await db.delete(genre).where(eq(genre.genreId, genreId)).returning({ id: genre.genreId });
  return rows.length > 0;
}
