// Movie reads shared by every feature that shows movies (favorites, lists, people's filmographies).
import { eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { country, movie, person } from '../../db/schema.js';
import type { MovieSummary } from './movies.schemas.js';

/** Whole minutes of a duration; null stays null. */
export const durationMinutes = sql<number | null>`(extract(epoch from ${movie.duration}) / 60)::int`;

/** The summaries of the given movies, in no particular order; unknown ids are left out. */
export async function findMovieSummaries(db: Database, movieIds: number[]): Promise<MovieSummary[]> {
  if (movieIds.length === 0) return [];
  const rows = await db
    .select({
      id: movie.movieId,
      tmdbId: movie.tmdbId,
      title: movie.title,
      releaseDate: movie.releaseDate,
      durationMinutes,
      budget: sql<string | null>`${movie.budget}::text`,
      countryId: country.countryId,
      countryCode: country.code,
      countryName: country.name,
      directorId: person.personId,
      directorFirstName: person.firstName,
      directorLastName: person.lastName,
      genres: sql<{ id: number; name: string }[]>`coalesce((
        select json_agg(json_build_object('id', g.genre_id, 'name', g.genre_name) order by g.genre_name)
        from movie_genre mg join genre g on g.genre_id = mg.genre_id
        where mg.movie_id = ${movie.movieId}), '[]'::json)`,
      actorsCount: sql<number>`(
        select count(distinct ar.actor_id)::int from "character" ch
        join actor_roles ar on ar.character_id = ch.character_id where ch.movie_id = ${movie.movieId})`,
      favoritesCount: sql<number>`(select count(*)::int from favorite_movies f where f.movie_id = ${movie.movieId})`,
    })
    .from(movie)
    .leftJoin(country, eq(country.countryId, movie.countryId))
    .leftJoin(person, eq(person.personId, movie.directorId))
    .where(inArray(movie.movieId, movieIds));

  return rows.map((row) => ({
    id: row.id,
    tmdbId: row.tmdbId,
    title: row.title,
    releaseDate: row.releaseDate,
    durationMinutes: row.durationMinutes === null ? null : Number(row.durationMinutes),
    budget: row.budget === null ? null : Number(row.budget),
    poster: null,
    country:
      row.countryId === null ? null : { id: row.countryId, code: row.countryCode!, name: row.countryName! },
    director:
      row.directorId === null
        ? null
        : { id: row.directorId, firstName: row.directorFirstName!, lastName: row.directorLastName!, photo: null },
    genres: typeof row.genres === 'string' ? (JSON.parse(row.genres) as MovieSummary['genres']) : row.genres,
    actorsCount: Number(row.actorsCount),
    favoritesCount: Number(row.favoritesCount),
  }));
}

export async function movieExists(db: Database, movieId: number): Promise<boolean> {
  const [row] = await db.select({ id: movie.movieId }).from(movie).where(eq(movie.movieId, movieId));
  return row !== undefined;
}
