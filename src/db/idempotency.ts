// Idempotent creates, on the database's side: the first answer to a create sent with an
// Idempotency-Key is written in the create's own transaction (so it exists exactly when the
// create committed), found again by a repeat, and swept a day later. The HTTP side is
// plugins/idempotency.ts; services see only `CreateRecord`.
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import { type Database, rowsOf } from './database.js';
import { idempotencyKey } from './schema.js';

/** How long a key holds its answer. */
const IDEMPOTENCY_TTL_HOURS = 24;

/** What a create is given when the request carried an Idempotency-Key. */
export interface CreateRecord {
  /**
   * Writes the answer the create is about to give, inside its transaction. Throws when the key
   * holds an answer already (a repeat that raced this one, or a key reused for another request),
   * which rolls the create back.
   */
  record(tx: Database, answer: unknown): Promise<void>;
  /** For an upload: what was uploaded (its bytes' SHA-256, name and type), to tell repeats apart. */
  describeUpload(content: string): void;
}

export interface StoredAnswer {
  fingerprint: string;
  status: number;
  answer: unknown;
}

export async function findStoredAnswer(db: Database, scope: string, key: string): Promise<StoredAnswer | undefined> {
  const [row] = await db
    .select({ fingerprint: idempotencyKey.fingerprint, status: idempotencyKey.status, answer: idempotencyKey.answer })
    .from(idempotencyKey)
    .where(and(eq(idempotencyKey.scope, scope), eq(idempotencyKey.key, key), gt(idempotencyKey.expiresAt, sql`now()`)));
  return row;
}

/** Stores the answer unless the key holds a live one (an expired one is taken over); true when stored. */
export async function storeAnswer(
  tx: Database,
  entry: { scope: string; key: string; fingerprint: string; status: number; answer: unknown },
): Promise<boolean> {
  const expiresAt = sql`now() + make_interval(hours => ${IDEMPOTENCY_TTL_HOURS})`;
  const rows = await tx
    .insert(idempotencyKey)
    .values({ ...entry, expiresAt })
    .onConflictDoUpdate({
      target: [idempotencyKey.scope, idempotencyKey.key],
      set: {
        fingerprint: entry.fingerprint,
        status: entry.status,
        answer: entry.answer,
        createdAt: sql`now()`,
        expiresAt,
      },
      setWhere: lt(idempotencyKey.expiresAt, sql`now()`),
    })
    .returning({ key: idempotencyKey.key });
  return rows.length > 0;
}

/** Removes expired keys, at most `limit` at a time; returns how many. */
export async function sweepExpiredAnswers(db: Database, limit = 10_000): Promise<number> {
  const rows = await db.execute(sql`
    delete from idempotency_key where (scope, key) in (
      select scope, key from idempotency_key where expires_at < now() order by expires_at limit ${limit})
    returning 1`);
  return rowsOf(rows).length;
}
