// What a batch of movies writes beside the movies themselves: their characters, crew and lists
// (keywords, companies, languages, countries), each made exactly the source's.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { intArray } from '../../db/sql.js';
import { chunks, type Counts, type LinkCounts, type OrderedLinkCounts, values } from './import-batches.js';
import { roleForOrder } from './tmdb-mapping.js';
import type { SourceCredit } from './tmdb-source-model.js';

/**
 * The batch's crew credits, exactly the source's: those gone are removed, new ones added. The
 * credits go as one JSON parameter: a batch of big productions holds more credits than a
 * statement may have parameters (65,535).
 */
export async function writeCrew(
  tx: Database,
  batchIds: SQL,
  credits: { movieId: number; personId: number; departmentId: number; job: string }[],
  counts: LinkCounts,
): Promise<void> {
  const wanted = sql`json_to_recordset(${JSON.stringify(credits)}::json) as w("movieId" int, "personId" int, "departmentId" int, job text)`;
  const removed = rowsOf(
    await tx.execute(sql`delete from crew_credit c where c.movie_id = any(${batchIds})
      and not exists (select 1 from ${wanted}
        where w."movieId" = c.movie_id and w."personId" = c.person_id and w."departmentId" = c.department_id and w.job = c.job)
      returning c.credit_id`),
  );
  counts.removed += removed.length;
  if (!credits.length) return;
  const inserted = rowsOf(
    await tx.execute(sql`insert into crew_credit (movie_id, person_id, department_id, job)
      select w."movieId", w."personId", w."departmentId", w.job from ${wanted}
      on conflict do nothing returning credit_id`),
  );
  counts.inserted += inserted.length;
  counts.unchanged += credits.length - inserted.length;
}

/**
 * A batch's links of one kind, exactly the source's, for the movies given (those whose list was
 * read): links gone are removed, new ones added, moved ones (another position) updated, the rest
 * left alone. From `fromPosition` on: what comes before is someone else's (movie_country's 0).
 * The links go as one JSON parameter, as the crew does.
 */
export async function writeLinks(
  tx: Database,
  link: { table: string; column: string; type: 'int' | 'text'; fromPosition?: number },
  movieIds: number[],
  rows: { movie: number; key: number | string; position: number | null }[],
  counts: LinkCounts | OrderedLinkCounts,
): Promise<void> {
  if (!movieIds.length) return;
  const table = sql.raw(link.table);
  const column = sql.raw(link.column);
  const ordered = 'moved' in counts;
  const wanted = sql`json_to_recordset(${JSON.stringify(rows)}::json) as w(movie int, key ${sql.raw(link.type)}, position smallint)`;
  const removed = rowsOf(
    await tx.execute(sql`delete from ${table} l where l.movie_id = any(${intArray(movieIds)})
      ${link.fromPosition ? sql`and l.position >= ${link.fromPosition}` : sql``}
      and not exists (select 1 from ${wanted} where w.movie = l.movie_id and w.key = l.${column})
      returning l.movie_id`),
  );
  counts.removed += removed.length;
  if (!rows.length) return;
  const written = rowsOf<{ inserted: boolean }>(
    await tx.execute(
      ordered
        ? sql`insert into ${table} (movie_id, ${column}, position) select w.movie, w.key, w.position from ${wanted}
            on conflict (movie_id, ${column}) do update set position = excluded.position where ${table}.position <> excluded.position
            returning (xmax = 0) as inserted`
        : sql`insert into ${table} (movie_id, ${column}) select w.movie, w.key from ${wanted}
            on conflict do nothing returning true as inserted`,
    ),
  );
  const inserted = written.filter((r) => r.inserted).length;
  counts.inserted += inserted;
  if ('moved' in counts) counts.moved += written.length - inserted;
  counts.unchanged += rows.length - written.length;
}

/**
 * One character per cast row, matched to what is there by (movie, person, billing order) (and
 * their rank, for the rare row repeated in the source): new ones inserted, changed ones updated.
 * Characters an editor added by hand are left alone.
 */
export async function writeCharacters(
  tx: Database,
  movies: { movieId: number; credits: SourceCredit[] }[],
  personIds: Map<number, number>,
  counts: Counts,
): Promise<void> {
  const movieIds = movies.map((m) => m.movieId);
  const existing = rowsOf<{ id: number; movie: number; actor: number | null; ord: number | null; name: string | null; role: string }>(
    await tx.execute(sql`select character_id as id, movie_id as movie, actor_id as actor, billing_order as ord, name, role
      from "character" where movie_id = any(${intArray(movieIds)}) order by character_id`),
  );
  const key = (movie: number, actor: number | null, order: number | null, rank: number) => `${movie}:${actor}:${order}:${rank}`;
  const byKey = new Map<string, (typeof existing)[number]>();
  const ranks = new Map<string, number>();
  for (const row of existing) {
    const base = `${row.movie}:${row.actor}:${row.ord}`;
    const rank = ranks.get(base) ?? 0;
    ranks.set(base, rank + 1);
    byKey.set(key(Number(row.movie), row.actor === null ? null : Number(row.actor), row.ord === null ? null : Number(row.ord), rank), row);
  }

  const inserts: SQL[] = [];
  const updates: SQL[] = [];
  const sourceRanks = new Map<string, number>();
  for (const { movieId, credits } of movies) {
    for (const credit of credits) {
      const actorId = personIds.get(credit.personTmdbId)!;
      const base = `${movieId}:${actorId}:${credit.order}`;
      const rank = sourceRanks.get(base) ?? 0;
      sourceRanks.set(base, rank + 1);
      const role = roleForOrder(credit.order);
      const found = byKey.get(key(movieId, actorId, credit.order, rank));
      if (!found) {
        inserts.push(sql`(${credit.character}, ${role}, ${movieId}::int, ${actorId}::int, ${credit.order}::int)`);
      } else if (found.name !== credit.character || found.role !== role) {
        updates.push(sql`(${Number(found.id)}::int, ${credit.character}, ${role})`);
      } else {
        counts.unchanged++;
      }
    }
  }
  for (const batch of chunks(inserts, 1_000)) {
    // The principal actors join actor_roles through the statement-level trigger.
    await tx.execute(sql`insert into "character" (name, role, movie_id, actor_id, billing_order) values ${values(batch)}`);
  }
  for (const batch of chunks(updates, 1_000)) {
    await tx.execute(sql`update "character" c set name = v.name, role = v.role
      from (values ${values(batch)}) as v(id, name, role) where c.character_id = v.id`);
  }
  counts.inserted += inserts.length;
  counts.updated += updates.length;
}
