// The lists a movie, a person or a company names by id (or code): countries, languages, genres,
// crew departments, and TMDB's keywords and production companies.
import { sql } from 'drizzle-orm';
import { char, check, index, integer, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, id } from './columns.js';

export const country = pgTable(
  'country',
  {
    countryId: id('country_id'),
    name: text('name').notNull(),
    code: char('code', { length: 2 }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('country_name_key').on(t.name),
    uniqueIndex('country_code_key').on(t.code),
    check('country_code_format', sql`${t.code} ~ '^[A-Z]{2}$'`),
  ],
);

/** Languages by ISO 639-1 code with their English names (seeded by drizzle/0015), and TMDB's own few. */
export const language = pgTable(
  'language',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
  },
  (t) => [
    check('language_code_format', sql`${t.code} ~ '^[a-z]{2,3}$'`),
    check('language_name_not_blank', sql`length(btrim(${t.name})) > 0 and length(${t.name}) <= 200`),
  ],
);

export const genre = pgTable(
  'genre',
  {
    genreId: id('genre_id'),
    genreName: text('genre_name').notNull(),
  },
  (t) => [
    // Unique without regard to case: "Drama" and "drama" are one genre.
    uniqueIndex('genre_genre_name_key').on(sql`lower(${t.genreName})`),
    check('genre_name_not_blank', sql`length(btrim(${t.genreName})) > 0`),
  ],
);

/** TMDB's twelve crew departments (Directing, Writing, ...), seeded by drizzle/0013_crew.sql. */
export const department = pgTable(
  'department',
  {
    departmentId: id('department_id'),
    name: text('name').notNull(),
  },
  (t) => [
    uniqueIndex('department_name_key').on(sql`lower(${t.name})`),
    check('department_name_not_blank', sql`length(btrim(${t.name})) > 0`),
  ],
);

/** A word or phrase a movie is about ("time travel"), TMDB's by its id. */
export const keyword = pgTable(
  'keyword',
  {
    keywordId: id('keyword_id'),
    name: text('name').notNull(),
    tmdbId: integer('tmdb_id'),
    // Derived: the movies that carry it (kept by triggers on movie_keyword, drizzle/0016).
    moviesCount: integer('movies_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('keyword_tmdb_id_key').on(t.tmdbId),
    // The most used first, without reading every keyword's movies.
    index('keyword_movies_count_idx').on(t.moviesCount, t.keywordId),
    // Looked up by name (GET /keywords?q=): a word anywhere in it, without regard to case.
    index('keyword_name_trigram_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    check('keyword_name_not_blank', sql`length(btrim(${t.name})) > 0 and length(${t.name}) <= 200`),
  ],
);

/** A production company (a studio, a distributor), TMDB's by its id. */
export const company = pgTable(
  'company',
  {
    companyId: id('company_id'),
    name: text('name').notNull(),
    originCountryId: integer('origin_country_id').references(() => country.countryId, { onDelete: 'restrict' }),
    tmdbId: integer('tmdb_id'),
    // Derived: its movies (kept by triggers on movie_company, drizzle/0016).
    moviesCount: integer('movies_count').notNull().default(0),
  },
  (t) => [
    uniqueIndex('company_tmdb_id_key').on(t.tmdbId),
    index('company_movies_count_idx').on(t.moviesCount, t.companyId),
    index('company_name_trigram_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`),
    index('company_origin_country_id_idx').on(t.originCountryId),
    check('company_name_not_blank', sql`length(btrim(${t.name})) > 0 and length(${t.name}) <= 300`),
  ],
);
