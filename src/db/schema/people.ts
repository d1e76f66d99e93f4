// People and their photos.
import { sql } from 'drizzle-orm';
import { date, doublePrecision, index, integer, numeric, pgEnum, pgTable, text, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, id, searchKey, searchDocument } from './columns.js';
import { file } from './accounts.js';
import { country } from './lookups.js';

export const genderEnum = pgEnum('gender', ['female', 'male', 'non_binary', 'unknown']);

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
    // Derived: how well known the person is, for a search's ranking (docs/search.md): the votes of
    // the movies of their key credits (top-billed parts, directing, writing, music), a tenth of
    // those of the others, and one for each credit (kept by recount_person_figures).
    searchWeight: doublePrecision('search_weight').notNull().default(0),
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
    // A search's broad phrase ranks its best-known matches: this order, walked.
    index('person_search_weight_idx').on(t.searchWeight, t.personId),
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
