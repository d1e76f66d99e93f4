// One statement for one page of a sorted list, by offset (the first pages) or after a cursor
// position (any depth). Every order ends with the row's id, so that rows with equal sort values
// keep one order and each row comes exactly once while a client walks the list.
import { type SQL, sql } from 'drizzle-orm';
import { BadRequestError } from '../errors.js';
import type { Database } from './database.js';
import { executePlannedEachTime, rowsOf } from './database.js';

/** Where a page ended: the sort values of its last row (as text, null for unknown), then its id. */
export type CursorPosition = (string | number | null)[];

export interface SortColumn {
  /** The value sorted by, over the list's sources; text in the C collation (`collate "C"`: byte order, the same on every server). */
  value: SQL;
  /** Its PostgreSQL type: a cursor carries the value as text and casts it back. */
  type: 'text' | 'date' | 'numeric' | 'interval' | 'integer' | 'timestamptz' | 'float8';
  descending: boolean;
}

export interface ListOrder {
  /** One column that may be null (unknown values come last either way), or several that may not. */
  columns: SortColumn[];
  nullable: boolean;
  /** The row's id, the last tie-breaker; it goes the way the first column goes. */
  id: SQL;
}

export interface PageQuery {
  /** The rows listed: the table(s) the conditions and the order read. */
  from: SQL;
  conditions: SQL[];
  /** The documents of the page's rows, by id, in the order given: built for those rows only. */
  documents: (ids: number[]) => Promise<unknown[]>;
  order: ListOrder;
  limit: number;
  offset?: number;
  after?: CursorPosition | undefined;
}

export interface PageRows<T> {
  documents: T[];
  /** Where the page's last row stands, when more rows follow; null on the last page. */
  next: CursorPosition | null;
  /** Where its first row stands; null when it has none (findPage always says). */
  first?: CursorPosition | null;
}

const direction = (descending: boolean) => sql.raw(descending ? 'desc' : 'asc');
const typed = (value: string | number | null, type: SortColumn['type']) => sql`${value}::${sql.raw(type)}`;

/**
 * Rows after a position in lexicographic order. One direction throughout gives one row comparison,
 * which an index on the same columns answers; mixed directions spell the comparison out.
 */
function afterCondition(columns: SQL[], descending: boolean[], values: SQL[]): SQL {
  if (descending.every((d) => d === descending[0])) {
    return sql`(${sql.join(columns, sql`, `)}) ${sql.raw(descending[0] ? '<' : '>')} (${sql.join(values, sql`, `)})`;
  }
  const alternatives = columns.map((column, i) => {
    const equalBefore = columns.slice(0, i).map((earlier, j) => sql`${earlier} = ${values[j]}`);
    const beyond = sql`${column} ${sql.raw(descending[i] ? '<' : '>')} ${values[i]}`;
    return sql`(${sql.join([...equalBefore, beyond], sql` and `)})`;
  });
  return sql`(${sql.join(alternatives, sql` or `)})`;
}

function checkPosition(order: ListOrder, after: CursorPosition): void {
  const valid =
    after.length === order.columns.length + 1 &&
    Number.isSafeInteger(after[after.length - 1]) &&
    after.slice(0, -1).every((v) => v === null || typeof v === 'string' || typeof v === 'number') &&
    (order.nullable || after.slice(0, -1).every((v) => v !== null));
  if (!valid) {
    throw new BadRequestError('The cursor is damaged: start again from the first page.', [
      { in: 'query', field: 'cursor', message: 'is damaged' },
    ]);
  }
}

export async function findPage<T>(db: Database, query: PageQuery): Promise<PageRows<T>> {
  const { order, limit } = query;
  const offset = query.offset ?? 0;
  const columns = order.columns.map((c) => c.value);
  const descending = order.columns.map((c) => c.descending);
  const idDescending = descending[0] ?? false;
  const fetch = offset === 0 ? sql.raw(String(limit + 1)) : sql`${offset + limit + 1}`;
  const outerLimit = offset === 0 ? sql.raw(`${limit + 1}`) : sql`${limit + 1} offset ${offset}`;
  const where = (extra: SQL[]) => {
    const all = [...query.conditions, ...extra];
    return all.length ? sql`where ${sql.join(all, sql` and `)}` : sql``;
  };
  // The page is chosen from `from` alone (an index can often answer it without the table), then
  // documents are built for its rows only, by a statement that never changes (see fixedStatement).
  const outputs = sql.join(
    [
      ...columns.map((column, i) => sql`${column} as sort_${sql.raw(String(i))}`),
      ...columns.map((column, i) => sql`(${column})::text as position_${sql.raw(String(i))}`),
      sql`${order.id} as position_id`,
    ],
    sql`, `,
  );
  // The order over the sources, or over a subquery's outputs (sort_0, ..., position_id).
  const orderBy = (over: 'sources' | 'outputs') =>
    sql.join(
      [
        ...columns.map((column, i) => sql`${over === 'outputs' ? sql.raw(`sort_${i}`) : column} ${direction(descending[i]!)}`),
        sql`${over === 'outputs' ? sql.raw('position_id') : order.id} ${direction(idDescending)}`,
      ],
      sql`, `,
    );

  if (query.after) checkPosition(order, query.after);
  const afterValues = query.after?.slice(0, -1) ?? [];
  const afterId = query.after ? Number(query.after[query.after.length - 1]) : undefined;

  // Rows with a value, then (for a column that may be null) rows without one, each through its own
  // index range; a cursor already among the unknowns skips the first part.
  const inUnknowns = order.nullable && query.after !== undefined && afterValues[0] === null;
  const known = (take: SQL) => {
    const extra = order.nullable ? [sql`${columns[0]} is not null`] : [];
    if (query.after) {
      extra.push(
        afterCondition(
          [...columns, order.id],
          [...descending, idDescending],
          [...afterValues.map((v, i) => typed(v, order.columns[i]!.type)), sql`${afterId}::integer`],
        ),
      );
    }
    return sql`select ${outputs}, 0 as phase from ${query.from} ${where(extra)} order by ${orderBy('sources')} limit ${take}`;
  };
  const unknown = (take: SQL) => {
    const extra = [sql`${columns[0]} is null`];
    if (inUnknowns) extra.push(sql`${order.id} ${sql.raw(idDescending ? '<' : '>')} ${afterId}::integer`);
    return sql`select ${outputs}, 1 as phase from ${query.from} ${where(extra)} order by ${order.id} ${direction(idDescending)} limit ${take}`;
  };
  // Planned for its values every time: the best plan depends on them (a common genre over fifty
  // years wants the sort's index; a rare genre in one year, the genre's and the date's), and a
  // prepared statement's plan, made once for any values, read a hundred thousand rows for the first.
  const run = async (statement: SQL) => rowsOf<Record<string, unknown>>(await executePlannedEachTime(db, statement));
  let rows: Record<string, unknown>[];
  if (!order.nullable) {
    rows = await run(sql`select * from (${known(fetch)}) page order by ${orderBy('outputs')} limit ${outerLimit}`);
  } else if (inUnknowns) {
    rows = await run(
      offset === 0
        ? unknown(fetch)
        : sql`select * from (${unknown(fetch)}) page order by position_id ${direction(idDescending)} limit ${outerLimit}`,
    );
  } else if (offset === 0) {
    // The unknowns are read only when the known values run out before the page is full: reading
    // both at once cost a second index walk (20 ms for a rare genre) that most pages never use.
    rows = await run(known(fetch));
    if (rows.length <= limit) rows = [...rows, ...(await run(unknown(sql.raw(String(limit + 1 - rows.length)))))];
  } else {
    rows = await run(sql`select * from ((${known(fetch)}) union all (${unknown(fetch)})) page
      order by phase, ${orderBy('outputs')} limit ${outerLimit}`);
  }
  const more = rows.length > limit;
  const pageRows = rows.slice(0, limit);
  const positionOf = (row: Record<string, unknown>): CursorPosition => [
    ...columns.map((_, i) => (row[`position_${i}`] as string | null) ?? null),
    Number(row.position_id),
  ];
  const last = pageRows[pageRows.length - 1];
  const next = more && last ? positionOf(last) : null;
  const documents = pageRows.length ? ((await query.documents(pageRows.map((row) => Number(row.position_id)))) as T[]) : [];
  return { documents, next, first: pageRows[0] ? positionOf(pageRows[0]) : null };
}
