// The sizes an uploaded image is served in, like TMDB's image service: the original, and resized
// copies 92, 185 and 500 pixels wide (never wider than the original). Every size of a file lives
// beside its original: images/<uuid>/original.<ext>, images/<uuid>/w92.webp, ...
import { randomUUID } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import { isoTimestamp } from '../../db/sql.js';

export const IMAGE_PREFIX = 'images/';
export const RESIZED_WIDTHS = { w92: 92, w185: 185, w500: 500 } as const;
export const RESIZED_FORMAT = { extension: 'webp', mimeType: 'image/webp' } as const;

export function newOriginalKey(extension: string): string {
  return `${IMAGE_PREFIX}${randomUUID()}/original.${extension}`;
}

/** The key (or URL) of a resized copy, from its original's. */
export function resizedKey(originalKey: string, size: keyof typeof RESIZED_WIDTHS): string {
  return originalKey.replace(/\/original\.[a-z0-9]+$/, `/${size}.${RESIZED_FORMAT.extension}`);
}

/** Every key a file occupies in storage. */
export function allKeys(originalKey: string): string[] {
  return [originalKey, ...Object.keys(RESIZED_WIDTHS).map((size) => resizedKey(originalKey, size as keyof typeof RESIZED_WIDTHS))];
}

/** The image object of the file row aliased `alias` (or null when there is none), built in SQL. */
export function imageJson(alias: string): SQL {
  const f = sql.raw(alias);
  const resized = (Object.keys(RESIZED_WIDTHS) as (keyof typeof RESIZED_WIDTHS)[]).map(
    (size) => sql`${size}::text, regexp_replace(${f}.public_url, '/original\\.[a-z0-9]+$', ${`/${size}.${RESIZED_FORMAT.extension}`})`,
  );
  return sql`case when ${f}.file_id is null then null else json_build_object(
    'id', ${f}.file_id,
    'fileName', ${f}.file_name,
    'mimeType', ${f}.mime_type,
    'size', ${f}.size_bytes,
    'width', ${f}.width,
    'height', ${f}.height,
    'publicUrl', ${f}.public_url,
    'sizes', json_build_object('original', ${f}.public_url, ${sql.join(resized, sql`, `)}),
    'createdAt', ${isoTimestamp(sql`${f}.created_at`)}) end`;
}

/** The image of a file id (a correlated subquery), or null. */
export function imageOfFileId(fileId: SQL): SQL {
  return sql`(select ${imageJson('img')} from file img where img.file_id = ${fileId})`;
}

/** The primary photo of the person row aliased `alias`, as an image, or null. */
export function personPhotoJson(alias: string): SQL {
  const p = sql.raw(alias);
  return sql`(select ${imageJson('img')} from person_photos pp join file img on img.file_id = pp.file_id
    where pp.photo_id = ${p}.photo_id)`;
}

/** `{id, firstName, lastName, photo}` of the person row aliased `alias`, or null when there is none. */
export function personRefJson(alias: string): SQL {
  const p = sql.raw(alias);
  return sql`case when ${p}.person_id is null then null else json_build_object(
    'id', ${p}.person_id, 'firstName', ${p}.first_name, 'lastName', ${p}.last_name, 'photo', ${personPhotoJson(alias)}) end`;
}

/** The short form of the movie row aliased `alias`: `{id, title, releaseDate, poster}`. */
export function movieRefJson(alias: string): SQL {
  const m = sql.raw(alias);
  return sql`json_build_object('id', ${m}.movie_id, 'title', ${m}.title, 'releaseDate', ${m}.release_date,
    'poster', ${imageOfFileId(sql`${m}.poster_file_id`)})`;
}
