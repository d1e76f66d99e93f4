import { and, eq, gt, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { authSession, userAccount } from '../../db/schema.js';
import type { Role } from '../../http/principal.js';

/** How many used refresh tokens a session remembers. */
const USED_HASHES_KEPT = 50;

export interface NewSession {
  userId: number;
  refreshTokenHash: string;
  expiresAt: Date;
  userAgent: string | undefined;
  ipAddress: string | undefined;
  refreshInCookie: boolean;
}

export async function insertSession(db: Database, session: NewSession): Promise<string> {
  const [row] = await db
    .insert(authSession)
    .values({ ...session, userAgent: session.userAgent?.slice(0, 500) ?? null, ipAddress: session.ipAddress ?? null })
    .returning({ sessionId: authSession.sessionId });
  return row!.sessionId;
}

/** The session's user and role, when the session is alive (not revoked, not expired). */
export async function findLiveSession(
  db: Database,
  sessionId: string,
  userId: number,
): Promise<{ userId: number; role: Role } | undefined> {
  const [row] = await db
    .select({ userId: userAccount.userId, role: userAccount.role })
    .from(authSession)
    .innerJoin(userAccount, eq(userAccount.userId, authSession.userId))
    .where(
      and(
        eq(authSession.sessionId, sessionId),
        eq(authSession.userId, userId),
        isNull(authSession.revokedAt),
        gt(authSession.expiresAt, sql`now()`),
      ),
    );
  return row;
}

export async function findSession(db: Database, sessionId: string) {
  const [row] = await db
    .select({
      userId: authSession.userId,
      refreshTokenHash: authSession.refreshTokenHash,
      usedRefreshTokenHashes: authSession.usedRefreshTokenHashes,
      revokedAt: authSession.revokedAt,
      refreshInCookie: authSession.refreshInCookie,
      expired: sql<boolean>`${authSession.expiresAt} <= now()`,
      /** Seconds since the last refresh; null before the first. */
      refreshedSecondsAgo: sql<number | null>`extract(epoch from now() - ${authSession.refreshedAt})::float8`,
    })
    .from(authSession)
    .where(eq(authSession.sessionId, sessionId));
  return row;
}

/**
 * Replaces the refresh token's hash, only if it is still the one presented: of two refreshes
 * racing with the same token, one wins and the other counts as reuse.
 */
export async function rotateRefreshToken(
  db: Database,
  sessionId: string,
  presentedHash: string,
  nextHash: string,
  expiresAt: Date,
): Promise<boolean> {
  const rows = await db
    .update(authSession)
    .set({
      refreshTokenHash: nextHash,
      // Remembered so that a copy used later is recognized; the oldest are forgotten.
      usedRefreshTokenHashes: sql`(array[${presentedHash}]::text[] || ${authSession.usedRefreshTokenHashes})[1:${USED_HASHES_KEPT}]`,
      refreshedAt: sql`now()`,
      expiresAt,
    })
    .where(
      and(
        eq(authSession.sessionId, sessionId),
        eq(authSession.refreshTokenHash, presentedHash),
        isNull(authSession.revokedAt),
        gt(authSession.expiresAt, sql`now()`),
      ),
    )
    .returning({ sessionId: authSession.sessionId });
  return rows.length === 1;
}

export async function revokeSession(db: Database, sessionId: string, reason: string): Promise<void> {
  await db
    .update(authSession)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(authSession.sessionId, sessionId), isNull(authSession.revokedAt)));
}

/** Revokes every live session of a user, but the one named in `except`. */
export async function revokeUserSessions(db: Database, userId: number, reason: string, except?: string): Promise<void> {
  await db
    .update(authSession)
    .set({ revokedAt: sql`now()`, revokedReason: reason })
    .where(and(eq(authSession.userId, userId), isNull(authSession.revokedAt), except ? ne(authSession.sessionId, except) : undefined));
}
