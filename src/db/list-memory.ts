// What finding a list's pages cost, kept while the catalogue stays as it was: how many rows a list
// has, and where the pages served so far ended. A page asked for by its number is then read from
// the nearest such place before it (a keyset read, as a cursor is) instead of skipping every row
// before it, and a list is counted once, not on every page.
//
// Everything kept is for one value of catalogue_generation (migration 0020: every statement that
// writes what lists read moves it on), read at the start of each request, and at most MAX_AGE_MS
// old: a sequence moves on when a write is made, before it commits, so a list counted in between
// could be kept under the new value; the age bounds how long that can last. Bounded in entries.
import { createHash } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from './database.js';
import { rowsOf } from './database.js';
import type { CursorPosition } from './keyset.js';

/** How long a total or a page's end is kept at most, in ms (see above). */
export const MAX_AGE_MS = 60_000;
const MAX_TOTALS = 10_000;
/** Lists whose page ends are kept, and ends kept a list: 100,000 positions at most, about 15 MB for short sort values. */
const MAX_LISTS = 1_000;
export const MAX_PAGE_ENDS_PER_LIST = 100;
const MAX_VALUES = 100;

export interface ListTotal {
  value: number;
  /** Counted (or seen on the last page), not the planner's estimate. */
  exact: boolean;
}

interface Kept<T> {
  generation: string;
  at: number;
  value: T;
}

/** Least recently used first: a Map keeps insertion order, and a use moves an entry to the end. */
class Recent<T> {
  private readonly entries = new Map<string, Kept<T>>();
  constructor(private readonly max: number) {}

  get(key: string, generation: string, now: number): T | undefined {
    const kept = this.entries.get(key);
    if (kept === undefined) return undefined;
    this.entries.delete(key);
    if (kept.generation !== generation || now - kept.at > MAX_AGE_MS) return undefined;
    this.entries.set(key, kept);
    return kept.value;
  }

  /**
   * Kept anew, its age still counted from when it was first kept for this generation; or, `fresh`,
   * from now (a list of page ends, each of which has its own age).
   */
  set(key: string, generation: string, now: number, value: T, fresh = false): void {
    const was = this.entries.get(key);
    const at = !fresh && was !== undefined && was.generation === generation && now - was.at <= MAX_AGE_MS ? was.at : now;
    this.entries.delete(key);
    this.entries.set(key, { generation, at, value });
    if (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
  }
}

export interface PageStart {
  /** The page whose end this is: rows after `position` are those of page `page + 1` on. */
  page: number;
  position: CursorPosition;
}

export class ListMemory {
  private readonly totals = new Recent<ListTotal>(MAX_TOTALS);
  private readonly pageEnds = new Recent<Map<number, { position: CursorPosition; at: number }>>(MAX_LISTS);
  private readonly values = new Recent<unknown>(MAX_VALUES);

  constructor(private readonly now: () => number = Date.now) {}

  /** Something a list is built from (the genres' /3 ids), computed once a generation. */
  async remember<T>(key: string, generation: string, compute: () => Promise<T>): Promise<T> {
    const kept = this.values.get(key, generation, this.now()) as T | undefined;
    if (kept !== undefined) return kept;
    const value = await compute();
    this.values.set(key, generation, this.now(), value);
    return value;
  }

  total(key: string, generation: string): ListTotal | undefined {
    return this.totals.get(key, generation, this.now());
  }

  keepTotal(key: string, generation: string, total: ListTotal): void {
    this.totals.set(key, generation, this.now(), total);
  }

  /** The end of the nearest page before `page` that was served, if any (each end has its own age). */
  startBefore(key: string, generation: string, page: number): PageStart | undefined {
    const now = this.now();
    const ends = this.pageEnds.get(key, generation, now);
    if (ends === undefined) return undefined;
    let best: number | undefined;
    for (const [ended, { at }] of ends) {
      if (ended < page && now - at <= MAX_AGE_MS && (best === undefined || ended > best)) best = ended;
    }
    return best === undefined ? undefined : { page: best, position: ends.get(best)!.position };
  }

  keepPageEnd(key: string, generation: string, page: number, position: CursorPosition): void {
    const now = this.now();
    const ends = this.pageEnds.get(key, generation, now) ?? new Map<number, { position: CursorPosition; at: number }>();
    const was = ends.get(page);
    ends.delete(page);
    ends.set(page, { position, at: was !== undefined && now - was.at <= MAX_AGE_MS ? was.at : now });
    if (ends.size > MAX_PAGE_ENDS_PER_LIST) ends.delete(ends.keys().next().value as number);
    this.pageEnds.set(key, generation, now, ends, true);
  }
}

const memories = new WeakMap<Database, ListMemory>();

/** The list memory of a database handle (one per handle: tests open several). */
export function listMemoryOf(db: Database): ListMemory {
  let memory = memories.get(db);
  if (memory === undefined) {
    memory = new ListMemory();
    memories.set(db, memory);
  }
  return memory;
}

/** catalogue_generation as it is now: a value that any write to what lists read changes. */
export async function catalogueGeneration(db: Database): Promise<string> {
  const [row] = rowsOf<{ value: string | number; called: boolean }>(
    await db.execute(sql`select last_value as value, is_called as called from catalogue_generation`),
  );
  return `${row?.value ?? 0}:${row?.called ?? false}`;
}

/**
 * A key naming a statement's text and values (for the memory's entries): a hash, so that an entry
 * costs the same whatever the text (a search's is several KB).
 */
export function statementKey(db: Database, statement: SQL): string {
  const { sql: text, params } = (
    db as unknown as { dialect: { sqlToQuery(query: SQL): { sql: string; params: unknown[] } } }
  ).dialect.sqlToQuery(statement);
  return createHash('sha256')
    .update(text)
    .update('\u0000')
    .update(JSON.stringify(params, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)))
    .digest('base64url');
}
