// Tables of derived data the application does not write as records: the search dictionary, and
// the recounts a bulk writer put off.
import { sql } from 'drizzle-orm';
import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

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
