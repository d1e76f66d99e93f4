// Accounts: users, the files they upload (a user's avatar is a file, a file names its uploader, so
// the two live together), their signed-in sessions, and the answers kept for idempotent creates.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  jsonb,
  smallint,
  boolean,
  char,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { createdAt, updatedAt, id } from './columns.js';

export const userRoleEnum = pgEnum('user_role', ['user', 'editor', 'admin']);

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
