// The column shapes the tables share: timestamps, identity keys, and the derived search columns.
import { sql } from 'drizzle-orm';
import { customType, integer, text, timestamp } from 'drizzle-orm/pg-core';

export const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();
// Moved on every UPDATE by the set_updated_at trigger.
export const updatedAt = () => timestamp('updated_at', { withTimezone: true }).notNull().defaultNow();
export const id = (name: string) => integer(name).primaryKey().generatedByDefaultAsIdentity();

/** PostgreSQL's full-text document type; kept by triggers, matched with @@. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

// Derived columns (drizzle/0007_search_and_figures.sql keeps them, by triggers, on every write):
// never written by the application. Search keys are the text lowercased and without accents,
// compared in the C collation so that order and prefix matching are the same on every server.
export const searchKey = (name: string) => text(name).notNull().default('');
export const searchDocument = (name: string) =>
  tsvector(name)
    .notNull()
    .default(sql`''::tsvector`);
