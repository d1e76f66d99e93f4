// The first admin: created at start from ADMIN_EMAIL and ADMIN_PASSWORD, or by
// `moviedb users create-admin`, when no account has that e-mail yet.
import { hashPassword } from '../auth/passwords.js';
import type { Database } from '../../db/database.js';
import { findUserByEmail, insertUser, updateUser, usernameTaken } from './users.queries.js';
import type { User } from './users.schemas.js';
import { normalizeUsername } from '../auth/credentials.schemas.js';

export interface AdminRequest {
  email: string;
  password: string;
  /** Default: the e-mail's local part, made a valid username. */
  username?: string | undefined;
  /** When an account has that e-mail already: make it admin (true) or leave it as it is. */
  promoteExisting: boolean;
}

export type AdminOutcome = { outcome: 'created' | 'promoted' | 'unchanged'; user: User };

export async function ensureAdmin(db: Database, request: AdminRequest): Promise<AdminOutcome> {
  const email = request.email.trim();
  const existing = await findUserByEmail(db, email);
  if (existing) {
    if (existing.role === 'admin' || !request.promoteExisting) return { outcome: 'unchanged', user: existing };
    const promoted = await updateUser(db, existing.id, { role: 'admin' });
    return { outcome: 'promoted', user: promoted! };
  }
  const username = request.username ? normalizeUsername(request.username) : await freeUsername(db, email);
  const user = await insertUser(db, { username, email, passwordHash: await hashPassword(request.password), role: 'admin' });
  return { outcome: 'created', user };
}

/** `Ana.Lopez+movies@example.com` -> `ana.lopez_movies`, then `ana.lopez_movies2`... if taken. */
async function freeUsername(db: Database, email: string): Promise<string> {
  let base = normalizeUsername(email.split('@')[0] ?? '')
    .replace(/[^a-z0-9_.-]/g, '_')
    .slice(0, 26);
  if (base.length < 3) base = `${base}admin`.slice(0, 26);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}${n}`;
    if (!(await usernameTaken(db, candidate))) return candidate;
  }
}
