// Accounts after sign-up: a user's own profile and password, and the admin's view of everyone.
import type { Principal, Role } from '../../http/principal.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import type { Accounts } from '../auth/auth.service.js';
import { findPasswordHash } from '../auth/credentials.queries.js';
import { normalizeUsername } from '../auth/credentials.schemas.js';
import type { SessionService } from '../auth/sessions.service.js';
import type { Database } from '../../db/database.js';
import { violatedUniqueConstraint } from '../../db/errors.js';
import { ConflictError, notFound, UnauthorizedError, UnprocessableError } from '../../errors.js';
import { type Page, pageWindow } from '../../http/pagination.js';
import {
  countUsers,
  deleteUser,
  findFavoriteMovieIds,
  findUserById,
  findUsers,
  insertUser,
  lockAdmins,
  setAvatar,
  updateUser,
  type UserPatch,
} from './users.queries.js';
import type { FileService, ImageInput } from '../files/files.service.js';
import type { AdminUser, ChangePasswordBody, UpdateMeBody, User, UserListQuery } from './users.schemas.js';

/** The 409 a taken username or e-mail deserves, naming the field; other errors pass through. */
function takenFieldError(error: unknown): ConflictError | undefined {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'user_account_username_key') {
    return new ConflictError('That username is taken.', [{ in: 'body', field: 'username', message: 'is taken' }]);
  }
  if (constraint === 'user_account_email_key') {
    return new ConflictError('An account with that e-mail exists.', [{ in: 'body', field: 'email', message: 'is taken' }]);
  }
  return undefined;
}

/** The accounts, as the auth module signs them up and in. */
export const userAccounts: Accounts = {
  async create(tx, account) {
    try {
      return await insertUser(tx, account);
    } catch (error) {
      throw takenFieldError(error) ?? error;
    }
  },
  find: findUserById,
};

export interface UserServiceDeps {
  db: Database;
  sessions: Pick<SessionService, 'revokeAllOf'>;
  files: Pick<FileService, 'attach' | 'removeIfUnused'>;
}

export function createUserService({ db, sessions, files }: UserServiceDeps) {
  async function requireUser(userId: number): Promise<User> {
    const user = await findUserById(db, userId);
    if (!user) throw notFound('user', userId);
    return user;
  }

  async function applyPatch(userId: number, patch: UserPatch, tx: Database = db): Promise<User> {
    try {
      const user = await updateUser(tx, userId, patch);
      if (!user) throw notFound('user', userId);
      return user;
    } catch (error) {
      throw takenFieldError(error) ?? error;
    }
  }

  /** Refuses a change that would leave the service without any admin. */
  async function keepAnAdmin(tx: Database, userId: number, action: string) {
    const admins = await lockAdmins(tx);
    if (admins.length === 1 && admins[0] === userId) {
      throw new ConflictError(`The last admin cannot ${action}: make another user admin first.`);
    }
  }

  async function withFavorites(users: User[]): Promise<AdminUser[]> {
    const favorites = await findFavoriteMovieIds(
      db,
      users.map((u) => u.id),
    );
    return users.map((user) => ({ ...user, favoriteMovieIds: favorites.get(user.id) ?? [] }));
  }

  return {
    getMe: (principal: Principal) => requireUser(principal.userId),

    updateMe(principal: Principal, body: UpdateMeBody): Promise<User> {
      const patch: UserPatch = { ...body };
      if (body.username !== undefined) patch.username = normalizeUsername(body.username);
      if (body.email !== undefined) patch.email = body.email.trim();
      return applyPatch(principal.userId, patch);
    },

    async changePassword(principal: Principal, body: ChangePasswordBody): Promise<void> {
      const current = await findPasswordHash(db, principal.userId);
      if (!(await verifyPassword(current, body.currentPassword))) {
        throw new UnprocessableError('The current password is wrong.', [{ in: 'body', field: 'currentPassword', message: 'is wrong' }]);
      }
      const passwordHash = await hashPassword(body.newPassword);
      await db.transaction(async (tx) => {
        await applyPatch(principal.userId, { passwordHash }, tx);
        // Every other device must sign in again with the new password.
        await sessions.revokeAllOf(principal.userId, 'password changed', principal.sessionId, tx);
      });
    },

    async deleteMe(principal: Principal): Promise<void> {
      const avatar = (await findUserById(db, principal.userId))?.avatar;
      await db.transaction(async (tx) => {
        if (principal.role === 'admin') await keepAnAdmin(tx, principal.userId, 'delete their account');
        // Sessions and favorites go with the account (ON DELETE CASCADE).
        if (!(await deleteUser(tx, principal.userId))) throw new UnauthorizedError('The account no longer exists.');
      });
      await files.removeIfUnused(avatar?.id);
    },

    /** A user's avatar must be a file they uploaded themselves (or a new upload). */
    setAvatar: (principal: Principal, input: ImageInput) =>
      files.attach(input, principal, { anyUploader: false }, async (fileId) => {
        const outcome = await db.transaction((tx) => setAvatar(tx, principal.userId, fileId));
        if (!outcome) throw new UnauthorizedError('The account no longer exists.');
        return { replaced: outcome.replaced, result: await requireUser(principal.userId) };
      }),

    async removeAvatar(principal: Principal): Promise<void> {
      const outcome = await db.transaction((tx) => setAvatar(tx, principal.userId, null));
      await files.removeIfUnused(outcome?.replaced);
    },

    async listUsers(query: UserListQuery): Promise<Page<AdminUser>> {
      const filter = { q: query.q, role: query.role };
      const [users, total] = await Promise.all([findUsers(db, filter, pageWindow(query)), countUsers(db, filter)]);
      return { items: await withFavorites(users), total, page: query.page, pageSize: query.pageSize };
    },

    async getUser(userId: number): Promise<AdminUser> {
      const [user] = await withFavorites([await requireUser(userId)]);
      return user!;
    },

    async setRole(userId: number, role: Role): Promise<AdminUser> {
      await db.transaction(async (tx) => {
        if (role !== 'admin') await keepAnAdmin(tx, userId, 'lose the admin role');
        await applyPatch(userId, { role }, tx);
      });
      return this.getUser(userId);
    },

    async deleteUser(userId: number): Promise<void> {
      const avatar = (await findUserById(db, userId))?.avatar;
      await db.transaction(async (tx) => {
        await keepAnAdmin(tx, userId, 'be deleted');
        if (!(await deleteUser(tx, userId))) throw notFound('user', userId);
      });
      await files.removeIfUnused(avatar?.id);
    },
  };
}

export type UserService = ReturnType<typeof createUserService>;
