// Movie reads and writes. Reads build their JSON in PostgreSQL, so that a movie page, however large
// its cast, is one statement, and a list is one statement plus its count.
import { type SQL, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { executePlannedEachTime, fixedStatement, jsonValue, rowsOf } from '../../db/database.js';
import { RATING_VOTE_FLOOR, movie, movieGenre, type movieStatusEnum } from '../../db/schema.js';
import { intArray, isoTimestamp, textArray, wholeMinutes, whereClause } from '../../db/sql.js';
import { imageOfFileId, personRefJson } from '../files/image-sizes.js';
import { type ListOrder, type PageRows, type SortColumn, findPage } from '../../db/keyset.js';
import type { CursorPosition } from '../../db/keyset.js';
import {
  type SearchColumns,
  type SearchText,
  type SearchedTable,
  matchCloseness,
  matchCondition,
  matchTier,
} from '../../db/search-text.js';
import { characterJson, characterOrder, characterSources } from '../characters/characters.queries.js';
import type { CrewCredit, MovieDetails, MovieSummary, MOVIE_SORTS } from './movies.schemas.js';

/** The average of a movie with enough votes, else null; movie_rated_idx indexes the same expression. */
const ratedAverage = sql`(case when m.vote_count >= ${sql.raw(String(RATING_VOTE_FLOOR))} then m.vote_average end)`;

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

const countryRefJson = (alias: string) => {
  const c = sql.raw(alias);
  return sql`json_build_object('id', ${c}.country_id, 'code', ${c}.code, 'name', ${c}.name)`;
};

/** Credits within a department (`cc` with its person `cp`): by job, then the person's name sort key. */
const crewOrderWithin = sql`cc.job collate "C", cp.sort_key collate "C", cc.credit_id`;

function movieDetailsStatement(withFavorite: boolean) {
  return fixedStatement(
    (value) => sql`
      select json_build_object(${summaryFields},
        'description', m.description,
        'tagline', m.tagline,
        'certification', m.certification,
        'status', m.status,
        'homepage', m.homepage,
        'revenue', m.revenue,
        'characters', coalesce((
          select json_agg(${characterJson} order by ${characterOrder})
          from ${characterSources} where ch.movie_id = m.movie_id), '[]'::json),
        'countries', coalesce((
          select json_agg(${countryRefJson('pc')} order by mc.position)
          from movie_country mc join country pc on pc.country_id = mc.country_id where mc.movie_id = m.movie_id), '[]'::json),
        'languages', coalesce((
          select json_agg(json_build_object('code', l.code, 'name', l.name) order by ml.position)
          from movie_language ml join language l on l.code = ml.language_code where ml.movie_id = m.movie_id), '[]'::json),
        'keywords', coalesce((
          select json_agg(json_build_object('id', k.keyword_id, 'name', k.name) order by k.name collate "C", k.keyword_id)
          from movie_keyword mk join keyword k on k.keyword_id = mk.keyword_id where mk.movie_id = m.movie_id), '[]'::json),
        'companies', coalesce((
          select json_agg(json_build_object('id', co.company_id, 'name', co.name,
              'originCountry', case when oc.country_id is null then null else ${countryRefJson('oc')} end) order by mco.position)
          from movie_company mco join company co on co.company_id = mco.company_id
          left join country oc on oc.country_id = co.origin_country_id
          where mco.movie_id = m.movie_id), '[]'::json),
        'crew', coalesce((
          select json_agg(json_build_object('department', json_build_object('id', g.department_id, 'name', g.name),
              'credits', g.credits) order by g.department_id)
          from (
            -- The movie's credits in one index range, grouped by department.
            select dep.department_id, dep.name,
              json_agg(json_build_object('id', cc.credit_id, 'job', cc.job, 'person', ${personRefJson('cp')}) order by ${crewOrderWithin}) as credits
            from crew_credit cc join person cp on cp.person_id = cc.person_id
            join department dep on dep.department_id = cc.department_id
            where cc.movie_id = m.movie_id
            group by dep.department_id, dep.name) g), '[]'::json),
        'createdAt', ${isoTimestamp(sql`m.created_at`)},
        'updatedAt', ${isoTimestamp(sql`m.updated_at`)}
        ${withFavorite ? sql`, 'isFavorite', exists (select 1 from favorite_movies f where f.movie_id = m.movie_id and f.user_id = ${value('userId')})` : sql``})::text as doc
      from ${movieSources}
      where m.movie_id = ${value('movieId')}`,
  );
}
const MOVIE_DETAILS = { anonymous: movieDetailsStatement(false), signedIn: movieDetailsStatement(true) };

/**
 * Everything about one movie in one statement, as the JSON text PostgreSQL built (GET /movies/{id}
 * sends it as it is); isFavorite only when a user is named.
 */
export async function findMovieDetailsJson(db: Database, movieId: number, userId?: number): Promise<string | undefined> {
  const rows =
    userId === undefined
      ? await MOVIE_DETAILS.anonymous<{ doc: string }>(db, { movieId })
      : await MOVIE_DETAILS.signedIn<{ doc: string }>(db, { movieId, userId });
  return rows[0]?.doc;
}

/** Everything about one movie, as an object. */
export async function findMovieDetails(db: Database, movieId: number, userId?: number): Promise<MovieDetails | undefined> {
  const json = await findMovieDetailsJson(db, movieId, userId);
  return json === undefined ? undefined : normalizeMovie(JSON.parse(json) as MovieDetails);
}

/** JSON numbers may arrive as strings from numeric columns on some drivers; budgets, ratings and revenue are numbers. */
export function normalizeMovie<T extends MovieSummary & { revenue?: number | null }>(doc: T | string): T {
  const movie = jsonValue(doc);
  if (movie.budget !== null) movie.budget = Number(movie.budget);
  if (movie.voteAverage !== null) movie.voteAverage = Number(movie.voteAverage);
  // Only a movie page has the revenue.
  if (movie.revenue != null) movie.revenue = Number(movie.revenue);
  return movie;
}

type IdList = { ids: number[]; mode: 'all' | 'any' };

export interface MovieFilter {
  genreIds?: { ids: number[]; mode: 'all' | 'any' } | undefined;
  withoutGenreIds?: number[] | undefined;
  countryId?: number | undefined;
  /** Any of the production countries, not only the first. */
  productionCountryId?: number | undefined;
  directorId?: number | undefined;
  cast?: { ids: number[]; mode: 'all' | 'any' } | undefined;
  releasedFrom?: string | undefined;
  releasedTo?: string | undefined;
  releasedWithinYears?: number | undefined;
  minDuration?: number | undefined;
  maxDuration?: number | undefined;
  minBudget?: number | undefined;
  maxBudget?: number | undefined;
  minRevenue?: number | undefined;
  maxRevenue?: number | undefined;
  minVoteCount?: number | undefined;
  minVoteAverage?: number | undefined;
  maxVoteAverage?: number | undefined;
  status?: MovieValues['status'] | undefined;
  originalLanguage?: string | undefined;
  tmdbId?: number | undefined;
  keywordIds?: IdList | undefined;
  companyIds?: IdList | undefined;
  languageCodes?: { codes: string[]; mode: 'all' | 'any' } | undefined;
  /** People with a crew credit on the movie, in that job when job is given. */
  crew?: (IdList & { job?: string | undefined }) | undefined;
  ids?: number[] | undefined;
  /** Matches the title (see db/search-text.ts). */
  text?: SearchText | undefined;
}

export const MOVIE_SEARCH_COLUMNS: SearchColumns = { key: sql`m.title_key`, document: sql`m.title_document` };

export interface ConditionOptions {
  /** False: the list reads the matches through searchListSource. */
  withText?: boolean;
}

/** The WHERE conditions of a movie filter over `movie m`. */
export function movieConditions(filter: MovieFilter, options: ConditionOptions = {}): SQL[] {
  const { withText = true } = options;
  const conditions: SQL[] = [];
  // movie.genre_ids answers every genre filter without a join, from the sort's index (see schema.ts).
  if (filter.genreIds) {
    const { ids, mode } = filter.genreIds;
    conditions.push(sql`m.genre_ids ${sql.raw(mode === 'any' ? '&&' : '@>')} ${intArray(ids)}`);
  }
  if (filter.withoutGenreIds?.length) conditions.push(sql`not (m.genre_ids && ${intArray(filter.withoutGenreIds)})`);
  if (filter.countryId !== undefined) conditions.push(sql`m.country_id = ${filter.countryId}`);
  if (filter.productionCountryId !== undefined) {
    conditions.push(
      sql`exists (select 1 from movie_country mc where mc.movie_id = m.movie_id and mc.country_id = ${filter.productionCountryId})`,
    );
  }
  if (filter.directorId !== undefined) conditions.push(sql`m.director_id = ${filter.directorId}`);
  // `,` asks for each of them (one condition each), `|` for any (one condition).
  const eachOrAny = <T>(values: T[], mode: 'all' | 'any', condition: (values: T[]) => SQL) => {
    if (mode === 'any') conditions.push(condition(values));
    else for (const value of values) conditions.push(condition([value]));
  };
  // movie.keyword_ids and company_ids, as genre_ids: on the default sort's index, or by their GIN
  // indexes for an id in few movies (the planner chooses by their statistics; see schema.ts).
  if (filter.keywordIds) {
    const { ids, mode } = filter.keywordIds;
    conditions.push(sql`m.keyword_ids ${sql.raw(mode === 'any' ? '&&' : '@>')} ${intArray(ids)}`);
  }
  if (filter.companyIds) {
    const { ids, mode } = filter.companyIds;
    conditions.push(sql`m.company_ids ${sql.raw(mode === 'any' ? '&&' : '@>')} ${intArray(ids)}`);
  }
  if (filter.languageCodes) {
    const { codes, mode } = filter.languageCodes;
    eachOrAny(
      codes,
      mode,
      (some) => sql`exists (select 1 from movie_language ml
      where ml.movie_id = m.movie_id and ml.language_code = any(${textArray(some)}))`,
    );
  }
  if (filter.crew) {
    const { ids, mode, job } = filter.crew;
    eachOrAny(
      ids,
      mode,
      (some) => sql`exists (select 1 from crew_credit cc
      where cc.movie_id = m.movie_id and cc.person_id = any(${intArray(some)})${job === undefined ? sql`` : sql` and cc.job = ${job}`})`,
    );
  }
  if (filter.cast) {
    const plays = (ids: number[]) => sql`exists (select 1 from "character" ch join actor_roles ar on ar.character_id = ch.character_id
      where ch.movie_id = m.movie_id and ar.actor_id = any(${intArray(ids)}))`;
    if (filter.cast.mode === 'any') conditions.push(plays(filter.cast.ids));
    else for (const id of filter.cast.ids) conditions.push(plays([id]));
  }
  if (filter.releasedFrom) conditions.push(sql`m.release_date >= ${filter.releasedFrom}::date`);
  if (filter.releasedTo) conditions.push(sql`m.release_date <= ${filter.releasedTo}::date`);
  if (filter.releasedWithinYears !== undefined) {
    conditions.push(sql`m.release_date between current_date - make_interval(years => ${filter.releasedWithinYears}) and current_date`);
  }
  if (filter.minDuration !== undefined) conditions.push(sql`m.duration >= make_interval(mins => ${filter.minDuration})`);
  if (filter.maxDuration !== undefined) conditions.push(sql`m.duration <= make_interval(mins => ${filter.maxDuration})`);
  if (filter.minBudget !== undefined) conditions.push(sql`m.budget >= ${filter.minBudget}`);
  if (filter.maxBudget !== undefined) conditions.push(sql`m.budget <= ${filter.maxBudget}`);
  if (filter.minRevenue !== undefined) conditions.push(sql`m.revenue >= ${filter.minRevenue}`);
  if (filter.maxRevenue !== undefined) conditions.push(sql`m.revenue <= ${filter.maxRevenue}`);
  if (filter.minVoteCount !== undefined) conditions.push(sql`m.vote_count >= ${filter.minVoteCount}`);
  if (filter.minVoteAverage !== undefined) conditions.push(sql`m.vote_average >= ${filter.minVoteAverage}`);
  if (filter.maxVoteAverage !== undefined) conditions.push(sql`m.vote_average <= ${filter.maxVoteAverage}`);
  if (filter.status !== undefined) conditions.push(sql`m.status = ${filter.status}::movie_status`);
  if (filter.originalLanguage !== undefined) conditions.push(sql`m.original_language = ${filter.originalLanguage}`);
  if (filter.tmdbId !== undefined) conditions.push(sql`m.tmdb_id = ${filter.tmdbId}`);
  if (filter.ids) conditions.push(sql`m.movie_id = any(${intArray(filter.ids)})`);
  // The list itself reads the matches through searchListSource; other lists filter here.
  if (filter.text && withText) conditions.push(matchCondition(MOVIE_SEARCH_COLUMNS, filter.text));
  return conditions;
}

export type MovieSortKey = (typeof MOVIE_SORTS)[number];

// Each sort has an index on (column, movie_id): a page, at any depth, is one index range.
const SORT_COLUMNS: Record<MovieSortKey, Omit<SortColumn, 'descending'> & { nullable: boolean }> = {
  title: { value: sql`m.title_key collate "C"`, type: 'text', nullable: false },
  releaseDate: { value: sql`m.release_date`, type: 'date', nullable: true },
  budget: { value: sql`m.budget`, type: 'numeric', nullable: true },
  duration: { value: sql`m.duration`, type: 'interval', nullable: true },
  // TMDB's popularity where the movie has one, else favorites with votes breaking ties (schema.ts).
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

/** By relevance to a search: match kind, closeness, then popularity, then the number of credits. */
export function movieRelevanceOrder(text: SearchText): ListOrder {
  return {
    columns: [
      { value: matchTier(MOVIE_SEARCH_COLUMNS, text), type: 'integer', descending: false },
      { value: matchCloseness(MOVIE_SEARCH_COLUMNS, text), type: 'numeric', descending: true },
      { value: sql`m.favorites_count`, type: 'integer', descending: true },
      // The people in the cast, kept on the row: counting characters here cost a read per match.
      { value: sql`m.actors_count`, type: 'integer', descending: true },
    ],
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
  popularity: sql`m.favorites_count`,
  textSort: 'title',
};

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

/** A crew credit as the CrewCredit schema has it, from `crew_credit cc` with its person `cp` and department `dep`. */
const crewCreditJson = sql`json_build_object('id', cc.credit_id, 'job', cc.job,
  'department', json_build_object('id', dep.department_id, 'name', dep.name), 'person', ${personRefJson('cp')})`;
const crewCreditSources = sql`crew_credit cc join person cp on cp.person_id = cc.person_id
  join department dep on dep.department_id = cc.department_id`;

/** A movie's crew, flat, in the order of the movie page: by department, job, then name. */
export async function findCrew(db: Database, movieId: number): Promise<CrewCredit[]> {
  const rows = rowsOf<{ doc: CrewCredit }>(
    await db.execute(sql`select ${crewCreditJson} as doc from ${crewCreditSources}
      where cc.movie_id = ${movieId} order by cc.department_id, ${crewOrderWithin}`),
  );
  return rows.map((row) => jsonValue(row.doc));
}

export async function findCrewCredit(db: Database, creditId: number): Promise<CrewCredit | undefined> {
  const [row] = rowsOf<{ doc: CrewCredit }>(
    await db.execute(sql`select ${crewCreditJson} as doc from ${crewCreditSources} where cc.credit_id = ${creditId}`),
  );
  return row && jsonValue(row.doc);
}

/** Adds a credit; undefined when the movie has that very credit already. */
export async function insertCrewCredit(
  tx: Database,
  movieId: number,
  credit: { personId: number; departmentId: number; job: string },
): Promise<number | undefined> {
  const [row] = rowsOf<{ id: number }>(
    await tx.execute(sql`insert into crew_credit (movie_id, person_id, department_id, job)
      values (${movieId}, ${credit.personId}, ${credit.departmentId}, ${credit.job})
      on conflict (movie_id, person_id, department_id, job) do nothing returning credit_id as id`),
  );
  return row && Number(row.id);
}

export async function deleteCrewCredit(tx: Database, movieId: number, creditId: number): Promise<boolean> {
  const rows = rowsOf(
    await tx.execute(sql`delete from crew_credit where credit_id = ${creditId} and movie_id = ${movieId} returning credit_id`),
  );
  return rows.length > 0;
}
