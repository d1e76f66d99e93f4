// The movie summary every list embeds (movies, a person's films, favorites, search), built as JSON
// in PostgreSQL, and the one place numeric fields become numbers.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { fixedStatement, jsonValue } from '../../db/database.js';
import { wholeMinutes } from '../../db/sql.js';
import { imageOfFileId, personRefJson } from '../files/image-sizes.js';
import type { MovieSummary } from './movies.schemas.js';

/** The summary of the movie row aliased `m` (country `c` and director `d` joined by movieSources). */
export const summaryFields = sql`
  'id', m.movie_id,
  'tmdbId', m.tmdb_id,
  'title', m.title,
  'releaseDate', m.release_date,
  'durationMinutes', ${wholeMinutes(sql`m.duration`)},
  'budget', m.budget,
  'poster', ${imageOfFileId(sql`m.poster_file_id`)},
  'country', case when c.country_id is null then null
    else json_build_object('id', c.country_id, 'code', c.code, 'name', c.name) end,
  'director', ${personRefJson('d')},
  'genres', coalesce((
    select json_agg(json_build_object('id', g.genre_id, 'name', g.genre_name) order by g.genre_name)
    from genre g where g.genre_id = any(m.genre_ids)), '[]'::json),
  'actorsCount', m.actors_count,
  'favoritesCount', m.favorites_count,
  'originalTitle', m.original_title,
  'originalLanguage', m.original_language,
  'voteAverage', m.vote_average,
  'voteCount', m.vote_count,
  'popularity', m.popularity`;

export const movieSummaryJson = sql`json_build_object(${summaryFields})`;

/** `movie m` with its country `c` and director `d`, as movieSummaryJson expects. */
export const movieSources = sql`movie m
  left join country c on c.country_id = m.country_id
  left join person d on d.person_id = m.director_id`;

/** JSON numbers may arrive as strings from numeric columns on some drivers; budgets, ratings and revenue are numbers. */
export function normalizeMovie<T extends MovieSummary & { revenue?: number | null }>(doc: T | string): T {
  const movie = jsonValue(doc);
  if (movie.budget !== null) movie.budget = Number(movie.budget);
  if (movie.voteAverage !== null) movie.voteAverage = Number(movie.voteAverage);
  // Only a movie page has the revenue.
  if (movie.revenue != null) movie.revenue = Number(movie.revenue);
  return movie;
}

const MOVIE_SUMMARIES = fixedStatement(
  (value) => sql`select ${movieSummaryJson} as doc
    from unnest(${value('ids')}::int[]) with ordinality as wanted(id, n)
    join ${movieSources} on m.movie_id = wanted.id
    order by wanted.n`,
);

/** Movie summaries by id, in the order of the ids. */
export async function findMovieSummaries(db: Database, ids: number[]): Promise<MovieSummary[]> {
  const rows = await MOVIE_SUMMARIES<{ doc: MovieSummary }>(db, { ids });
  return rows.map((row) => normalizeMovie(row.doc));
}
