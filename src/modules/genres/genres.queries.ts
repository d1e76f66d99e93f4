import { count } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { genre } from '../../db/schema.js';
import { nameOrder } from '../../db/text-search.js';
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
