// Movie lists: the sorts (each served by an index), the order of a search, and a page of summaries
// with its count.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { executePlannedEachTime, rowsOf } from '../../db/database.js';
import { RATING_VOTE_FLOOR } from '../../db/schema.js';
import { whereClause } from '../../db/sql.js';
import { type ListOrder, type PageRows, type SortColumn, findPage } from '../../db/keyset.js';
import type { CursorPosition } from '../../db/keyset.js';
import { type SearchText, type SearchedTable, searchScore } from '../../db/search-text.js';
import { MOVIE_SEARCH_COLUMNS } from './movie-conditions.queries.js';
import { findMovieSummaries, normalizeMovie } from './movie-summaries.queries.js';
import type { MovieSummary, MOVIE_SORTS } from './movies.schemas.js';

/** The average of a movie with enough votes, else null; movie_rated_idx indexes the same expression. */
const ratedAverage = sql`(case when m.vote_count >= ${sql.raw(String(RATING_VOTE_FLOOR))} then m.vote_average end)`;

export type MovieSortKey = (typeof MOVIE_SORTS)[number];

// Each sort has an index on (column, movie_id): a page, at any depth, is one index range.
const SORT_COLUMNS: Record<MovieSortKey, Omit<SortColumn, 'descending'> & { nullable: boolean }> = {
  title: { value: sql`m.title_key collate "C"`, type: 'text', nullable: false },
  releaseDate: { value: sql`m.release_date`, type: 'date', nullable: true },
  budget: { value: sql`m.budget`, type: 'numeric', nullable: true },
  duration: { value: sql`m.duration`, type: 'interval', nullable: true },
  // TMDB's popularity where the movie has one, else favorites with votes breaking ties (db/schema/movies.ts).
  popularity: { value: sql`m.popularity_score`, type: 'float8', nullable: false },
  createdAt: { value: sql`m.created_at`, type: 'timestamptz', nullable: false },
  // The rating counts only with enough votes behind it (the expression of movie_rated_idx).
  voteAverage: { value: ratedAverage, type: 'numeric', nullable: true },
  voteCount: { value: sql`m.vote_count`, type: 'integer', nullable: true },
  revenue: { value: sql`m.revenue`, type: 'numeric', nullable: true },
};

/** A sort by one field; unknown values (no date, no budget) come last either way; ids break ties. */
export function movieOrder(key: MovieSortKey, descending: boolean): ListOrder {
  const { nullable, ...column } = SORT_COLUMNS[key];
  return { columns: [{ ...column, descending }], nullable, id: sql`m.movie_id` };
}

/** By relevance to a search: its score (the kind of match, how well known the movie is; docs/search.md). */
export function movieRelevanceOrder(text: SearchText): ListOrder {
  return {
    columns: [{ value: searchScore(MOVIE_SEARCH_COLUMNS, text), type: 'float8', descending: true }],
    nullable: false,
    id: sql`m.movie_id`,
  };
}

/** Movies as lists read and search them (see searchListSource). */
export const MOVIE_SEARCH: SearchedTable = {
  name: 'movie',
  alias: 'm',
  id: sql`m.movie_id`,
  columns: MOVIE_SEARCH_COLUMNS,
};
export async function findMoviePage(
  db: Database,
  source: SQL,
  conditions: SQL[],
  order: ListOrder,
  window: { limit: number; offset?: number; after?: CursorPosition | undefined },
): Promise<PageRows<MovieSummary>> {
  const page = await findPage<MovieSummary | string>(db, {
    from: source,
    conditions,
    order,
    documents: (ids) => findMovieSummaries(db, ids),
    ...window,
  });
  return { documents: page.documents.map((doc) => normalizeMovie(doc)), next: page.next };
}

export async function countMovies(db: Database, source: SQL, conditions: SQL[]): Promise<number> {
  const [row] = rowsOf<{ total: number }>(
    await executePlannedEachTime(db, sql`select count(*)::int as total from ${source} ${whereClause(conditions)}`),
  );
  return Number(row?.total ?? 0);
}
