// A user's API keys for the TMDB-compatible surface: made (the key shown once), listed, revoked;
// and the one lookup that surface makes, from a key to its owner.
import type { Database } from '../../db/database.js';
import { ConflictError, UnauthorizedError, notFound } from '../../errors.js';
import type { Principal } from '../../http/principal.js';
import { apiKeyPrefix, hashApiKey, isApiKeyShaped, newApiKey } from './api-key-format.js';
import { countLiveKeys, findKeys, findLiveKey, insertKey, lockKeyOwner, revokeKey, touchKey } from './api-keys.queries.js';
import type { ApiKey, CreatedApiKey } from './api-keys.schemas.js';

/** How many unrevoked keys one user may hold. */
export const MAX_LIVE_API_KEYS = 20;

/**
 * Whose key this is: undefined for anything but a live key (malformed, unknown, revoked; a
 * deleted account's keys are deleted with it). Records the use at most once a minute a key, and a
 * failure to record it never fails the lookup.
 */
export async function ownerOfApiKey(db: Database, key: string): Promise<{ keyId: number; userId: number } | undefined> {
  if (!isApiKeyShaped(key)) return undefined;
  const found = await findLiveKey(db, hashApiKey(key));
  if (!found) return undefined;
  if (found.stale) await touchKey(db, found.keyId).catch(() => undefined);
  return { keyId: found.keyId, userId: found.userId };
}

export function createApiKeyService({ db }: { db: Database }) {
  return {
    listKeys: async (principal: Principal): Promise<{ items: ApiKey[] }> => ({ items: await findKeys(db, principal.userId) }),

    createKey: (principal: Principal, name: string): Promise<CreatedApiKey> =>
      db.transaction(async (tx) => {
        if (!(await lockKeyOwner(tx, principal.userId))) throw new UnauthorizedError('The account no longer exists.');
        if ((await countLiveKeys(tx, principal.userId)) >= MAX_LIVE_API_KEYS) {
          throw new ConflictError(`You have ${MAX_LIVE_API_KEYS} live API keys, the most one user may have: revoke one first.`);
        }
        const key = newApiKey();
        const stored = await insertKey(tx, {
          userId: principal.userId,
          name: name.trim(),
          keyHash: hashApiKey(key),
          keyPrefix: apiKeyPrefix(key),
        });
        return { id: stored.id, name: stored.name, key, keyPrefix: stored.keyPrefix, createdAt: stored.createdAt };
      }),

    /** Revoking a key revoked before is done again: 204, and it keeps its first revokedAt. */
    async revokeKey(principal: Principal, keyId: number): Promise<void> {
      // Another user's key is as unknown as a key that never was.
      if (!(await revokeKey(db, principal.userId, keyId))) throw notFound('API key', keyId);
    },
  };
}

export type ApiKeyService = ReturnType<typeof createApiKeyService>;
