// SQL pieces several features share, so that a value is formatted the same everywhere.
import { type SQL, sql } from 'drizzle-orm';

/** A timestamp as ISO 8601 in UTC (`2026-11-27T10:00:00.000Z`), whatever the session's time zone. */
export function isoTimestamp(column: SQL): SQL {
  return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** Whole minutes of an interval; null stays null. */
export function wholeMinutes(column: SQL): SQL {
  return sql`(extract(epoch from ${column}) / 60)::int`;
}

/** A parameterized int[] (each value bound, never spliced into the text). */
export function intArray(values: number[]): SQL {
  return values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::int[]`
    : sql`'{}'::int[]`;
}

/** A parameterized text[]. */
export function textArray(values: string[]): SQL {
  return values.length
    ? sql`array[${sql.join(
        values.map((v) => sql`${v}`),
        sql`, `,
      )}]::text[]`
    : sql`'{}'::text[]`;
}

/** `where a and b ...`, or nothing when there is no condition. */
export function whereClause(conditions: SQL[]): SQL {
  return conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
}
