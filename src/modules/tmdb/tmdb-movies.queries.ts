// One movie in TMDB's shapes: its details, credits, keywords, images and release dates, each one
// statement over the movie's own id (resolved from the /3 id first).
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { fixedStatement, jsonValue, rowsOf } from '../../db/database.js';
import { type IdTable, ID_COLUMNS, NATIVE_ID_OFFSET, matchesShownId, shownGenreId, shownId } from './tmdb-ids.js';
import { imagePath, movieNumbers, movieResultJson, personResultFields, posterPath, runtime } from './tmdb-json.queries.js';

type Json = Record<string, unknown>;

/** The own id of the row a /3 id names, or undefined. */
export async function findOwnId(db: Database, table: IdTable, id: number): Promise<number | undefined> {
  const column = ID_COLUMNS[table];
  const [row] = rowsOf<{ id: number }>(
    await db.execute(sql`select ${sql.raw(`t.${column}`)} as id from ${sql.raw(table)} t where ${matchesShownId('t', column, id)}`),
  );
  return row === undefined ? undefined : Number(row.id);
}

const STATUS_NAMES = sql.raw(`(case m.status when 'rumored' then 'Rumored' when 'planned' then 'Planned'
  when 'in_production' then 'In Production' when 'post_production' then 'Post Production'
  when 'released' then 'Released' when 'canceled' then 'Canceled' else '' end)`);

/** TMDB's movie details of the movie row `m` (country `c` joined). */
const movieDetailsFields = sql`
  'adult', false,
  'backdrop_path', null,
  'belongs_to_collection', null,
  'budget', coalesce(round(m.budget)::bigint, 0),
  'genres', coalesce((select json_agg(json_build_object('id', ${shownGenreId('g')}, 'name', g.genre_name) order by g.genre_name)
    from genre g where g.genre_id = any(m.genre_ids)), '[]'::json),
  'homepage', coalesce(m.homepage, ''),
  'id', ${shownId('m', 'movie_id')},
  'imdb_id', null,
  'origin_country', case when c.code is null then '[]'::json else json_build_array(c.code) end,
  'original_language', coalesce(m.original_language, ''),
  'original_title', coalesce(m.original_title, m.title),
  'overview', coalesce(m.description, ''),
  'popularity', ${movieNumbers.popularity},
  'poster_path', ${posterPath('m')},
  'production_companies', coalesce((
    select json_agg(json_build_object('id', ${shownId('co', 'company_id')}, 'logo_path', null, 'name', co.name,
      'origin_country', coalesce(oc.code, '')) order by mco.position)
    from movie_company mco join company co on co.company_id = mco.company_id
    left join country oc on oc.country_id = co.origin_country_id where mco.movie_id = m.movie_id), '[]'::json),
  'production_countries', coalesce((
    select json_agg(json_build_object('iso_3166_1', pc.code, 'name', pc.name) order by mc.position)
    from movie_country mc join country pc on pc.country_id = mc.country_id where mc.movie_id = m.movie_id), '[]'::json),
  'release_date', coalesce(m.release_date::text, ''),
  'revenue', coalesce(round(m.revenue)::bigint, 0),
  'runtime', ${runtime},
  'spoken_languages', coalesce((
    select json_agg(json_build_object('english_name', l.name, 'iso_639_1', l.code, 'name', l.name) order by ml.position)
    from movie_language ml join language l on l.code = ml.language_code where ml.movie_id = m.movie_id), '[]'::json),
  'status', ${STATUS_NAMES},
  'tagline', coalesce(m.tagline, ''),
  'title', m.title,
  'video', false,
  'vote_average', ${movieNumbers.voteAverage},
  'vote_count', coalesce(m.vote_count, 0)`;

/** The credits of the movie row `m`, as TMDB's {cast, crew}. */
const creditsOf = () => sql`json_build_object(
    'cast', coalesce((select json_agg(doc) from (${CAST} where ch.movie_id = m.movie_id
      order by ch.billing_order asc nulls last, ch.character_id) cast_rows), '[]'::json),
    'crew', coalesce((select json_agg(doc) from (${CREW} where cc.movie_id = m.movie_id
      order by cc.department_id, cc.job collate "C", cp.sort_key collate "C", cc.credit_id) crew_rows), '[]'::json))`;

/**
 * The movie a /3 id names (a TMDB id among imported movies, NATIVE_ID_OFFSET + its own id among the
 * others: both forms in one text, so that it stays one prepared statement), its details, and its
 * credits when asked: the most common /3 read in one statement, sent as PostgreSQL built it.
 */
const MOVIE_DOCUMENT = fixedStatement(
  (value) => sql`select m.movie_id as own, m.genre_ids as "genreIds", m.keyword_ids as "keywordIds",
      json_build_object(${movieDetailsFields})::text as doc,
      (case when ${value('withCredits')}::boolean then ${creditsOf()} end)::text as credits
    from movie m left join country c on c.country_id = m.country_id
    where m.tmdb_id = ${value('id')}::bigint
      or (m.tmdb_id is null and m.movie_id = ${value('id')}::bigint - ${sql.raw(String(NATIVE_ID_OFFSET))})`,
);

export interface TmdbMovieDocument {
  /** moviedb's own id of the movie. */
  own: number;
  /** What its similar movies and recommendations are chosen by. */
  topics: MovieTopics;
  /** Its details as JSON text. */
  doc: string;
  /** Its credits as JSON text, when asked for. */
  credits: string | null;
}

/** The movie a /3 id names, in TMDB's shape, with its credits when `withCredits`; undefined when none. */
export async function findTmdbMovieDocument(db: Database, id: number, withCredits: boolean): Promise<TmdbMovieDocument | undefined> {
  const [row] = await MOVIE_DOCUMENT<{ own: number; doc: string; credits: string | null } & MovieTopics>(db, { id, withCredits });
  if (row === undefined) return undefined;
  return { own: Number(row.own), topics: topicsOf(row), doc: row.doc, credits: row.credits };
}

const MOVIE_DETAILS = fixedStatement(
  (value) => sql`select json_build_object(${movieDetailsFields})::text as doc
    from movie m left join country c on c.country_id = m.country_id where m.movie_id = ${value('movieId')}`,
);

/** The movie's details as JSON text, built by PostgreSQL. */
export async function findTmdbMovieJson(db: Database, movieId: number): Promise<string | undefined> {
  const [row] = await MOVIE_DETAILS<{ doc: string }>(db, { movieId });
  return row?.doc;
}

/** The movie created last in moviedb or imported last: TMDB's "latest". */
export async function findLatestMovieId(db: Database): Promise<number | undefined> {
  const [row] = rowsOf<{ id: number }>(
    await db.execute(sql`select movie_id as id from movie order by created_at desc, movie_id desc limit 1`),
  );
  return row === undefined ? undefined : Number(row.id);
}

/** In credits, a crew member who does not act is known for the department of this credit. */
const CAST = sql`select json_build_object(${personResultFields('a')},
    'cast_id', ch.character_id, 'character', coalesce(ch.name, ''), 'credit_id', 'cast' || ch.character_id,
    'order', (row_number() over (order by ch.billing_order asc nulls last, ch.character_id) - 1)::int) as doc
  from "character" ch join person a on a.person_id = ch.actor_id`;
const CREW = sql`select json_build_object(${personResultFields('cp', sql`dep.name`)},
    'credit_id', 'crew' || cc.credit_id, 'department', dep.name, 'job', cc.job) as doc
  from crew_credit cc join person cp on cp.person_id = cc.person_id join department dep on dep.department_id = cc.department_id`;

const MOVIE_CREDITS = fixedStatement((value) => sql`select ${creditsOf()} as credits from movie m where m.movie_id = ${value('movieId')}`);

export async function findTmdbMovieCredits(db: Database, movieId: number): Promise<{ cast: Json[]; crew: Json[] }> {
  const [row] = await MOVIE_CREDITS<{ credits: { cast: Json[]; crew: Json[] } | string }>(db, { movieId });
  return row === undefined ? { cast: [], crew: [] } : jsonValue(row.credits);
}

export async function findTmdbMovieKeywords(db: Database, movieId: number): Promise<Json[]> {
  const rows = rowsOf<{ doc: Json }>(
    await db.execute(sql`select json_build_object('id', ${shownId('k', 'keyword_id')}, 'name', k.name) as doc
      from movie_keyword mk join keyword k on k.keyword_id = mk.keyword_id where mk.movie_id = ${movieId}
      order by k.name collate "C", k.keyword_id`),
  );
  return rows.map((r) => jsonValue(r.doc));
}

/** TMDB's image entry of the file row `f`; moviedb has no votes on images, nor their language. */
export const imageEntry = sql`json_build_object('aspect_ratio', case when f.height > 0 then round(f.width::numeric / f.height, 3)::float8 else 0 end,
  'height', coalesce(f.height, 0), 'iso_639_1', null, 'file_path', ${imagePath('f')}, 'vote_average', 0, 'vote_count', 0,
  'width', coalesce(f.width, 0))`;

export async function findTmdbMoviePosters(db: Database, movieId: number): Promise<Json[]> {
  const rows = rowsOf<{ doc: Json }>(
    await db.execute(
      sql`select ${imageEntry} as doc from movie m join file f on f.file_id = m.poster_file_id where m.movie_id = ${movieId}`,
    ),
  );
  return rows.map((r) => jsonValue(r.doc));
}

/** What release_dates can say: the release date and the US rating, in the US (the country the ratings are). */
export async function findReleaseFacts(
  db: Database,
  movieId: number,
): Promise<{ releaseDate: string | null; certification: string | null }> {
  const [row] = rowsOf<{ releaseDate: string | null; certification: string | null }>(
    await db.execute(sql`select release_date::text as "releaseDate", certification from movie where movie_id = ${movieId}`),
  );
  return row ?? { releaseDate: null, certification: null };
}

/** Movie results (TMDB's list item) by own id, in the order of the ids. */
const MOVIE_RESULTS = fixedStatement(
  (value) => sql`select ${movieResultJson} as doc
    from unnest(${value('ids')}::int[]) with ordinality as wanted(id, n)
    join movie m on m.movie_id = wanted.id order by wanted.n`,
);

export async function findMovieResults(db: Database, ids: number[]): Promise<Json[]> {
  const rows = await MOVIE_RESULTS<{ doc: Json | string }>(db, { ids });
  return rows.map((r) => jsonValue(r.doc));
}

/** The genres and keywords a movie's similar and recommended movies are chosen by. */
export interface MovieTopics {
  genreIds: number[];
  keywordIds: number[];
}

const topicsOf = (row: Partial<MovieTopics> | undefined): MovieTopics => ({
  genreIds: (row?.genreIds ?? []).map(Number),
  keywordIds: (row?.keywordIds ?? []).map(Number),
});

export async function findMovieTopics(db: Database, movieId: number): Promise<MovieTopics> {
  const [row] = rowsOf<MovieTopics>(
    await db.execute(sql`select genre_ids as "genreIds", keyword_ids as "keywordIds" from movie where movie_id = ${movieId}`),
  );
  return topicsOf(row);
}
