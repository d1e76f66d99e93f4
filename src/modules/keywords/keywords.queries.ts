// Keywords: looked up by part of the name (the trigram index on lower(name) serves the match),
// each with the number of movies that carry it.
import { sql } from 'drizzle-orm';
import { type Database, executePlannedEachTime, rowsOf } from '../../db/database.js';
import { nameMatch, nameOrder } from '../../db/search-text.js';
import type { Keyword } from './keywords.schemas.js';

// keyword.movies_count is kept by triggers on movie_keyword (drizzle/0016).
const keywordColumns = sql`k.keyword_id as id, k.name, k.movies_count as "moviesCount"`;

const toKeyword = (row: Keyword): Keyword => ({ id: Number(row.id), name: row.name, moviesCount: Number(row.moviesCount) });

/** Keywords whose name contains `q` (all without it): names beginning with it first, then the most used. */
export async function findKeywords(db: Database, filter: { q?: string | undefined; limit: number }): Promise<Keyword[]> {
  const match = filter.q === undefined ? undefined : nameMatch(sql`k.name`, filter.q);
  const rows = rowsOf<Keyword>(
    await executePlannedEachTime(
      db,
      sql`select ${keywordColumns} from keyword k
        ${match ? sql`where ${match.contains}` : sql``}
        order by ${match ? sql`${match.begins} desc, ` : sql``}k.movies_count desc, ${nameOrder(sql`k.name`)}, k.keyword_id
        limit ${filter.limit}`,
    ),
  );
  return rows.map(toKeyword);
}

export async function findKeyword(db: Database, keywordId: number): Promise<Keyword | undefined> {
  const [row] = rowsOf<Keyword>(await db.execute(sql`select ${keywordColumns} from keyword k where k.keyword_id = ${keywordId}`));
  return row && toKeyword(row);
}

/**
 * The id of a keyword named `name` without regard to case, if any. Called in the transaction that
 * adds one, after taking that name's lock: two editors adding the same keyword at once wait for
 * each other, and the second sees the first's.
 */
export async function lockKeywordName(tx: Database, name: string): Promise<number | undefined> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('keyword ' || lower(${name})))`);
  const [row] = rowsOf<{ id: number }>(
    await tx.execute(sql`select keyword_id as id from keyword where lower(name) = lower(${name}) limit 1`),
  );
  return row === undefined ? undefined : Number(row.id);
}

export async function insertKeyword(tx: Database, name: string): Promise<number> {
  const [row] = rowsOf<{ id: number }>(await tx.execute(sql`insert into keyword (name) values (${name}) returning keyword_id as id`));
  return Number(row!.id);
}
