// Whether the rows a write names exist, asked in one statement a table.
import { sql } from 'drizzle-orm';
import { type FieldError, unprocessable } from '../errors.js';
import { type Database, rowsOf } from './database.js';
import { intArray } from './sql.js';

/** The tables a write may point into, each keyed by `<table>_id`. */
export type ReferencedTable = 'genre' | 'country' | 'person' | 'movie' | 'keyword' | 'company' | 'department';

/** The ids among `ids` that exist in a table's key column. */
async function existingIds(db: Database, table: ReferencedTable, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const column = sql.raw(`${table}_id`);
  const rows = rowsOf<{ id: number }>(
    await db.execute(sql`select ${column} as id from ${sql.raw(table)} where ${column} = any(${intArray(ids)})`),
  );
  return new Set(rows.map((r) => Number(r.id)));
}

/** Whether the row with this id exists. */
export async function rowExists(db: Database, table: ReferencedTable, id: number): Promise<boolean> {
  return (await existingIds(db, table, [id])).has(id);
}

/** Reference = one body field's ids pointing into a table. */
type Reference = { field: string; table: ReferencedTable; ids: (number | null | undefined)[] };

/**
 * The 422 errors of a write that names rows that do not exist, one per field of the body. One
 * statement a table, however many fields point into it.
 */
export async function referenceErrors(tx: Database, references: Reference[]): Promise<FieldError[]> {
  const wanted = (ids: (number | null | undefined)[]) => ids.filter((id): id is number => typeof id === 'number');
  const found = new Map<ReferencedTable, Set<number>>();
  for (const table of new Set(references.map((r) => r.table))) {
    const ids = references.filter((r) => r.table === table).flatMap((r) => wanted(r.ids));
    found.set(table, await existingIds(tx, table, [...new Set(ids)]));
  }
  const errors: FieldError[] = [];
  for (const { field, table, ids } of references) {
    const missing = wanted(ids).filter((id) => !found.get(table)!.has(id));
    if (missing.length) errors.push({ in: 'body', field, message: `names no ${table}: ${missing.join(', ')}` });
  }
  return errors;
}

/** Refuses a write that names a row that does not exist (422, per field of the body). */
export async function checkReferences(tx: Database, references: Reference[]): Promise<void> {
  const errors = await referenceErrors(tx, references);
  if (errors.length) throw unprocessable(errors);
}
