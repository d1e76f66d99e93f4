// Movies and what each links to: its genres, production countries, spoken languages, keywords and companies.
import { sql } from 'drizzle-orm';
import {
  smallint,
  check,
  date,
  doublePrecision,
  index,
  integer,
  interval,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, id, searchKey, searchDocument } from './columns.js';
import { file } from './accounts.js';
import { company, country, genre, keyword, language } from './lookups.js';
import { person } from './people.js';

/**
 * Fewer votes than this and a movie's average is not ranked by the rating sort: movie_rated_idx
 * and the sort's value (modules/movies/movie-lists.queries.ts) are the one expression, so the index serves it.
 */
export const RATING_VOTE_FLOOR = 50;
/** TMDB's release statuses (Rumored, Planned, In Production, Post Production, Released, Canceled). */
export const movieStatusEnum = pgEnum('movie_status', ['rumored', 'planned', 'in_production', 'post_production', 'released', 'canceled']);

export const movie = pgTable(
  'movie',
  {
    movieId: id('movie_id'),
    title: text('title').notNull(),
    description: text('description'),
    budget: numeric('budget', { precision: 14, scale: 2 }),
    releaseDate: date('release_date', { mode: 'string' }),
    duration: interval('duration'),
    directorId: integer('director_id').references(() => person.personId, { onDelete: 'restrict' }),
    countryId: integer('country_id').references(() => country.countryId, { onDelete: 'restrict' }),
    posterFileId: integer('poster_file_id').references(() => file.fileId, { onDelete: 'restrict' }),
    tmdbId: integer('tmdb_id'),
    // TMDB's facts beside the diagram's: the title and language of the original release, the
    // tagline, where it stands, its site, its box office and TMDB's own popularity and votes.
    originalTitle: text('original_title'),
    originalLanguage: text('original_language'),
    tagline: text('tagline'),
    status: movieStatusEnum('status'),
    homepage: text('homepage'),
    revenue: numeric('revenue', { precision: 14, scale: 2 }),
    popularity: doublePrecision('popularity'),
    voteAverage: numeric('vote_average', { precision: 3, scale: 1 }),
    voteCount: integer('vote_count'),
    // The US rating (MPAA: G, PG, PG-13, R, NC-17, Not Rated), as the source spells it.
    certification: text('certification'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Derived: the title folded (search and the title sort), its words, the genre ids (sorted), how
    // many users keep the movie among their favorites (its popularity), and its cast's size.
    titleKey: searchKey('title_key'),
    // Derived: the original title folded (a search for it by its whole text); its words are in title_document too.
    originalTitleKey: searchKey('original_title_key'),
    titleDocument: searchDocument('title_document'),
    genreIds: integer('genre_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    // Derived: the movie's keyword and company ids (sorted), for the keyword and company filters,
    // as genre_ids is for the genres (kept by the triggers of movie_keyword and movie_company).
    keywordIds: integer('keyword_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    companyIds: integer('company_ids')
      .array()
      .notNull()
      .default(sql`'{}'::integer[]`),
    favoritesCount: integer('favorites_count').notNull().default(0),
    // Derived: the distinct people who play in it (any character, principal or not).
    actorsCount: integer('actors_count').notNull().default(0),
    // Derived: what the popularity sort orders by. TMDB's popularity where the movie has one; else
    // its favorites count, with its votes breaking ties (the fraction votes / (votes + 1) is below 1).
    popularityScore: doublePrecision('popularity_score')
      .notNull()
      .generatedAlwaysAs(sql`coalesce(popularity, favorites_count + coalesce(vote_count, 0)::float8 / (coalesce(vote_count, 0) + 1))`),
    // Derived: how well known the movie is, for a search's ranking (docs/search.md): its votes, and
    // each favorite as twenty votes (a catalogue without imported votes still ranks by its users).
    searchWeight: doublePrecision('search_weight')
      .notNull()
      .generatedAlwaysAs(sql`(coalesce(vote_count, 0) + 20 * favorites_count)::float8`),
  },
  (t) => [
    uniqueIndex('movie_tmdb_id_key').on(t.tmdbId),
    // One index per sort, (sort value, id), for keyset pages. The discover filters (genres, release
    // date, country, and on the title, popularity, date, revenue and votes sorts the original
    // language: a 1% language read 2,600 rows from the table for a page) ride along as trailing columns, so that a filtered page is read from the index
    // alone, however many rows the filters skip, and only the page's rows touch the table. No GIN
    // index on genre_ids: with one, planning a page with a genre and a date range took 2-3 ms,
    // more than running it; without, 0.15 ms.
    // The title's also serves a search by the title's beginning, taken by popularity.
    index('movie_title_key_idx').on(
      sql`${t.titleKey} collate "C"`,
      t.movieId,
      t.genreIds,
      t.releaseDate,
      t.countryId,
      t.favoritesCount,
      t.originalLanguage,
    ),
    // The default sort's also carries the keyword and company ids, so that a page of a keyword or a
    // company in more than a few hundred movies is read from it alone (see keyword_ids below).
    index('movie_popularity_score_idx').on(
      t.popularityScore,
      t.movieId,
      t.genreIds,
      t.releaseDate,
      t.countryId,
      t.originalLanguage,
      t.keywordIds,
      t.companyIds,
    ),
    index('movie_favorites_count_idx').on(t.favoritesCount, t.movieId, t.genreIds, t.releaseDate, t.countryId, t.originalLanguage),
    index('movie_release_date_idx').on(t.releaseDate, t.movieId, t.genreIds, t.countryId, t.originalLanguage),
    index('movie_budget_idx').on(t.budget, t.movieId, t.genreIds, t.releaseDate, t.countryId),
    index('movie_duration_idx').on(t.duration, t.movieId, t.genreIds, t.releaseDate, t.countryId),
    index('movie_created_at_idx').on(t.createdAt, t.movieId, t.genreIds, t.releaseDate, t.countryId),
    // The rating sort's value: the average of a movie with at least RATING_VOTE_FLOOR votes, else null.
    index('movie_rated_idx').on(
      sql`(case when ${t.voteCount} >= ${sql.raw(String(RATING_VOTE_FLOOR))} then ${t.voteAverage} end)`,
      t.movieId,
      t.genreIds,
      t.releaseDate,
      t.countryId,
    ),
    index('movie_vote_count_idx').on(t.voteCount, t.movieId, t.genreIds, t.releaseDate, t.countryId, t.originalLanguage),
    index('movie_revenue_idx').on(t.revenue, t.movieId, t.genreIds, t.releaseDate, t.countryId, t.originalLanguage),
    // No pending list: every favorite added or removed rewrites the row (favorites_count), and
    // 21,000 entries waiting in a pending list made every title search 9 ms slower.
    // A search's broad phrase ranks its best-known matches: this order, walked.
    index('movie_search_weight_idx').on(t.searchWeight, t.movieId),
    index('movie_title_document_idx').using('gin', t.titleDocument).with({ fastupdate: false }),
    // A keyword or company in few movies: its movies from these, then sorted (a walk of the sort's
    // index would pass a million rows for a keyword of 100 movies). The planner picks between them
    // and the sort's index by the columns' statistics, kept at 1,000 (migration 0018) so that the
    // 10,000 most common ids are known: at the default a keyword of 500 movies at 1M was taken for
    // rare and read along the sort's index (14 ms, against 0.4 ms from this index).
    index('movie_keyword_ids_idx').using('gin', t.keywordIds).with({ fastupdate: false }),
    index('movie_company_ids_idx').using('gin', t.companyIds).with({ fastupdate: false }),
    index('movie_director_id_idx').on(t.directorId),
    index('movie_country_id_idx').on(t.countryId),
    index('movie_poster_file_id_idx').on(t.posterFileId),
    check('movie_title_not_blank', sql`length(btrim(${t.title})) > 0`),
    check('movie_budget_nonnegative', sql`${t.budget} >= 0`),
    check('movie_duration_positive', sql`${t.duration} > interval '0'`),
    check('movie_original_title_not_blank', sql`length(btrim(${t.originalTitle})) > 0`),
    check('movie_original_language_code', sql`${t.originalLanguage} ~ '^[a-z]{2,3}$'`),
    check('movie_revenue_nonnegative', sql`${t.revenue} >= 0`),
    check('movie_popularity_nonnegative', sql`${t.popularity} >= 0 and ${t.popularity} < 'Infinity'::float8`),
    check('movie_vote_average_range', sql`${t.voteAverage} between 0 and 10`),
    check('movie_vote_count_nonnegative', sql`${t.voteCount} >= 0`),
    check('movie_certification_length', sql`length(btrim(${t.certification})) between 1 and 20`),
  ],
);

export const movieGenre = pgTable(
  'movie_genre',
  {
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    genreId: integer('genre_id')
      .notNull()
      .references(() => genre.genreId, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.movieId, t.genreId] }), index('movie_genre_genre_id_idx').on(t.genreId)],
);

/** Every production country of a movie, in the source's order; movie.country_id is the first (position 0). */
export const movieCountry = pgTable(
  'movie_country',
  {
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    countryId: integer('country_id')
      .notNull()
      .references(() => country.countryId, { onDelete: 'restrict' }),
    position: smallint('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.movieId, t.countryId] }),
    index('movie_country_country_id_idx').on(t.countryId, t.movieId),
    check('movie_country_position_nonnegative', sql`${t.position} >= 0`),
  ],
);

/** The languages spoken in a movie, in the source's order. */
export const movieLanguage = pgTable(
  'movie_language',
  {
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    languageCode: text('language_code')
      .notNull()
      .references(() => language.code, { onDelete: 'restrict' }),
    position: smallint('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.movieId, t.languageCode] }),
    index('movie_language_language_code_idx').on(t.languageCode, t.movieId),
    check('movie_language_position_nonnegative', sql`${t.position} >= 0`),
  ],
);

export const movieKeyword = pgTable(
  'movie_keyword',
  {
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    keywordId: integer('keyword_id')
      .notNull()
      .references(() => keyword.keywordId, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.movieId, t.keywordId] }), index('movie_keyword_keyword_id_idx').on(t.keywordId, t.movieId)],
);

/** The companies of a movie, in the source's order. */
export const movieCompany = pgTable(
  'movie_company',
  {
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    companyId: integer('company_id')
      .notNull()
      .references(() => company.companyId, { onDelete: 'restrict' }),
    position: smallint('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.movieId, t.companyId] }),
    index('movie_company_company_id_idx').on(t.companyId, t.movieId),
    check('movie_company_position_nonnegative', sql`${t.position} >= 0`),
  ],
);
