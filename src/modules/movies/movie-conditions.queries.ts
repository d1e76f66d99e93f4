// What a movie list may ask for (MovieFilter), as WHERE conditions over `movie m`.
import { type SQL, sql } from 'drizzle-orm';
import { intArray, textArray } from '../../db/sql.js';
import { type SearchColumns, type SearchText, matchCondition } from '../../db/search-text.js';
import type { MovieValues } from './movie-writes.queries.js';

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

export const MOVIE_SEARCH_COLUMNS: SearchColumns = {
  key: sql`m.title_key`,
  document: sql`m.title_document`,
  otherKey: sql`m.original_title_key`,
  weight: sql`m.search_weight`,
};

export interface ConditionOptions {
  /** False: the list reads the matches through searchListSource. */
  withText?: boolean;
}

/** The WHERE conditions of a movie filter over `movie m`. */
export function movieConditions(filter: MovieFilter, options: ConditionOptions = {}): SQL[] {
  const { withText = true } = options;
  const conditions: SQL[] = [];
  // movie.genre_ids answers every genre filter without a join, from the sort's index (see db/schema/movies.ts).
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
  // indexes for an id in few movies (the planner chooses by their statistics; see db/schema/movies.ts).
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
