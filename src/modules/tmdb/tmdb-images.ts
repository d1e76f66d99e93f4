// Images through the /3 surface: configuration's base URL, a TMDB size name and a poster_path
// (`/<uuid>.<ext>`) make a URL that redirects to the nearest size moviedb stores of that image.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { IMAGE_PREFIX, RESIZED_WIDTHS, resizedKey } from '../files/image-sizes.js';

/** The sizes TMDB's configuration lists, by kind of image. */
export const TMDB_IMAGE_SIZES = {
  backdrop_sizes: ['w300', 'w780', 'w1280', 'original'],
  logo_sizes: ['w45', 'w92', 'w154', 'w185', 'w300', 'w500', 'original'],
  poster_sizes: ['w92', 'w154', 'w185', 'w342', 'w500', 'w780', 'original'],
  profile_sizes: ['w45', 'w185', 'h632', 'original'],
  still_sizes: ['w92', 'w185', 'w300', 'original'],
};

type StoredSize = keyof typeof RESIZED_WIDTHS | 'original';

/**
 * The stored size that serves a requested one: the narrowest copy at least that wide, else the
 * original (a height, h632, is served by the original: copies are made by width).
 */
function storedSizeFor(requested: string): StoredSize {
  const width = /^w(\d+)$/.exec(requested)?.[1];
  if (width === undefined) return 'original';
  const fitting = (Object.entries(RESIZED_WIDTHS) as [keyof typeof RESIZED_WIDTHS, number][])
    .filter(([, stored]) => stored >= Number(width))
    .sort((a, b) => a[1] - b[1]);
  return fitting[0]?.[0] ?? 'original';
}

/** The URL of the stored copy a /3 image URL names, or undefined when no file has that path. */
export async function findImageUrl(db: Database, size: string, file: string): Promise<string | undefined> {
  const dot = file.lastIndexOf('.');
  const key = `${IMAGE_PREFIX}${file.slice(0, dot)}/original.${file.slice(dot + 1)}`;
  const [row] = rowsOf<{ url: string }>(await db.execute(sql`select public_url as url from file where key = ${key}`));
  if (!row) return undefined;
  const stored = storedSizeFor(size);
  return stored === 'original' ? row.url : resizedKey(row.url, stored);
}
