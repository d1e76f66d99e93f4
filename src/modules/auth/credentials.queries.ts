// The columns of an account that signing in reads.
import { eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { userAccount } from '../../db/schema.js';

/** The account a login (username or e-mail, in any case) names. */
export async function findLoginAccount(db: Database, login: string) {
  const [row] = await db
    .select({ userId: userAccount.userId, passwordHash: userAccount.passwordHash })
    .from(userAccount)
    .where(or(sql`lower(${userAccount.username}) = lower(${login})`, sql`lower(${userAccount.email}) = lower(${login})`))
    .limit(1);
  return row;
}

export async function findPasswordHash(db: Database, userId: number): Promise<string | undefined> {
  const [row] = await db.select({ hash: userAccount.passwordHash }).from(userAccount).where(eq(userAccount.userId, userId));
  return row?.hash;
}
