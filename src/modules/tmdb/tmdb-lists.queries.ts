// Paged lists in TMDB's form ({page, results, total_pages, total_results}, 20 a page): movies,
// people, keywords and companies, over the native lists' conditions, orders and keyset pages.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { executePlannedEachTime, fixedStatement, jsonValue, rowsOf } from '../../db/database.js';
import { type ListOrder, findPage } from '../../db/keyset.js';
import { type ListTotal, catalogueGeneration, listMemoryOf, statementKey } from '../../db/list-memory.js';
import { whereClause } from '../../db/sql.js';
import { shownId } from './tmdb-ids.js';
import { movieResultJson, personResultFields } from './tmdb-json.queries.js';
import { findMovieResults } from './tmdb-movies.queries.js';
import { TMDB_PAGE_SIZE } from './tmdb.schemas.js';

type Json = Record<string, unknown>;

export interface TmdbPage<T = Json> {
  page: number;
  results: T[];
  total_pages: number;
  total_results: number;
}

export interface ListSpec {
  /** The rows listed, as their alias (`movie m`, `person p`, or a search's source). */
  from: SQL;
  conditions: SQL[];
  order: ListOrder;
  documents: (ids: number[]) => Promise<Json[]>;
}

/**
 * Rows counted exactly, at most, where the planner's estimate is below TRUSTED_ESTIMATE; beyond,
 * total_results is the estimate (never below this), and a page with more rows after it raises it
 * to what that page shows there is. A planner fooled by correlated filters (budget and revenue
 * together) estimated 1,251 rows for 2,501: a list it puts below TRUSTED_ESTIMATE is counted.
 */
export const EXACT_TOTAL_MAX = 10_000;
/**
 * An estimate this large is taken as it is, uncounted: counting a genre over twenty years to
 * 10,000 rows took 58 ms at a million movies, and an estimate is rarely wrong by tenfold there.
 */
const TRUSTED_ESTIMATE = 10_000;

async function estimateRows(db: Database, listed: SQL): Promise<number> {
  const [plan] = rowsOf<Record<string, unknown>>(await db.execute(sql`explain (format json) ${listed}`));
  const value = plan ? Object.values(plan)[0] : undefined;
  const parsed = (typeof value === 'string' ? JSON.parse(value) : value) as [{ Plan: { 'Plan Rows': number } }] | undefined;
  return Math.round(parsed?.[0]?.Plan['Plan Rows'] ?? 0);
}

/**
 * Rows of the list: the planner's estimate when it is at least TRUSTED_ESTIMATE (the planner's
 * work only), else counted up to `upTo` (then exact), or beyond it the estimate, never below what
 * was counted. `upTo` given: counted, not estimated first.
 */
async function countRows(db: Database, from: SQL, conditions: SQL[], upTo?: number): Promise<ListTotal> {
  const listed = sql`select 1 from ${from} ${whereClause(conditions)}`;
  const estimate = upTo === undefined ? await estimateRows(db, listed) : undefined;
  if (estimate !== undefined && estimate >= TRUSTED_ESTIMATE) return { value: estimate, exact: false };
  const cap = upTo ?? EXACT_TOTAL_MAX;
  const [row] = rowsOf<{ total: number }>(
    await executePlannedEachTime(db, sql`select count(*)::int as total from (${listed} limit ${cap + 1}) counted`),
  );
  const counted = Number(row?.total ?? 0);
  if (counted <= cap) return { value: counted, exact: true };
  return { value: Math.max(counted, estimate ?? (await estimateRows(db, listed))), exact: false };
}

const answer = (page: number, results: Json[], total: number): TmdbPage => ({
  page,
  results,
  total_pages: Math.ceil(total / TMDB_PAGE_SIZE),
  total_results: total,
});

/**
 * One page by its number. The rows before it are skipped from the end of the nearest page before
 * it that this node has served (db/list-memory.ts), or from the start of the list (an offset along
 * the order's index) when there is none; the list's total is counted once while nothing changes.
 * `readGeneration`: catalogue_generation as this request read it before building the list, if it did.
 */
export async function findTmdbPage(db: Database, spec: ListSpec, page: number, readGeneration?: string): Promise<TmdbPage> {
  const memory = listMemoryOf(db);
  const generation = readGeneration ?? (await catalogueGeneration(db));
  const where = whereClause(spec.conditions);
  const countKey = statementKey(db, sql`${spec.from} ${where}`);
  const orderKey = statementKey(
    db,
    sql`${spec.from} ${where} order by ${sql.join([...spec.order.columns.map((c) => sql`${c.value} ${sql.raw(c.descending ? 'desc' : 'asc')}`), spec.order.id], sql`, `)}`,
  );
  const offset = (page - 1) * TMDB_PAGE_SIZE;
  const start = memory.startBefore(orderKey, generation, page);
  const skipped = offset - (start ? start.page * TMDB_PAGE_SIZE : 0);
  // Rows skipped: the row before the page comes too (its documents are not built), and where it
  // stands is the end of the page before, kept, so that this page is found from there next time.
  const withRowBefore = skipped > 0;
  const kept = memory.total(countKey, generation);
  const [rows, counted] = await Promise.all([
    findPage<Json>(db, {
      from: spec.from,
      conditions: spec.conditions,
      order: spec.order,
      documents: withRowBefore ? (ids) => (ids.length > 1 ? spec.documents(ids.slice(1)) : Promise.resolve([])) : spec.documents,
      limit: TMDB_PAGE_SIZE + (withRowBefore ? 1 : 0),
      offset: skipped - (withRowBefore ? 1 : 0),
      ...(start ? { after: start.position } : {}),
    }),
    kept ?? countRows(db, spec.from, spec.conditions),
  ]);
  if (withRowBefore && rows.first) memory.keepPageEnd(orderKey, generation, page - 1, rows.first);
  if (rows.next) memory.keepPageEnd(orderKey, generation, page, rows.next);

  const seen = offset + rows.documents.length;
  let total: ListTotal;
  if (rows.next) total = counted.value > seen ? counted : { value: seen + 1, exact: false };
  else if (rows.documents.length > 0 || page === 1) total = { value: seen, exact: true };
  // Past the end: the rows are fewer than the offset, and counting them costs what skipping them did.
  else total = counted.exact && counted.value <= offset ? counted : await countRows(db, spec.from, spec.conditions, offset);
  memory.keepTotal(countKey, generation, total);
  return answer(page, rows.documents, total.value);
}

/**
 * Another part of the list than a page (trending's, after the movies it puts first): `window`
 * rows from its start, with the list's total.
 */
export async function findTmdbWindow(db: Database, spec: ListSpec, window: { offset: number; limit: number }): Promise<TmdbPage> {
  const [rows, total] = await Promise.all([
    window.limit === 0
      ? { documents: [] as Json[] }
      : findPage<Json>(db, { from: spec.from, conditions: spec.conditions, order: spec.order, documents: spec.documents, ...window }),
    countRows(db, spec.from, spec.conditions),
  ]);
  return answer(1, rows.documents, total.value);
}

/**
 * The movies favorited in the last `days` days, the most favorited first (then the most popular),
 * at most `limit` of them: what trending puts first.
 */
export async function findRecentlyFavorited(db: Database, days: number, limit: number): Promise<number[]> {
  const rows = rowsOf<{ id: number }>(
    await executePlannedEachTime(
      db,
      sql`select f.movie_id as id from favorite_movies f join movie m on m.movie_id = f.movie_id
        where f.created_at >= now() - make_interval(days => ${days})
        group by f.movie_id, m.popularity_score order by count(*) desc, m.popularity_score desc, f.movie_id limit ${limit}`,
    ),
  );
  return rows.map((r) => Number(r.id));
}

/** A movie list over `movie m`. */
export function movieList(db: Database, conditions: SQL[], order: ListOrder, from: SQL = sql`movie m`): ListSpec {
  return { from, conditions, order, documents: (ids) => findMovieResults(db, ids) };
}

/** A person's list item: their fields, and the movies they are known for (their three most popular). */
const PERSON_RESULTS = fixedStatement(
  (value) => sql`select json_build_object(${personResultFields('p')},
      'known_for', coalesce((select json_agg(kf.doc) from (
        select ${movieResultJson} as doc
        from movie m where m.movie_id in (
          select ch.movie_id from "character" ch where ch.actor_id = p.person_id
          union select cc.movie_id from crew_credit cc where cc.person_id = p.person_id)
        order by m.popularity_score desc, m.movie_id limit 3) kf), '[]'::json)) as doc
    from unnest(${value('ids')}::int[]) with ordinality as wanted(id, n)
    join person p on p.person_id = wanted.id order by wanted.n`,
);

async function findPersonResults(db: Database, ids: number[]): Promise<Json[]> {
  const rows = await PERSON_RESULTS<{ doc: Json | string }>(db, { ids });
  return rows.map((r) => {
    const doc = jsonValue(r.doc) as Json & { known_for: Json[] };
    doc.known_for = doc.known_for.map((movie) => ({ ...movie, media_type: 'movie' }));
    return doc;
  });
}

export function personList(db: Database, conditions: SQL[], order: ListOrder, from: SQL = sql`person p`): ListSpec {
  return { from, conditions, order, documents: (ids) => findPersonResults(db, ids) };
}

const KEYWORD_RESULTS = fixedStatement(
  (value) => sql`select json_build_object('id', ${shownId('k', 'keyword_id')}, 'name', k.name) as doc
    from unnest(${value('ids')}::int[]) with ordinality as wanted(id, n) join keyword k on k.keyword_id = wanted.id order by wanted.n`,
);
const COMPANY_RESULTS = fixedStatement(
  (value) => sql`select json_build_object('id', ${shownId('co', 'company_id')}, 'logo_path', null, 'name', co.name,
      'origin_country', coalesce(oc.code, '')) as doc
    from unnest(${value('ids')}::int[]) with ordinality as wanted(id, n) join company co on co.company_id = wanted.id
    left join country oc on oc.country_id = co.origin_country_id order by wanted.n`,
);

const documentsOf = (statement: typeof KEYWORD_RESULTS, db: Database) => async (ids: number[]) =>
  (await statement<{ doc: Json | string }>(db, { ids })).map((r) => jsonValue(r.doc));

/** Keywords or companies whose name contains the text, the most used first. */
export function nameList(db: Database, table: 'keyword' | 'company', match: SQL): ListSpec {
  const alias = table === 'keyword' ? 'k' : 'co';
  const id = sql.raw(`${alias}.${table}_id`);
  return {
    from: sql.raw(`${table} ${alias}`),
    conditions: [match],
    order: { columns: [{ value: sql.raw(`${alias}.movies_count`), type: 'integer', descending: true }], nullable: false, id },
    documents: documentsOf(table === 'keyword' ? KEYWORD_RESULTS : COMPANY_RESULTS, db),
  };
}
