// Access tokens are short-lived signed JWTs (HS256) naming the user and the session; refresh
// tokens are random, opaque, and kept only as a SHA-256 hash.
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, errors, jwtVerify } from 'jose';

export interface AccessClaims {
  userId: number;
  sessionId: string;
}

const ISSUER = 'moviedb';
const AUDIENCE = 'moviedb-api';

export function createTokenSigner({ secret, accessTokenTtlSeconds }: { secret: string; accessTokenTtlSeconds: number }) {
  const key = new TextEncoder().encode(secret);
  return {
    accessTokenTtlSeconds,
    signAccessToken({ userId, sessionId }: AccessClaims): Promise<string> {
      return new SignJWT({ sid: sessionId })
        .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
        .setSubject(String(userId))
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${accessTokenTtlSeconds}s`)
        .sign(key);
    },
    /** The claims of a valid, unexpired token (with exp and iat); undefined for anything else. */
    async verifyAccessToken(token: string): Promise<AccessClaims | undefined> {
      try {
        // A token that never expires is refused, however well signed: every one must say when
        // it was issued and when it ends.
        const { payload } = await jwtVerify(token, key, {
          issuer: ISSUER,
          audience: AUDIENCE,
          algorithms: ['HS256'],
          requiredClaims: ['exp', 'iat', 'sub', 'sid'],
        });
        // Nor one that claims a longer life than this service gives.
        if (typeof payload.iat !== 'number' || typeof payload.exp !== 'number' || payload.exp - payload.iat > accessTokenTtlSeconds) {
          return undefined;
        }
        const userId = Number(payload.sub);
        if (!Number.isSafeInteger(userId) || typeof payload.sid !== 'string') return undefined;
        return { userId, sessionId: payload.sid };
      } catch (error) {
        if (error instanceof errors.JOSEError) return undefined;
        throw error;
      }
    },
  };
}

export type TokenSigner = ReturnType<typeof createTokenSigner>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A refresh token is `<session id>.<secret>`; only the secret's hash is stored. */
export function newRefreshSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function formatRefreshToken(sessionId: string, secret: string): string {
  return `${sessionId}.${secret}`;
}

export function parseRefreshToken(token: string): { sessionId: string; secret: string } | undefined {
  const [sessionId, secret, ...rest] = token.split('.');
  if (rest.length > 0 || !sessionId || !secret || !UUID.test(sessionId) || !/^[\w-]{43}$/.test(secret)) return undefined;
  return { sessionId, secret };
}

export function hashRefreshSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
