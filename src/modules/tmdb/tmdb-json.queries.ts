// The pieces of TMDB's shapes, built as JSON in PostgreSQL: a movie as lists show it, a person as
// lists show them, image paths. Unknown numbers are 0 and unknown text "", as TMDB answers them.
import { type SQL, sql } from 'drizzle-orm';
import { wholeMinutes } from '../../db/sql.js';
import { shownGenreId, shownId } from './tmdb-ids.js';

/** The /3 path of the file row aliased `alias` (`/<uuid>.<ext>`), which the image route resolves; null without one. */
export function imagePath(alias: string): SQL {
  const key = sql.raw(`${alias}.key`);
  return sql`(case when ${key} ~ '^images/[0-9a-f-]+/original\\.[a-z0-9]+$'
    then '/' || regexp_replace(${key}, '^images/([0-9a-f-]+)/original\\.([a-z0-9]+)$', '\\1.\\2') end)`;
}

/** The poster path of the movie row aliased `alias`. */
export const posterPath = (alias: string): SQL =>
  sql`(select ${imagePath('pf')} from file pf where pf.file_id = ${sql.raw(alias)}.poster_file_id)`;

/** The primary photo's path of the person row aliased `alias`. */
export const profilePath = (alias: string): SQL =>
  sql`(select ${imagePath('ppf')} from person_photos ppp join file ppf on ppf.file_id = ppp.file_id
    where ppp.photo_id = ${sql.raw(alias)}.photo_id)`;

/** TMDB's gender numbers: 0 not set, 1 female, 2 male, 3 non-binary. */
export const genderNumber = (alias: string): SQL =>
  sql.raw(`(case ${alias}.gender when 'female' then 1 when 'male' then 2 when 'non_binary' then 3 else 0 end)`);

/** "first last", or the one name. */
export const personName = (alias: string): SQL => sql.raw(`trim(${alias}.first_name || ' ' || ${alias}.last_name)`);

/**
 * What a person is known for: Acting when they act, else the department of most of their crew
 * credits; or, given `instead` (a credit's own department, cheaper in a long crew), that.
 */
export const knownForDepartment = (alias: string, instead?: SQL): SQL => {
  const p = sql.raw(alias);
  const otherwise =
    instead ??
    sql`coalesce((select kd.name from crew_credit kc join department kd on kd.department_id = kc.department_id
      where kc.person_id = ${p}.person_id group by kd.name order by count(*) desc, kd.name limit 1), 'Acting')`;
  return sql`(case when ${p}.movies_acted > 0 then 'Acting' else ${otherwise} end)`;
};

/** A person's popularity: TMDB has none for people in the data set, so their credits stand for it. */
export const personPopularity = (alias: string): SQL => sql.raw(`(${alias}.movies_acted + ${alias}.movies_directed)::float8`);

export const movieNumbers = {
  voteAverage: sql`coalesce(m.vote_average, 0)::float8`,
  popularity: sql`coalesce(m.popularity, 0)::float8`,
};

/** The fields of a movie in a list (TMDB's result item), of the movie row `m`. */
export const movieResultFields = sql`
  'adult', false,
  'backdrop_path', null,
  'genre_ids', coalesce((select json_agg(${shownGenreId('g')} order by g.genre_name) from genre g where g.genre_id = any(m.genre_ids)), '[]'::json),
  'id', ${shownId('m', 'movie_id')},
  'original_language', coalesce(m.original_language, ''),
  'original_title', coalesce(m.original_title, m.title),
  'overview', coalesce(m.description, ''),
  'popularity', ${movieNumbers.popularity},
  'poster_path', ${posterPath('m')},
  'release_date', coalesce(m.release_date::text, ''),
  'title', m.title,
  'video', false,
  'vote_average', ${movieNumbers.voteAverage},
  'vote_count', coalesce(m.vote_count, 0)`;

export const movieResultJson = sql`json_build_object(${movieResultFields})`;

/** The fields of a person in a list or a credit, of the person row aliased `alias`. */
export function personResultFields(alias: string, knownFor?: SQL): SQL {
  return sql`
  'adult', false,
  'gender', ${genderNumber(alias)},
  'id', ${shownId(alias, 'person_id')},
  'known_for_department', ${knownForDepartment(alias, knownFor)},
  'name', ${personName(alias)},
  'original_name', ${personName(alias)},
  'popularity', ${personPopularity(alias)},
  'profile_path', ${profilePath(alias)}`;
}

/** The movie's runtime in whole minutes, 0 when unknown. */
export const runtime = sql`coalesce(${wholeMinutes(sql`m.duration`)}, 0)`;
