// Uploads: streamed to a temporary file (memory does not grow with the size), identified by
// content, measured from the header, resized, stored, then recorded. No half states: bytes stored
// without a row are removed, and no row is written unless every size was stored.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Principal } from '../../http/principal.js';
import type { Database } from '../../db/database.js';
import type { CreateRecord } from '../../db/idempotency.js';
import { databaseErrorCode } from '../../db/errors.js';
import { BadRequestError, ConflictError, ForbiddenError, notFound, PayloadTooLargeError, UnprocessableError } from '../../errors.js';
import { type Storage, StorageError } from '../../storage/storage.js';
import type { Image } from './files.schemas.js';
import { countFileReferences, deleteFileRow, findFileOwner, findImage, insertFile } from './files.queries.js';
import { cleanFileName, identifyImage, measureImage, writeResizedCopies } from './image-processing.js';
import { allKeys, newOriginalKey, RESIZED_FORMAT, RESIZED_WIDTHS, resizedKey } from './image-sizes.js';

export interface UploadedPart {
  file: Readable;
  filename: string;
  mimetype: string;
}

/** What a route that takes an image received: a new upload, or the id of a file uploaded before. */
export type ImageInput = { kind: 'upload'; part: UploadedPart } | { kind: 'file'; fileId: number };

export interface FileServiceOptions {
  db: Database;
  storage: Storage;
  tmpDir: string;
  maxUploadBytes: number;
  imageMaxPixels: number;
  log?: FastifyBaseLogger;
}

/** Runs tasks one at a time, in order of arrival. */
function createQueue() {
  let tail: Promise<unknown> = Promise.resolve();
  return {
    run<T>(task: () => Promise<T>): Promise<T> {
      const result = tail.then(task, task);
      tail = result.catch(() => undefined);
      return result;
    },
  };
}

const imageQueue = createQueue();

export function createFileService({ db, storage, tmpDir, maxUploadBytes, imageMaxPixels, log }: FileServiceOptions) {
  async function removeStored(keys: string[]): Promise<void> {
    for (const key of keys) {
      // A failure here leaves an orphan for `moviedb files gc`, never a broken row.
      await storage.delete(key).catch((err: unknown) => log?.warn({ err, key }, 'could not remove a stored object'));
    }
  }

  async function requireImage(fileId: number, tx: Database = db): Promise<Image> {
    const image = await findImage(tx, fileId);
    if (!image) throw notFound('file', fileId);
    return image;
  }

  return {
    requireImage,

    async readFile(principal: Principal, fileId: number): Promise<Image> {
      const owner = await findFileOwner(db, fileId);
      const mayRead = owner && (owner.uploadedBy === principal.userId || principal.role !== 'user');
      if (!mayRead) throw notFound('file', fileId);
      return requireImage(fileId);
    },

    /** POST /files: stores an upload and answers its image, recorded with the request's key (`created`). */
    async uploadImage(part: UploadedPart, uploaderId: number, created?: CreateRecord): Promise<Image> {
      let image: Image | undefined;
      await this.upload(part, uploaderId, {
        created,
        inTransaction: async (tx, fileId) => {
          image = await requireImage(fileId, tx);
          await created?.record(tx, image);
        },
      });
      return image!;
    },

    /**
     * Stores an upload in every size and records it; answers the new file's id. `created` (a
     * request's Idempotency-Key) learns what was uploaded; `inTransaction` runs in the transaction
     * that records the file.
     */
    async upload(
      part: UploadedPart,
      uploaderId: number | null,
      {
        created,
        inTransaction,
      }: { created?: CreateRecord | undefined; inTransaction?: (tx: Database, fileId: number) => Promise<void> } = {},
    ): Promise<number> {
      const work = path.join(tmpDir, randomUUID());
      await mkdir(work, { recursive: true });
      const stored: string[] = [];
      try {
        const original = path.join(work, 'upload');
        const hash = createHash('sha256');
        let size = 0;
        const measure = new Transform({
          transform(chunk: Buffer, _encoding, done) {
            size += chunk.length;
            hash.update(chunk);
            done(null, chunk);
          },
        });
        try {
          await pipeline(part.file, measure, createWriteStream(original));
        } catch (error) {
          if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge(maxUploadBytes);
          // The body ended early or is not well-formed multipart: the client's fault, not ours.
          if (!(error as NodeJS.ErrnoException).syscall)
            throw new BadRequestError(`The upload is incomplete or malformed: ${(error as Error).message}.`);
          // The disk under DATA_DIR/tmp (full, say).
          throw new StorageError('keep an upload while it is processed', error);
        }
        if ((part.file as Readable & { truncated?: boolean }).truncated) throw tooLarge(maxUploadBytes);
        const sha256 = hash.digest('hex');
        created?.describeUpload(`${sha256} ${part.mimetype} ${part.filename}`);

        const type = await identifyImage(original, part.mimetype, part.filename);
        const { width, height } = await measureImage(original, imageMaxPixels);
        const key = newOriginalKey(type.extension);
        const resized = Object.entries(RESIZED_WIDTHS).map(([name, maxWidth]) => ({
          key: resizedKey(key, name as keyof typeof RESIZED_WIDTHS),
          path: path.join(work, `${name}.${RESIZED_FORMAT.extension}`),
          width: maxWidth,
        }));
        // One image decoded at a time in this process: memory stays bounded however many arrive.
        await imageQueue.run(() => writeResizedCopies(original, resized, imageMaxPixels));

        for (const [objectKey, source, contentType] of [
          [key, original, type.mimeType],
          ...resized.map((copy) => [copy.key, copy.path, RESIZED_FORMAT.mimeType]),
        ] as [string, string, string][]) {
          stored.push(objectKey);
          await storage.put(objectKey, createReadStream(source), contentType);
        }

        const fileId = await db.transaction(async (tx) => {
          const inserted = await insertFile(tx, {
            fileName: cleanFileName(part.filename, type.extension),
            mimeType: type.mimeType,
            key,
            publicUrl: storage.publicUrl(key),
            sizeBytes: size,
            sha256,
            width,
            height,
            uploadedBy: uploaderId,
          });
          await inTransaction?.(tx, inserted);
          return inserted;
        });
        stored.length = 0;
        return fileId;
      } finally {
        await removeStored(stored);
        await rm(work, { recursive: true, force: true });
      }
    },

    /**
     * Attaches an image (a new upload, or a file uploaded before) through `apply`, which answers
     * the file it replaced. The replaced file goes if nothing else uses it; a new upload goes if
     * the attaching fails.
     */
    async attach<T>(
      input: ImageInput,
      principal: Principal,
      { anyUploader, created }: { anyUploader: boolean; created?: CreateRecord | undefined },
      apply: (fileId: number) => Promise<{ replaced: number | null | undefined; result: T }>,
    ): Promise<T> {
      let fileId: number;
      if (input.kind === 'upload') {
        fileId = await this.upload(input.part, principal.userId, { created });
      } else {
        const owner = await findFileOwner(db, input.fileId);
        if (!owner) {
          throw new UnprocessableError(`No file with id ${input.fileId}.`, [{ in: 'body', field: 'fileId', message: 'names no file' }]);
        }
        if (!anyUploader && owner.uploadedBy !== principal.userId && principal.role !== 'admin') {
          throw new ForbiddenError('That file was uploaded by someone else.');
        }
        fileId = input.fileId;
      }
      let outcome: { replaced: number | null | undefined; result: T };
      try {
        outcome = await apply(fileId);
      } catch (error) {
        if (input.kind === 'upload') await this.removeFile(fileId);
        throw error;
      }
      if (outcome.replaced && outcome.replaced !== fileId) await this.removeIfUnused(outcome.replaced);
      return outcome.result;
    },

    async deleteFile(principal: Principal, fileId: number): Promise<void> {
      const owner = await findFileOwner(db, fileId);
      if (!owner) throw notFound('file', fileId);
      if (owner.uploadedBy !== principal.userId && principal.role !== 'admin') {
        throw new ForbiddenError('Only the uploader or an admin may delete a file.');
      }
      const uses = await countFileReferences(db, fileId);
      if (uses.posters + uses.avatars + uses.photos > 0) {
        throw new ConflictError(
          `The file is in use (${uses.posters} poster(s), ${uses.avatars} avatar(s), ${uses.photos} photo(s)): detach it first.`,
        );
      }
      // Attached by someone else in the meantime: it stays.
      if (!(await this.removeFile(fileId))) throw new ConflictError('The file was just put to use: detach it first.');
    },

    /** Removes the row and the bytes; a file still referred to stays (answers false). */
    async removeFile(fileId: number): Promise<boolean> {
      let key: string | undefined;
      try {
        key = await deleteFileRow(db, fileId);
      } catch (error) {
        if (['23503', '23001'].includes(databaseErrorCode(error) ?? '')) return false;
        throw error;
      }
      if (key) await removeStored(allKeys(key));
      return key !== undefined;
    },

    /** After a poster, avatar or photo was replaced or removed: the old file goes if nothing else uses it. */
    async removeIfUnused(fileId: number | null | undefined): Promise<void> {
      // The foreign keys refuse to delete a file still in use, so trying is the whole check.
      if (fileId) await this.removeFile(fileId);
    },
  };
}

export type FileService = ReturnType<typeof createFileService>;

function tooLarge(maxUploadBytes: number): PayloadTooLargeError {
  return new PayloadTooLargeError(`The file is larger than ${maxUploadBytes / 1024 / 1024} MB (MAX_UPLOAD_MB).`);
}
