import { and, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Role } from '../../http/principal.js';
import { type Database, jsonValue } from '../../db/database.js';
import { favoriteMovies, userAccount } from '../../db/schema.js';
import { containsText } from '../../db/search-text.js';
import type { User } from './users.schemas.js';
import type { Image } from '../files/files.schemas.js';
import { imageOfFileId } from '../files/image-sizes.js';

const userColumns = {
  id: userAccount.userId,
  username: userAccount.username,
  email: userAccount.email,
  firstName: userAccount.firstName,
  lastName: userAccount.lastName,
  role: userAccount.role,
  createdAt: userAccount.createdAt,
  updatedAt: userAccount.updatedAt,
  avatar: sql<Image | string | null>`${imageOfFileId(sql`${userAccount.avatarId}`)}`,
};

interface UserRow extends Omit<User, 'avatar' | 'createdAt' | 'updatedAt'> {
  createdAt: Date;
  updatedAt: Date;
  avatar: Image | string | null;
}

function toUser(row: UserRow): User {
  const avatar = row.avatar === null ? null : jsonValue<Image>(row.avatar);
  return { ...row, avatar, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** Sets (or clears) the avatar; answers the file it replaced, or undefined when there is no such user. */
export async function setAvatar(tx: Database, userId: number, fileId: number | null): Promise<{ replaced: number | null } | undefined> {
  const [before] = await tx.select({ avatar: userAccount.avatarId }).from(userAccount).where(eq(userAccount.userId, userId)).for('update');
  if (!before) return undefined;
  await tx.update(userAccount).set({ avatarId: fileId }).where(eq(userAccount.userId, userId));
  return { replaced: before.avatar };
}

export interface NewUser {
  username: string;
  email: string;
  passwordHash: string;
  firstName?: string | null | undefined;
  lastName?: string | null | undefined;
  role?: Role;
}

export async function insertUser(db: Database, user: NewUser): Promise<User> {
  const [row] = await db
    .insert(userAccount)
    .values({ ...user, firstName: user.firstName ?? null, lastName: user.lastName ?? null })
    .returning(userColumns);
  return toUser(row!);
}

export async function findUserById(db: Database, userId: number): Promise<User | undefined> {
  const [row] = await db.select(userColumns).from(userAccount).where(eq(userAccount.userId, userId));
  return row && toUser(row);
}

/** The account a login names, by username or e-mail, without regard to case. */
export async function findUserByEmail(db: Database, email: string) {
  const [row] = await db
    .select(userColumns)
    .from(userAccount)
    .where(sql`lower(${userAccount.email}) = lower(${email})`);
  return row && toUser(row);
}

export async function usernameTaken(db: Database, username: string): Promise<boolean> {
  const [row] = await db
    .select({ id: userAccount.userId })
    .from(userAccount)
    .where(sql`lower(${userAccount.username}) = lower(${username})`);
  return row !== undefined;
}

export type UserPatch = Partial<Pick<NewUser, 'username' | 'email' | 'firstName' | 'lastName' | 'passwordHash' | 'role'>>;

export async function updateUser(db: Database, userId: number, patch: UserPatch): Promise<User | undefined> {
  const [row] = await db.update(userAccount).set(patch).where(eq(userAccount.userId, userId)).returning(userColumns);
  return row && toUser(row);
}

export async function deleteUser(db: Database, userId: number): Promise<boolean> {
  const rows = await db.delete(userAccount).where(eq(userAccount.userId, userId)).returning({ id: userAccount.userId });
  return rows.length > 0;
}

/** The admins' ids, locked until the transaction ends, so that two demotions cannot race. */
export async function lockAdmins(tx: Database): Promise<number[]> {
  const rows = await tx.select({ id: userAccount.userId }).from(userAccount).where(eq(userAccount.role, 'admin')).for('update');
  return rows.map((r) => r.id);
}

export interface UserFilter {
  q?: string | undefined;
  role?: Role | undefined;
}

function userWhere(filter: UserFilter): SQL | undefined {
  return and(
    filter.q ? or(containsText(userAccount.username, filter.q), containsText(userAccount.email, filter.q)) : undefined,
    filter.role ? eq(userAccount.role, filter.role) : undefined,
  );
}

export async function findUsers(db: Database, filter: UserFilter, window: { limit: number; offset: number }): Promise<User[]> {
  const rows = await db
    .select(userColumns)
    .from(userAccount)
    .where(userWhere(filter))
    .orderBy(userAccount.userId)
    .limit(window.limit)
    .offset(window.offset);
  return rows.map(toUser);
}

export async function countUsers(db: Database, filter: UserFilter): Promise<number> {
  const [row] = await db.select({ total: count() }).from(userAccount).where(userWhere(filter));
  return row?.total ?? 0;
}

/** Each user's favorite movie ids, most recently favorited first. */
export async function findFavoriteMovieIds(db: Database, userIds: number[]): Promise<Map<number, number[]>> {
  const byUser = new Map<number, number[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db
    .select({ userId: favoriteMovies.userId, movieId: favoriteMovies.movieId })
    .from(favoriteMovies)
    .where(inArray(favoriteMovies.userId, userIds))
    .orderBy(desc(favoriteMovies.createdAt), desc(favoriteMovies.movieId));
  for (const row of rows) byUser.get(row.userId)?.push(row.movieId);
  return byUser;
}
