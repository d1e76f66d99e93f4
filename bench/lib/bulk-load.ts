// The moves of a fast bulk load into the project's schema: a fresh database with the project's own
// migrations, secondary indexes set aside during the load and rebuilt from their exact definitions
// afterwards, identity sequences moved past the loaded ids, and a final VACUUM ANALYZE.
import postgres, { type Sql } from 'postgres';
import { openDatabase } from '../../src/db/database.js';
import { databaseName, maintenanceUrl } from './args.js';

/** Drops the database if it exists, creates it anew and applies the project's migrations. */
export async function recreateDatabase(url: string): Promise<{ migrations: number }> {
  const name = databaseName(url);
  const admin = postgres(maintenanceUrl(url), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const handle = await openDatabase({ kind: 'postgres', url });
  try {
    const { applied } = await handle.migrate();
    return { migrations: applied };
  } finally {
    await handle.close();
  }
}

/**
 * Connections for loading. session_replication_role = replica (superuser only) skips triggers and
 * foreign key checks: the loader computes what the triggers would and writes consistent ids by
 * construction (the --verify check proves both). Generous memory makes sorts and index builds
 * run in memory; commits need not wait for the disk, since a failed load is simply run again.
 */
export function loadingConnections(url: string, max: number): Sql {
  return postgres(url, {
    max,
    onnotice: () => {},
    idle_timeout: 0,
    connection: {
      session_replication_role: 'replica',
      synchronous_commit: 'off',
      work_mem: '512MB',
      maintenance_work_mem: '1GB',
      max_parallel_maintenance_workers: 2,
      // Compiling the big one-off statements costs seconds and saves nothing.
      jit: 'off',
    },
  });
}

export interface IndexDefinition {
  table: string;
  name: string;
  definition: string;
}

/**
 * Drops the indexes of these tables that no constraint needs (primary keys and unique constraints
 * stay, and so do indexes a foreign key relies on) and returns their definitions. Loading then
 * only appends rows; each index is built once, from sorted data, at the end.
 */
export async function dropSecondaryIndexes(sql: Sql, tables: readonly string[]): Promise<IndexDefinition[]> {
  const indexes = await sql<IndexDefinition[]>`
    select c.relname as table, quote_ident(ic.relname) as name, pg_get_indexdef(i.indexrelid) as definition
    from pg_index i
    join pg_class c on c.oid = i.indrelid
    join pg_class ic on ic.oid = i.indexrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relname = any(${tables as string[]})
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
    order by c.relname, ic.relname`;
  for (const index of indexes) await sql.unsafe(`drop index public.${index.name}`);
  return indexes;
}

/**
 * Drops the primary keys of these tables that no foreign key refers to and returns the statements
 * that add them back, for recreateIndexes. Meant for tables filled in one statement from rows
 * already checked (the search postings): the key's index is then built once from sorted data,
 * and adding it back proves the rows unique, instead of a row-by-row insert into its btree.
 */
export async function dropPrimaryKeys(sql: Sql, tables: readonly string[]): Promise<IndexDefinition[]> {
  const keys = await sql<IndexDefinition[]>`
    select c.relname as table, quote_ident(k.conname) as name,
      format('ALTER TABLE public.%I ADD CONSTRAINT %I %s', c.relname, k.conname, pg_get_constraintdef(k.oid)) as definition
    from pg_constraint k
    join pg_class c on c.oid = k.conrelid
    join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and k.contype = 'p' and c.relname = any(${tables as string[]})
      and not exists (select 1 from pg_constraint f where f.contype = 'f' and f.confrelid = k.conrelid)
    order by c.relname`;
  for (const key of keys) await sql.unsafe(`alter table public."${key.table}" drop constraint ${key.name}`);
  return keys;
}

/** Rebuilds the indexes, the largest tables first, on `parallel` connections at once. */
export async function recreateIndexes(
  sql: Sql,
  indexes: readonly IndexDefinition[],
  parallel: number,
  onBuilt: (index: IndexDefinition, seconds: number) => void,
): Promise<void> {
  const sizes = new Map<string, number>();
  for (const table of new Set(indexes.map((index) => index.table))) {
    const [row] = await sql<{ bytes: number }[]>`select pg_relation_size(${`public.${table}`}::regclass)::float8 as bytes`;
    sizes.set(table, row?.bytes ?? 0);
  }
  const queue = [...indexes].sort((a, b) => (sizes.get(b.table) ?? 0) - (sizes.get(a.table) ?? 0));
  const worker = async () => {
    for (let index = queue.shift(); index; index = queue.shift()) {
      const started = performance.now();
      await sql.unsafe(index.definition);
      onBuilt(index, (performance.now() - started) / 1000);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}

/** Moves every identity sequence past the largest id loaded, so the next insert gets a fresh id. */
export async function resetIdentitySequences(sql: Sql): Promise<void> {
  const columns = await sql<{ table: string; column: string }[]>`
    select table_name as table, column_name as column from information_schema.columns
    where table_schema = 'public' and is_identity = 'YES'`;
  for (const { table, column } of columns) {
    await sql.unsafe(
      `select setval(pg_get_serial_sequence('public.${table}', '${column}'), coalesce(max("${column}"), 0) + 1, false) from public."${table}"`,
    );
  }
}

export async function vacuumAnalyze(sql: Sql, tables: readonly string[], parallel: number): Promise<void> {
  const queue = [...tables];
  const worker = async () => {
    for (let table = queue.shift(); table; table = queue.shift()) await sql.unsafe(`vacuum (analyze) public."${table}"`);
  };
  await Promise.all(Array.from({ length: parallel }, worker));
}
