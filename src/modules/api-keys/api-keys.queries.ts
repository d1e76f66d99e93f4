import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Database, rowsOf } from '../../db/database.js';
import { apiKey, userAccount } from '../../db/schema.js';
import type { ApiKey } from './api-keys.schemas.js';

const keyColumns = {
  id: apiKey.apiKeyId,
  name: apiKey.name,
  keyPrefix: apiKey.keyPrefix,
  createdAt: apiKey.createdAt,
  lastUsedAt: apiKey.lastUsedAt,
  revokedAt: apiKey.revokedAt,
};

interface KeyRow extends Omit<ApiKey, 'createdAt' | 'lastUsedAt' | 'revokedAt'> {
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const toApiKey = (row: KeyRow): ApiKey => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

/**
 * Locks the user's account row until the transaction ends, so that two creates by one user count
 * their keys in turn; answers false when there is no such account. FOR NO KEY UPDATE leaves the
 * row's key free: inserts naming the user elsewhere (favorites) do not wait for it.
 */
export async function lockKeyOwner(tx: Database, userId: number): Promise<boolean> {
  const rows = await tx.select({ id: userAccount.userId }).from(userAccount).where(eq(userAccount.userId, userId)).for('no key update');
  return rows.length > 0;
}

export async function countLiveKeys(tx: Database, userId: number): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(apiKey)
    .where(and(eq(apiKey.userId, userId), isNull(apiKey.revokedAt)));
  return row?.n ?? 0;
}

export async function insertKey(tx: Database, key: { userId: number; name: string; keyHash: string; keyPrefix: string }): Promise<ApiKey> {
  const [row] = await tx.insert(apiKey).values(key).returning(keyColumns);
  return toApiKey(row!);
}

/** The user's keys, newest first, revoked ones too. */
export async function findKeys(db: Database, userId: number): Promise<ApiKey[]> {
  const rows = await db
    .select(keyColumns)
    .from(apiKey)
    .where(eq(apiKey.userId, userId))
    .orderBy(desc(apiKey.createdAt), desc(apiKey.apiKeyId));
  return rows.map(toApiKey);
}

/** Revokes the user's key (a key revoked before keeps its first date); false when the user has no such key. */
export async function revokeKey(db: Database, userId: number, keyId: number): Promise<boolean> {
  const rows = await db
    .update(apiKey)
    .set({ revokedAt: sql`coalesce(${apiKey.revokedAt}, now())` })
    .where(and(eq(apiKey.apiKeyId, keyId), eq(apiKey.userId, userId)))
    .returning({ id: apiKey.apiKeyId });
  return rows.length > 0;
}

/**
 * The live key with this hash, and whether its last use is more than a minute old. A key whose
 * account is deleted goes with it (ON DELETE CASCADE). Plain SQL: it runs on every /3 request, as
 * a prepared statement.
 */
export async function findLiveKey(db: Database, keyHash: string): Promise<{ keyId: number; userId: number; stale: boolean } | undefined> {
  const [row] = rowsOf<{ keyId: number; userId: number; stale: boolean }>(
    await db.execute(
      sql`select api_key_id as "keyId", user_id as "userId",
            (last_used_at is null or last_used_at < now() - interval '1 minute') as stale
          from api_key where key_hash = ${keyHash} and revoked_at is null`,
    ),
  );
  return row && { keyId: Number(row.keyId), userId: Number(row.userId), stale: row.stale };
}

/** Records a use, unless another request recorded one less than a minute ago. */
export async function touchKey(db: Database, keyId: number): Promise<void> {
  await db.execute(
    sql`update api_key set last_used_at = now()
        where api_key_id = ${keyId} and (last_used_at is null or last_used_at < now() - interval '1 minute')`,
  );
}
