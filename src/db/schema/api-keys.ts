// The keys a user makes for the TMDB-compatible surface: a client sends one as TMDB's `api_key`
// (or as a Bearer token). Only the key's sha256 is kept; its first characters show which it is.
import { sql } from 'drizzle-orm';
import { char, check, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { createdAt, id } from './columns.js';
import { userAccount } from './accounts.js';

export const apiKey = pgTable(
  'api_key',
  {
    apiKeyId: id('api_key_id'),
    userId: integer('user_id')
      .notNull()
      .references(() => userAccount.userId, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    keyHash: char('key_hash', { length: 64 }).notNull(),
    keyPrefix: char('key_prefix', { length: 6 }).notNull(),
    createdAt: createdAt(),
    // Moved at most once a minute by the key's use.
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    // A revoked key stays, so that its owner's list shows it, and works no more.
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('api_key_key_hash_key').on(t.keyHash),
    index('api_key_user_id_idx').on(t.userId),
    check('api_key_name_not_blank', sql`length(btrim(${t.name})) > 0 and length(${t.name}) <= 100`),
    check('api_key_key_hash_format', sql`${t.keyHash} ~ '^[0-9a-f]{64}$'`),
    check('api_key_key_prefix_format', sql`${t.keyPrefix} ~ '^[0-9a-f]{6}$'`),
  ],
);
