// API keys for tests of the /3 surface, made as POST /api/v1/me/api-keys makes them.
import { createApiKeyService } from '../../src/modules/api-keys/api-keys.service.js';
import type { TestApp } from './app.js';
import { register } from './builders.js';

/** A new user's live API key, made as POST /api/v1/me/api-keys makes it; and a way to revoke it. */
export async function apiKeyOf(t: TestApp): Promise<{ key: string; userId: number; revoke(): Promise<void> }> {
  const { user } = await register(t);
  const principal = { userId: user.id, role: user.role, sessionId: 'test' };
  const keys = createApiKeyService({ db: t.database.handle.db });
  const created = await keys.createKey(principal, 'tmdb tests');
  return { key: created.key, userId: user.id, revoke: () => keys.revokeKey(principal, created.id) };
}
