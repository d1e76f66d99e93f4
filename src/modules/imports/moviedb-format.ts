// moviedb's own export: the whole catalogue as JSON Lines, one table row a line
// ({"table": "movie", "row": {...}}), rows as the database holds them, parents before children.
// `moviedb import moviedb` reads it back into an empty catalogue; a round trip gives it back whole.
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { jsonValue, rowsOf } from '../../db/database.js';
import { InputFileError } from './csv-source.js';

/** Catalogue tables in an order where every row's references come before it. */
const TABLES: { name: string; order: string[]; key?: string }[] = [
  { name: 'country', order: ['country_id'], key: 'country_id' },
  { name: 'genre', order: ['genre_id'], key: 'genre_id' },
  { name: 'department', order: ['department_id'], key: 'department_id' },
  { name: 'language', order: ['code'] },
  { name: 'keyword', order: ['keyword_id'], key: 'keyword_id' },
  { name: 'company', order: ['company_id'], key: 'company_id' },
  { name: 'file', order: ['file_id'], key: 'file_id' },
  { name: 'person', order: ['person_id'], key: 'person_id' },
  { name: 'person_photos', order: ['photo_id'], key: 'photo_id' },
  { name: 'movie', order: ['movie_id'], key: 'movie_id' },
  { name: 'movie_genre', order: ['movie_id', 'genre_id'] },
  { name: 'movie_country', order: ['movie_id', 'position', 'country_id'] },
  { name: 'movie_language', order: ['movie_id', 'position', 'language_code'] },
  { name: 'movie_keyword', order: ['movie_id', 'keyword_id'] },
  { name: 'movie_company', order: ['movie_id', 'position', 'company_id'] },
  { name: 'character', order: ['character_id'], key: 'character_id' },
  { name: 'actor_roles', order: ['character_id', 'actor_id'] },
  { name: 'crew_credit', order: ['credit_id'], key: 'credit_id' },
];
/**
 * Columns the database derives from the others (drizzle/0007_search_and_figures.sql): left out of
 * the export, and worked out again by the triggers on import (favorites, which an export leaves
 * out with the accounts, then count zero). Generated columns (movie.popularity_score) are left
 * out as well, found in the schema (generatedColumns).
 */
const DERIVED: Record<string, string[]> = {
  movie: ['title_key', 'title_document', 'genre_ids', 'keyword_ids', 'company_ids', 'favorites_count', 'actors_count'],
  person: ['name_key', 'sort_key', 'name_document', 'movies_acted', 'acting_budget_total', 'movies_directed', 'directing_budget_average'],
  // Counted by the triggers on movie_keyword and movie_company (drizzle/0016).
  keyword: ['movies_count'],
  company: ['movies_count'],
};
const FORMAT = 'moviedb-catalogue';
const VERSION = 1;
const BATCH = 5_000;

export interface ExportSummary {
  rows: Record<string, number>;
}

/** The table's generated columns, which PostgreSQL computes and refuses a value for. */
async function generatedColumns(db: Database, table: string): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and is_generated = 'ALWAYS'`),
  );
  return rows.map((r) => r.name);
}

export async function exportCatalogue(db: Database, file: string): Promise<ExportSummary> {
  const out = createWriteStream(file);
  const write = async (line: unknown) => {
    if (!out.write(`${JSON.stringify(line)}\n`)) await once(out, 'drain');
  };
  const summary: ExportSummary = { rows: {} };
  await write({ format: FORMAT, version: VERSION });
  for (const table of TABLES) {
    summary.rows[table.name] = 0;
    const leftOut = [...(DERIVED[table.name] ?? []), ...(await generatedColumns(db, table.name))];
    const order = sql.raw(table.order.map((c) => `t.${c}`).join(', '));
    let after = 0;
    for (;;) {
      const page = rowsOf<{ row: Record<string, unknown> | string; k: number | null }>(
        await db.execute(
          table.key
            ? sql`select row_to_json(t) as row, t.${sql.raw(table.key)} as k from ${sql.raw(`"${table.name}"`)} t
                where t.${sql.raw(table.key)} > ${after} order by ${order} limit ${BATCH}`
            : sql`select row_to_json(t) as row, null as k from ${sql.raw(`"${table.name}"`)} t order by ${order}`,
        ),
      );
      for (const { row } of page) {
        const values = jsonValue(row);
        // Uploaders are accounts, which the catalogue export leaves out.
        if (table.name === 'file') values.uploaded_by = null;
        for (const column of leftOut) delete values[column];
        await write({ table: table.name, row: values });
      }
      summary.rows[table.name]! += page.length;
      if (!table.key || page.length < BATCH) break;
      after = Number(page.at(-1)!.k);
    }
  }
  out.end();
  await once(out, 'finish');
  return summary;
}

/** The table's columns that an import writes: all but the derived and generated ones. */
async function storedColumns(db: Database, table: string): Promise<string[]> {
  const rows = rowsOf<{ name: string }>(
    await db.execute(sql`select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = ${table} and is_generated = 'NEVER' order by ordinal_position`),
  );
  return rows.map((r) => r.name).filter((name) => !(DERIVED[table] ?? []).includes(name));
}

/**
 * What an import does with a row the target has already: departments (the twelve seeded) and a
 * principal actor's role (its trigger adds it) are the same rows; a language is the export's
 * (the seeded ones, and those an import added); a movie's first country is there already, put
 * by the movie's trigger from movie.country_id.
 */
const ON_CONFLICT: Record<string, string> = {
  actor_roles: 'on conflict do nothing',
  department: 'on conflict do nothing',
  language: 'on conflict (code) do update set name = excluded.name',
  movie_country: 'on conflict (movie_id, country_id) do update set position = excluded.position',
};

export async function importCatalogue(db: Database, file: string): Promise<ExportSummary> {
  const known = new Set(TABLES.map((t) => t.name));
  let lineNumber = 0;
  let header = false;
  const summary: ExportSummary = { rows: Object.fromEntries(TABLES.map((table) => [table.name, 0])) };
  return db.transaction(async (tx) => {
    const [existing] = rowsOf<{ n: number }>(
      await tx.execute(sql`select (select count(*) from movie) + (select count(*) from person) + (select count(*) from file)
        + (select count(*) from keyword) + (select count(*) from company) as n`),
    );
    if (Number(existing?.n) > 0) {
      throw new InputFileError('The catalogue is not empty: import a moviedb export into a new database.');
    }
    // The export's crew has its movies' director credits, with their ids: the trigger that credits
    // a movie's director (drizzle/0017) stays out, as for the TMDB import.
    await tx.execute(sql`select set_config('moviedb.crew_from_source', 'on', true)`);
    // The export brings its own countries and genres, with their ids. Departments and languages
    // are seeded by the migrations: an export's are added where missing (a language's name is the
    // export's), so that one made before they existed still imports.
    await tx.execute(sql`delete from genre`);
    await tx.execute(sql`delete from country`);
    await tx.execute(sql`set constraints person_primary_photo_fk deferred`);
    const input = createReadStream(file);
    const lines = createInterface({ input, crlfDelay: Infinity });

    let pending: { table: string; rows: unknown[] } | undefined;
    const flush = async () => {
      if (!pending?.rows.length) return;
      const table = sql.raw(`"${pending.table}"`);
      const columns = sql.raw((await storedColumns(tx, pending.table)).map((c) => `"${c}"`).join(', '));
      await tx.execute(sql`insert into ${table} (${columns})
        select ${columns} from json_populate_recordset(null::${table}, ${JSON.stringify(pending.rows)}::json)
        ${sql.raw(ON_CONFLICT[pending.table] ?? '')}`);
      summary.rows[pending.table] = (summary.rows[pending.table] ?? 0) + pending.rows.length;
      pending.rows = [];
    };
    try {
      for await (const text of lines) {
        lineNumber++;
        if (!text.trim()) continue;
        let line: { format?: string; version?: number; table?: string; row?: unknown };
        try {
          line = JSON.parse(text) as typeof line;
        } catch {
          throw new InputFileError(`${file}:${lineNumber}: not JSON.`);
        }
        if (!header) {
          if (line.format !== FORMAT || line.version !== VERSION) {
            throw new InputFileError(`${file}: not a moviedb catalogue export (version ${VERSION}).`);
          }
          header = true;
          continue;
        }
        if (!line.table || !known.has(line.table) || typeof line.row !== 'object' || line.row === null) {
          throw new InputFileError(`${file}:${lineNumber}: not a catalogue row.`);
        }
        if (pending?.table !== line.table || pending.rows.length >= 1_000) {
          await flush();
          pending = { table: line.table, rows: [] };
        }
        pending.rows.push(line.row);
      }
    } finally {
      input.destroy();
    }
    await flush();
    if (!header) throw new InputFileError(`${file}: empty.`);
    // New rows get ids after the imported ones.
    for (const table of TABLES.filter((t) => t.key)) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${table.name}, ${table.key!}),
          coalesce((select max(${sql.raw(table.key!)}) from ${sql.raw(`"${table.name}"`)}), 0) + 1, false)`,
      );
    }
    return summary;
  });
}
