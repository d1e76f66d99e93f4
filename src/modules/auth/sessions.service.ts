// Sessions: one per signed-in device. Refresh tokens rotate on every use; a token used a second
// time means it was copied, so the whole session is revoked.
import type { Database } from '../../db/database.js';
import { UnauthorizedError } from '../../errors.js';
import type { Principal } from '../../http/principal.js';
import { findLiveSession, findSession, insertSession, revokeSession, revokeUserSessions, rotateRefreshToken } from './sessions.queries.js';
import { type TokenSigner, formatRefreshToken, hashRefreshSecret, newRefreshSecret, parseRefreshToken } from './tokens.js';

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface ClientInfo {
  userAgent?: string | undefined;
  ipAddress?: string | undefined;
  /** A browser that keeps the refresh token in the httpOnly cookie. */
  refreshInCookie?: boolean | undefined;
}

const INVALID_REFRESH = 'The refresh token is invalid, expired or revoked: sign in again.';

export function createSessionService({
  db,
  signer,
  refreshTokenTtlDays,
}: {
  db: Database;
  signer: TokenSigner;
  refreshTokenTtlDays: number;
}) {
  const refreshExpiry = () => new Date(Date.now() + refreshTokenTtlDays * 86_400_000);

  async function issue(userId: number, sessionId: string, secret: string): Promise<SessionTokens> {
    return {
      accessToken: await signer.signAccessToken({ userId, sessionId }),
      refreshToken: formatRefreshToken(sessionId, secret),
      expiresIn: signer.accessTokenTtlSeconds,
    };
  }

  return {
    async startSession(userId: number, client: ClientInfo, tx: Database = db): Promise<SessionTokens> {
      const secret = newRefreshSecret();
      const sessionId = await insertSession(tx, {
        userId,
        refreshTokenHash: hashRefreshSecret(secret),
        expiresAt: refreshExpiry(),
        userAgent: client.userAgent,
        ipAddress: client.ipAddress,
        refreshInCookie: client.refreshInCookie ?? false,
      });
      return issue(userId, sessionId, secret);
    },

    /**
     * New tokens for a refresh token; the presented one stops working. With `lostAnswerGraceSeconds`
     * (a token from the web app's cookie), a session started for the cookie accepts the token just
     * replaced again for that long: a browser that left the page while its refresh was under way
     * never received the new cookie, and would otherwise be signed out as if its token had been
     * copied.
     */
    async refresh(
      refreshToken: string,
      { lostAnswerGraceSeconds = 0 }: { lostAnswerGraceSeconds?: number } = {},
    ): Promise<{ userId: number; tokens: SessionTokens }> {
      const parsed = parseRefreshToken(refreshToken);
      if (!parsed) throw new UnauthorizedError(INVALID_REFRESH);
      const session = await findSession(db, parsed.sessionId);
      if (!session || session.revokedAt || session.expired) throw new UnauthorizedError(INVALID_REFRESH);

      const presented = hashRefreshSecret(parsed.secret);
      const next = newRefreshSecret();
      const issued = async () => ({ userId: session.userId, tokens: await issue(session.userId, parsed.sessionId, next) });
      if (
        presented === session.refreshTokenHash &&
        (await rotateRefreshToken(db, parsed.sessionId, presented, hashRefreshSecret(next), refreshExpiry()))
      ) {
        return issued();
      }
      // Not the current token, or no longer: a refresh racing this one may have just replaced it,
      // so the decision is made on the session as it is now.
      const now = (await findSession(db, parsed.sessionId)) ?? session;
      if (now.revokedAt) throw new UnauthorizedError(INVALID_REFRESH);
      const lostAnswer =
        now.refreshInCookie &&
        now.usedRefreshTokenHashes[0] === presented &&
        now.refreshedSecondsAgo !== null &&
        now.refreshedSecondsAgo < lostAnswerGraceSeconds;
      if (lostAnswer && (await rotateRefreshToken(db, parsed.sessionId, now.refreshTokenHash, hashRefreshSecret(next), refreshExpiry()))) {
        return issued();
      }
      // A token this session already used, presented again (or two refreshes racing with one
      // token): someone else holds a copy, so the whole session is revoked. A token that was never
      // issued is only refused: a session id alone must not let anyone sign a user out.
      if (now.usedRefreshTokenHashes.includes(presented) || presented === now.refreshTokenHash) {
        await revokeSession(db, parsed.sessionId, 'refresh token reused');
      }
      throw new UnauthorizedError(INVALID_REFRESH);
    },

    /** The principal of a valid access token whose session is still alive. */
    async authenticate(accessToken: string): Promise<Principal | undefined> {
      const claims = await signer.verifyAccessToken(accessToken);
      if (!claims) return undefined;
      const live = await findLiveSession(db, claims.sessionId, claims.userId);
      return live ? { userId: live.userId, role: live.role, sessionId: claims.sessionId } : undefined;
    },

    /** The live session a refresh token is the current one of; undefined for anything else. */
    async sessionOfRefreshToken(refreshToken: string): Promise<string | undefined> {
      const parsed = parseRefreshToken(refreshToken);
      if (!parsed) return undefined;
      const session = await findSession(db, parsed.sessionId);
      const current = session && !session.revokedAt && !session.expired && session.refreshTokenHash === hashRefreshSecret(parsed.secret);
      return current ? parsed.sessionId : undefined;
    },

    /** Whose session a refresh token names (for counting refreshes per account); undefined if none. */
    async accountOfRefreshToken(refreshToken: string): Promise<string | undefined> {
      const parsed = parseRefreshToken(refreshToken);
      const session = parsed && (await findSession(db, parsed.sessionId));
      return session ? `user:${session.userId}` : undefined;
    },

    revoke: (sessionId: string, reason: string) => revokeSession(db, sessionId, reason),
    revokeAllOf: (userId: number, reason: string, except?: string, tx: Database = db) => revokeUserSessions(tx, userId, reason, except),
  };
}

export type SessionService = ReturnType<typeof createSessionService>;
