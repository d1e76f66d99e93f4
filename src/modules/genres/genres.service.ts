import type { Database } from '../../db/database.js';
import type { CreateRecord } from '../../db/idempotency.js';
import { type Page, pageWindow } from '../../http/pagination.js';
import { violatedUniqueConstraint } from '../../db/errors.js';
import { ConflictError, notFound } from '../../errors.js';
import { countGenres, deleteGenre, findGenres, insertGenre, updateGenre } from './genres.queries.js';
import type { Genre, GenreListQuery } from './genres.schemas.js';

function nameTaken(error: unknown): ConflictError | undefined {
  if (violatedUniqueConstraint(error) !== 'genre_genre_name_key') return undefined;
  return new ConflictError('A genre with that name exists.', [{ in: 'body', field: 'name', message: 'is taken' }]);
}

export function createGenreService({ db }: { db: Database }) {
  return {
    async listGenres(query: GenreListQuery): Promise<Page<Genre>> {
      const [items, total] = await Promise.all([findGenres(db, pageWindow(query)), countGenres(db)]);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },

    async createGenre(name: string, created?: CreateRecord): Promise<Genre> {
      try {
        return await db.transaction(async (tx) => {
          const genre = await insertGenre(tx, name.trim());
          await created?.record(tx, genre);
          return genre;
        });
      } catch (error) {
        throw nameTaken(error) ?? error;
      }
    },

    async renameGenre(genreId: number, name: string): Promise<Genre> {
      let renamed: Genre | undefined;
      try {
        renamed = await updateGenre(db, genreId, name.trim());
      } catch (error) {
        throw nameTaken(error) ?? error;
      }
      if (!renamed) throw notFound('genre', genreId);
      return renamed;
    },

    /** The genre leaves every movie it was on. */
    async deleteGenre(genreId: number): Promise<void> {
      if (!(await deleteGenre(db, genreId))) throw notFound('genre', genreId);
    },
  };
}

export type GenreService = ReturnType<typeof createGenreService>;
