// The eleven tables of DESIGN.md section 1, as Drizzle sees them. What Drizzle cannot express
// (triggers, the person -> person_photos composite key with SET NULL (photo_id)) lives in the
// hand-written migration drizzle/0001_rules_and_triggers.sql.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  jsonb,
  smallint,
  boolean,
  char,
  check,
  customType,
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
  timestamp,
  unique,
  uuid,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const genderEnum = pgEnum('gender', ['female', 'male', 'non_binary', 'unknown']);
export const userRoleEnum = pgEnum('user_role', ['user', 'editor', 'admin']);
export const CHARACTER_ROLES = ['leading', 'supporting', 'background'] as const;
/**
 * Fewer votes than this and a movie's average is not ranked by the rating sort: movie_rated_idx
 * and the sort's value (modules/movies/movies.queries.ts) are the one expression, so the index serves it.
 */
export const RATING_VOTE_FLOOR = 50;
/** TMDB's release statuses (Rumored, Planned, In Production, Post Production, Released, Canceled). */
export const movieStatusEnum = pgEnum('movie_status', ['rumored', 'planned', 'in_production', 'post_production', 'released', 'canceled']);

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
// Moved on every UPDATE by the set_updated_at trigger.
const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
const id = (name: string) => integer(name).primaryKey().generatedByDefaultAsIdentity();

/** PostgreSQL's full-text document type; kept by triggers, matched with @@. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// Derived columns (drizzle/0007_search_and_figures.sql keeps them, by triggers, on every write):
// never written by the application. Search keys are the text lowercased and without accents,
// compared in the C collation so that order and prefix matching are the same on every server.
const searchKey = (name: string) => text(name).notNull().default('');
const searchDocument = (name: string) =>
  tsvector(name)
    .notNull()
    .default(sql`''::tsvector`);

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

export const userAccount = pgTable(
  'user_account',
  {
    userId: id('user_id'),
    username: text('username').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    avatarId: integer('avatar_id').references((): AnyPgColumn => file.fileId, { onDelete: 'restrict' }),
    role: userRoleEnum('role').notNull().default('user'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('user_account_username_key').on(sql`lower(${t.username})`),
    uniqueIndex('user_account_email_key').on(sql`lower(${t.email})`),
    index('user_account_avatar_id_idx').on(t.avatarId),
  ],
);

export const file = pgTable(
  'file',
  {
    fileId: id('file_id'),
    fileName: text('file_name').notNull(),
    mimeType: text('mime_type').notNull(),
    key: text('key').notNull(),
    publicUrl: text('public_url').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }),
    sha256: char('sha256', { length: 64 }),
    width: integer('width'),
    height: integer('height'),
    uploadedBy: integer('uploaded_by').references((): AnyPgColumn => userAccount.userId, { onDelete: 'set null' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('file_key_key').on(t.key),
    index('file_uploaded_by_idx').on(t.uploadedBy),
    check('file_size_bytes_nonnegative', sql`${t.sizeBytes} >= 0`),
    check('file_dimensions_positive', sql`${t.width} > 0 AND ${t.height} > 0`),
  ],
);

export const person = pgTable(
  'person',
  {
    personId: id('person_id'),
    firstName: text('first_name').notNull(),
    // A one-word name (as TMDB has many) keeps an empty last name rather than null.
    lastName: text('last_name').notNull().default(''),
    biography: text('biography'),
    birthDate: date('birth_date', { mode: 'string' }),
    gender: genderEnum('gender').notNull().default('unknown'),
    countryId: integer('country_id').references(() => country.countryId, { onDelete: 'restrict' }),
    // Must be one of this person's person_photos: see the composite key in 0001.
    photoId: integer('photo_id'),
    tmdbId: integer('tmdb_id'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    // Derived: "first last" folded (search), "last\x01first" folded (the name sort), the words.
    nameKey: searchKey('name_key'),
    sortKey: searchKey('sort_key'),
    nameDocument: searchDocument('name_document'),
    // Derived figures, from the credits and the movies' budgets.
    moviesActed: integer('movies_acted').notNull().default(0),
    actingBudgetTotal: numeric('acting_budget_total', { precision: 18, scale: 2 }).notNull().default('0'),
    moviesDirected: integer('movies_directed').notNull().default(0),
    directingBudgetAverage: numeric('directing_budget_average', { precision: 14, scale: 2 }),
  },
  (t) => [
    uniqueIndex('person_tmdb_id_key').on(t.tmdbId),
    index('person_country_id_idx').on(t.countryId),
    index('person_name_key_idx').on(sql`${t.nameKey} collate "C"`, t.moviesActed, t.moviesDirected),
    index('person_sort_key_idx').on(sql`${t.sortKey} collate "C"`, t.personId),
    // No pending list (fastupdate): every change of the figures rewrites the row, and entries
    // waiting in a pending list are read one by one by every search until a vacuum.
    index('person_name_document_idx').using('gin', t.nameDocument).with({ fastupdate: false }),
    index('person_birth_date_idx').on(t.birthDate, t.personId),
    index('person_movies_acted_idx').on(t.moviesActed, t.personId),
    index('person_acting_budget_total_idx').on(t.actingBudgetTotal, t.personId),
    index('person_movies_directed_idx').on(t.moviesDirected, t.personId),
    index('person_directing_budget_average_idx').on(t.directingBudgetAverage, t.personId),
    // Credits are a person's popularity in a search.
    index('person_credits_idx').on(sql`(${t.moviesActed} + ${t.moviesDirected})`, t.personId),
    // Serves the composite key person (photo_id, person_id) -> person_photos added in 0001.
    index('person_photo_id_person_id_idx').on(t.photoId, t.personId),
  ],
);

export const personPhotos = pgTable(
  'person_photos',
  {
    photoId: id('photo_id'),
    personId: integer('person_id')
      .notNull()
      .references(() => person.personId, { onDelete: 'cascade' }),
    fileId: integer('file_id')
      .notNull()
      .references(() => file.fileId, { onDelete: 'restrict' }),
  },
  (t) => [
    // The target of person (photo_id, person_id) -> person_photos.
    unique('person_photos_photo_id_person_id_key').on(t.photoId, t.personId),
    uniqueIndex('person_photos_person_id_file_id_key').on(t.personId, t.fileId),
    index('person_photos_file_id_idx').on(t.fileId),
  ],
);

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

/** Who did what on a movie besides playing in it: one row a person, department and job. */
export const crewCredit = pgTable(
  'crew_credit',
  {
    creditId: id('credit_id'),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    personId: integer('person_id')
      .notNull()
      .references(() => person.personId, { onDelete: 'restrict' }),
    departmentId: integer('department_id')
      .notNull()
      .references(() => department.departmentId, { onDelete: 'restrict' }),
    job: text('job').notNull(),
  },
  (t) => [
    // A movie's crew, in one index range; the same credit twice is one row.
    uniqueIndex('crew_credit_movie_person_department_job_key').on(t.movieId, t.personId, t.departmentId, t.job),
    index('crew_credit_person_id_idx').on(t.personId, t.movieId),
    index('crew_credit_department_id_idx').on(t.departmentId),
    check('crew_credit_job_not_blank', sql`length(btrim(${t.job})) > 0 and length(${t.job}) <= 200`),
  ],
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

export const character = pgTable(
  'character',
  {
    characterId: id('character_id'),
    // Null where the source credits a performer without a character name.
    name: text('name'),
    description: text('description'),
    role: text('role', { enum: CHARACTER_ROLES }).notNull(),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    actorId: integer('actor_id').references(() => person.personId, { onDelete: 'restrict' }),
    billingOrder: integer('billing_order'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('character_movie_id_billing_order_idx').on(t.movieId, t.billingOrder),
    index('character_actor_id_idx').on(t.actorId),
    check('character_role_check', sql`${t.role} IN ('leading', 'supporting', 'background')`),
    check('character_billing_order_nonnegative', sql`${t.billingOrder} >= 0`),
  ],
);

export const actorRoles = pgTable(
  'actor_roles',
  {
    actorId: integer('actor_id')
      .notNull()
      .references(() => person.personId, { onDelete: 'restrict' }),
    characterId: integer('character_id')
      .notNull()
      .references(() => character.characterId, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.characterId] }), index('actor_roles_character_id_idx').on(t.characterId)],
);

export const favoriteMovies = pgTable(
  'favorite_movies',
  {
    userId: integer('user_id')
      .notNull()
      .references(() => userAccount.userId, { onDelete: 'cascade' }),
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.movieId] }), index('favorite_movies_movie_id_idx').on(t.movieId)],
);

/**
 * A signed-in device: the refresh token's hash and the session every access token names. An
 * access token is honoured only while its session is neither revoked nor expired.
 */
export const authSession = pgTable(
  'auth_session',
  {
    sessionId: uuid('session_id').primaryKey().defaultRandom(),
    userId: integer('user_id')
      .notNull()
      .references(() => userAccount.userId, { onDelete: 'cascade' }),
    refreshTokenHash: char('refresh_token_hash', { length: 64 }).notNull(),
    // The hashes of the session's rotated (used) refresh tokens, newest first, a bounded few: one
    // presented again proves a copy exists.
    usedRefreshTokenHashes: text('used_refresh_token_hashes')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: createdAt(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    userAgent: text('user_agent'),
    ipAddress: text('ip_address'),
    // Started by a browser that keeps the refresh token in the httpOnly cookie: only such sessions
    // get the short grace for a refresh whose answer was lost.
    refreshInCookie: boolean('refresh_in_cookie').notNull().default(false),
  },
  (t) => [index('auth_session_user_id_idx').on(t.userId)],
);

/**
 * Every distinct word of the titles and names (derived, kept by triggers): the small dictionary
 * that a misspelt search word is corrected against, by trigram similarity.
 */
export const searchWord = pgTable(
  'search_word',
  {
    word: text('word').primaryKey(),
  },
  (t) => [index('search_word_trigram_idx').using('gin', sql`${t.word} gin_trgm_ops`)],
);

/**
 * Recounts put off by a bulk writer (the TMDB importer): the people whose figures and the movies
 * whose cast counts are to be recounted, once, when the writer is done. A writer cut short leaves
 * its rows here, committed with the changes that need them, and the next flush recounts them.
 */
export const pendingRecount = pgTable(
  'pending_recount',
  {
    kind: text('kind', { enum: ['person', 'movie'] }).notNull(),
    id: integer('id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.id] })],
);

/**
 * The first answer to a create sent with an Idempotency-Key, kept 24 hours (then swept): the same
 * key with the same request gets it again instead of a second row. Written in the create's own
 * transaction, so that it exists exactly when the create committed. The fingerprint is an HMAC
 * of the method, the path and the body, so that a key reused for another request is refused,
 * and no body (a password at sign-up) can be read back from it.
 */
export const idempotencyKey = pgTable(
  'idempotency_key',
  {
    // Whose key: `user:<id>` for a signed-in caller, `anonymous` for sign-up.
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    fingerprint: char('fingerprint', { length: 64 }).notNull(),
    status: smallint('status').notNull(),
    answer: jsonb('answer').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_key_expires_at_idx').on(t.expiresAt)],
);
