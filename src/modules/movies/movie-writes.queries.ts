// Movie writes: the row, its poster, and the lists it links to (genres, countries, languages,
// keywords, companies).
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { movie, movieGenre, type movieStatusEnum } from '../../db/schema.js';
import { intArray, textArray } from '../../db/sql.js';

export interface MovieValues {
  title?: string;
  description?: string | null;
  budget?: number | null;
  releaseDate?: string | null;
  durationMinutes?: number | null;
  directorId?: number | null;
  countryId?: number | null;
  tmdbId?: number | null;
  originalTitle?: string | null;
  originalLanguage?: string | null;
  tagline?: string | null;
  certification?: string | null;
  status?: (typeof movieStatusEnum.enumValues)[number] | null;
  homepage?: string | null;
  revenue?: number | null;
  voteAverage?: number | null;
  voteCount?: number | null;
  popularity?: number | null;
}

const decimal = (value: number | null | undefined, digits: number) =>
  value === undefined ? undefined : value === null ? null : value.toFixed(digits);

function movieColumns(values: MovieValues) {
  const { durationMinutes, budget, revenue, voteAverage, ...rest } = values;
  return {
    ...rest,
    ...(budget !== undefined ? { budget: decimal(budget, 2) } : {}),
    ...(revenue !== undefined ? { revenue: decimal(revenue, 2) } : {}),
    ...(voteAverage !== undefined ? { voteAverage: decimal(voteAverage, 1) } : {}),
    ...(durationMinutes !== undefined
      ? { duration: durationMinutes === null ? null : sql`make_interval(mins => ${durationMinutes})` }
      : {}),
  };
}

export async function insertMovie(tx: Database, values: MovieValues & { title: string }): Promise<number> {
  const [row] = await tx
    .insert(movie)
    .values(movieColumns(values) as typeof movie.$inferInsert)
    .returning({ id: movie.movieId });
  return row!.id;
}

export async function updateMovie(tx: Database, movieId: number, values: MovieValues): Promise<boolean> {
  const columns = movieColumns(values);
  // Even a change of genres alone moves updated_at: the movie changed.
  const rows = await tx
    .update(movie)
    .set({ ...columns, updatedAt: sql`now()` })
    .where(eq(movie.movieId, movieId))
    .returning({ id: movie.movieId });
  return rows.length > 0;
}

export async function replaceMovieGenres(tx: Database, movieId: number, genreIds: number[]): Promise<void> {
  await tx.delete(movieGenre).where(eq(movieGenre.movieId, movieId));
  if (genreIds.length) await tx.insert(movieGenre).values([...new Set(genreIds)].map((genreId) => ({ movieId, genreId })));
}

export async function deleteMovie(tx: Database, movieId: number): Promise<boolean> {
  const rows = await tx.delete(movie).where(eq(movie.movieId, movieId)).returning({ id: movie.movieId });
  return rows.length > 0;
}

/** Sets (or clears) the poster; answers the one it replaced, or undefined when there is no such movie. */
export async function setMoviePoster(
  tx: Database,
  movieId: number,
  fileId: number | null,
): Promise<{ replaced: number | null } | undefined> {
  const [before] = await tx.select({ poster: movie.posterFileId }).from(movie).where(eq(movie.movieId, movieId)).for('update');
  if (!before) return undefined;
  await tx.update(movie).set({ posterFileId: fileId }).where(eq(movie.movieId, movieId));
  return { replaced: before.poster };
}

/**
 * Makes the movie's production countries exactly the list. movie.country_id is already the first
 * (the caller set it, and the movie_country_head trigger put it at position 0); this writes the rest.
 */
export async function replaceMovieCountries(tx: Database, movieId: number, countryIds: number[]): Promise<void> {
  await tx.execute(sql`delete from movie_country where movie_id = ${movieId} and position > 0`);
  const rest = countryIds.slice(1);
  if (rest.length) {
    await tx.execute(sql`insert into movie_country (movie_id, country_id, position)
      select ${movieId}, wanted.id, wanted.n from unnest(${intArray(rest)}) with ordinality as wanted(id, n)`);
  }
}

// The lists are written as differences: links that stay are left alone, so that saving a movie
// whose keywords did not change does not take and give back every keyword's count (0016's
// triggers), which would make a common keyword's row a point every editor waits on.

export async function replaceMovieLanguages(tx: Database, movieId: number, codes: string[]): Promise<void> {
  await tx.execute(sql`delete from movie_language where movie_id = ${movieId} and language_code <> all(${textArray(codes)})`);
  if (codes.length) {
    await tx.execute(sql`insert into movie_language (movie_id, language_code, position)
      select ${movieId}, wanted.code, wanted.n - 1 from unnest(${textArray(codes)}) with ordinality as wanted(code, n)
      on conflict (movie_id, language_code) do update set position = excluded.position
      where movie_language.position <> excluded.position`);
  }
}

export async function replaceMovieKeywords(tx: Database, movieId: number, keywordIds: number[]): Promise<void> {
  await tx.execute(sql`delete from movie_keyword where movie_id = ${movieId} and keyword_id <> all(${intArray(keywordIds)})`);
  if (keywordIds.length) {
    await tx.execute(sql`insert into movie_keyword (movie_id, keyword_id)
      select ${movieId}, id from unnest(${intArray(keywordIds)}) as wanted(id) on conflict do nothing`);
  }
}

export async function replaceMovieCompanies(tx: Database, movieId: number, companyIds: number[]): Promise<void> {
  await tx.execute(sql`delete from movie_company where movie_id = ${movieId} and company_id <> all(${intArray(companyIds)})`);
  if (companyIds.length) {
    await tx.execute(sql`insert into movie_company (movie_id, company_id, position)
      select ${movieId}, wanted.id, wanted.n - 1 from unnest(${intArray(companyIds)}) with ordinality as wanted(id, n)
      on conflict (movie_id, company_id) do update set position = excluded.position
      where movie_company.position <> excluded.position`);
  }
}

/** The language codes among these that the catalogue does not have. */
export async function findMissingLanguages(tx: Database, codes: string[]): Promise<string[]> {
  if (codes.length === 0) return [];
  const rows = rowsOf<{ code: string }>(
    await tx.execute(sql`select w.code from unnest(${textArray(codes)}) as w(code)
      where not exists (select 1 from language l where l.code = w.code)`),
  );
  return rows.map((row) => row.code);
}
