// Watches every response of a test app and records any that carries a secret: a password hash,
// a refresh token hash, or the signing secret. createTestApp fails the file when one does.
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import type { DatabaseHandle } from '../../src/db/database.js';
import { query } from './database.js';

export interface Leak {
  route: string;
  secret: string;
}

const ARGON2_HASH = /\$argon2(id|i|d)\$/;

export function installResponseScan(app: FastifyInstance, handle: DatabaseHandle, fixedSecrets: string[]): Leak[] {
  const leaks: Leak[] = [];
  app.addHook('onSend', async (request, _reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    const body = payload.toString();
    const route = `${request.method} ${request.url}`;
    if (ARGON2_HASH.test(body)) leaks.push({ route, secret: 'an argon2 password hash' });
    // The secrets as they are now: refresh token hashes change on every refresh.
    const stored = await query<{ secret: string }>(
      handle,
      sql`select password_hash as secret from user_account
          union all select refresh_token_hash from auth_session`,
    ).catch(() => [] as { secret: string }[]);
    for (const secret of [...fixedSecrets, ...stored.map((row) => row.secret)]) {
      if (secret && body.includes(secret)) leaks.push({ route, secret: `${secret.slice(0, 12)}…` });
    }
    return payload;
  });
  return leaks;
}
