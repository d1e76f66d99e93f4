// Tables of derived data the application does not write as records: the search dictionary, and
// the recounts a bulk writer put off.
import { sql } from 'drizzle-orm';
import { boolean, doublePrecision, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { movie } from './movies.js';
import { person } from './people.js';

/**
 * Every distinct word of the titles and names (derived, kept by triggers): the small dictionary
 * that a misspelt search word is corrected against, by trigram similarity, and that an unfinished
 * last word is completed from, the best-known words first.
 */
export const searchWord = pgTable(
  'search_word',
  {
    word: text('word').primaryKey(),
    // The highest search weight of a movie or person the word has been in: a bound from above,
    // raised on every write and never lowered (a completion's order, not a count).
    weight: doublePrecision('weight').notNull().default(0),
  },
  (t) => [
    index('search_word_trigram_idx').using('gin', sql`${t.word} gin_trgm_ops`),
    // Completions of a prefix: one range of this index.
    index('search_word_prefix_idx').on(sql`${t.word} collate "C"`),
  ],
);

/**
 * A search's postings (derived, kept by triggers): each word of each movie's title and original
 * title, with the movie's search weight, so that a word's best-known movies are the first entries
 * of one index range however many movies hold the word.
 */
export const movieSearchWord = pgTable(
  'movie_search_word',
  {
    movieId: integer('movie_id')
      .notNull()
      .references(() => movie.movieId, { onDelete: 'cascade' }),
    word: text('word').notNull(),
    weight: doublePrecision('weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.movieId, t.word] }),
    index('movie_search_word_word_idx').on(sql`${t.word} collate "C"`, sql`${t.weight} desc`, t.movieId),
  ],
);

/**
 * A search's postings for people: each word of each name, with the person's search weight, and
 * whether it is a word of the last name, so that a surname's best-known holders come first.
 */
export const personSearchWord = pgTable(
  'person_search_word',
  {
    personId: integer('person_id')
      .notNull()
      .references(() => person.personId, { onDelete: 'cascade' }),
    word: text('word').notNull(),
    surname: boolean('surname').notNull(),
    weight: doublePrecision('weight').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.personId, t.word] }),
    index('person_search_word_word_idx').on(sql`${t.word} collate "C"`, t.surname, sql`${t.weight} desc`, t.personId),
  ],
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
