// Whether the rows a write names exist, asked in one statement a table.
import { sql } from 'drizzle-orm';
import { type FieldError, UnprocessableError } from '../errors.js';
import { type Database, rowsOf } from './database.js';
import { intArray } from './sql.js';

/** The tables a write may point into, each keyed by `<table>_id`. */
export type ReferencedTable = 'genre' | 'country' | 'person' | 'movie';

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

/** Refuses a write that names a row that does not exist (422, per field of the body). */
export async function checkReferences(
  tx: Database,
  references: { field: string; table: ReferencedTable; ids: (number | null | undefined)[] }[],
): Promise<void> {
  const errors: FieldError[] = [];
  for (const { field, table, ids } of references) {
    const wanted = ids.filter((id): id is number => typeof id === 'number');
    const found = await existingIds(tx, table, wanted);
    const missing = wanted.filter((id) => !found.has(id));
    if (missing.length) errors.push({ in: 'body', field, message: `names no ${table}: ${missing.join(', ')}` });
  }
  if (errors.length) throw new UnprocessableError(errors.map((e) => `${e.field} ${e.message}`).join('; '), errors);
}
