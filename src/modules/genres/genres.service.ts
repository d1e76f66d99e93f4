import type { Database } from '../../db/database.js';
import { type Page, pageWindow } from '../../http/pagination.js';
import { countGenres, findGenres } from './genres.queries.js';
import type { Genre, GenreListQuery } from './genres.schemas.js';

export function createGenreService({ db }: { db: Database }) {
  return {
    async listGenres(query: GenreListQuery): Promise<Page<Genre>> {
      const [items, total] = await Promise.all([findGenres(db, pageWindow(query)), countGenres(db)]);
      return { items, total, page: query.page, pageSize: query.pageSize };
    },
  };
}

export type GenreService = ReturnType<typeof createGenreService>;
