import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { jsonValue, rowsOf } from '../../db/database.js';
import { file } from '../../db/schema.js';
import type { Image } from './files.schemas.js';
import { imageJson } from './image-sizes.js';

export type NewFile = Pick<
  typeof file.$inferInsert,
  'fileName' | 'mimeType' | 'key' | 'publicUrl' | 'sizeBytes' | 'sha256' | 'width' | 'height' | 'uploadedBy'
>;

export async function insertFile(db: Database, values: NewFile): Promise<number> {
  const [row] = await db.insert(file).values(values).returning({ id: file.fileId });
  return row!.id;
}

export async function findImage(db: Database, fileId: number): Promise<Image | undefined> {
  const [row] = rowsOf<{ doc: Image | string }>(
    await db.execute(sql`select ${imageJson('f')} as doc from file f where f.file_id = ${fileId}`),
  );
  if (!row) return undefined;
  const image = jsonValue(row.doc);
  image.size = Number(image.size);
  return image;
}

export async function findFileOwner(db: Database, fileId: number) {
  const [row] = await db.select({ key: file.key, uploadedBy: file.uploadedBy }).from(file).where(eq(file.fileId, fileId));
  return row;
}

/** What refers to a file: movies (posters), users (avatars), gallery photos. */
export async function countFileReferences(db: Database, fileId: number): Promise<{ posters: number; avatars: number; photos: number }> {
  const [row] = rowsOf<{ posters: number; avatars: number; photos: number }>(
    await db.execute(sql`select
      (select count(*)::int from movie where poster_file_id = ${fileId}) as posters,
      (select count(*)::int from user_account where avatar_id = ${fileId}) as avatars,
      (select count(*)::int from person_photos where file_id = ${fileId}) as photos`),
  );
  return { posters: Number(row?.posters ?? 0), avatars: Number(row?.avatars ?? 0), photos: Number(row?.photos ?? 0) };
}

/** Deletes the row and answers its key; undefined when there was none. */
export async function deleteFileRow(db: Database, fileId: number): Promise<string | undefined> {
  const [row] = await db.delete(file).where(eq(file.fileId, fileId)).returning({ key: file.key });
  return row?.key;
}

/** Every original key the database knows, for the storage clean-up. */
export async function findAllFileKeys(db: Database): Promise<Set<string>> {
  const rows = await db.select({ key: file.key }).from(file);
  return new Set(rows.map((r) => r.key));
}
