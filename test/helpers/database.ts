// A fresh database for each test file: PGlite in memory by default, or a new database on the
// PostgreSQL server that TEST_DATABASE_URL names (created here, dropped at the end).
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll } from 'vitest';
import { type DatabaseHandle, openDatabase, rowsOf } from '../../src/db/database.js';
import { databaseErrorCode } from '../../src/db/errors.js';
import { sql as drizzleSql, type SQL } from 'drizzle-orm';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;
export const TEST_DATABASE_PREFIX = 'moviedb_test_';

export interface TestDatabase {
  handle: DatabaseHandle;
  /** The connection URL of a PostgreSQL test database; undefined on PGlite. */
  url: string | undefined;
  /** Closes the handle and drops the database. */
  drop(): Promise<void>;
}

/** An empty database on the test server (no migrations applied); PostgreSQL only. */
export async function createEmptyPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!TEST_DATABASE_URL) throw new Error('TEST_DATABASE_URL is not set');
  // The creation time in the name lets a later run drop what an interrupted one left behind.
  const name = `${TEST_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const cleaner = postgres(TEST_DATABASE_URL, { max: 1, onnotice: () => {} });
      try {
        await cleaner.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await cleaner.end();
      }
    },
  };
}

interface TestDatabaseOptions {
  migrate?: boolean;
  logQuery?: (query: string) => void;
}

/** A fresh, migrated database. */
export async function createTestDatabase({ migrate = true, logQuery }: TestDatabaseOptions = {}): Promise<TestDatabase> {
  if (!TEST_DATABASE_URL) {
    const handle = await openDatabase({ kind: 'pglite', dataDir: null, ...(logQuery ? { logQuery } : {}) });
    if (migrate) await handle.migrate();
    return { handle, url: undefined, drop: () => handle.close() };
  }
  const empty = await createEmptyPostgresDatabase();
  const handle = await openDatabase({ kind: 'postgres', url: empty.url, maxConnections: 4, ...(logQuery ? { logQuery } : {}) });
  if (migrate) await handle.migrate();
  return {
    handle,
    url: empty.url,
    drop: async () => {
      await handle.close();
      await empty.drop();
    },
  };
}

/**
 * The database of a test file (or of the describe block it is called in), without an app: created
 * in a beforeAll, dropped in an afterAll, both registered here. Its fields are there in the tests and
 * in the hooks registered after it; read earlier, they throw.
 */
export function useTestDatabase(options: TestDatabaseOptions = {}): TestDatabase {
  let created: TestDatabase | undefined;
  let dropping: Promise<void> | undefined;
  const current = (): TestDatabase => {
    if (!created) {
      throw new Error('useTestDatabase(): the database is created in its beforeAll; use it inside a test or a hook registered after it');
    }
    return created;
  };
  const drop = () => (dropping ??= current().drop());
  beforeAll(async () => {
    created = await createTestDatabase(options);
  });
  afterAll(async () => {
    if (created) await drop();
  });
  return {
    get handle() {
      return current().handle;
    },
    get url() {
      return current().url;
    },
    drop,
  };
}

/** Runs raw SQL on a handle and returns its rows, whichever driver it uses. */
export async function query<T = Record<string, unknown>>(handle: DatabaseHandle, statement: SQL | string): Promise<T[]> {
  const result = await handle.db.execute(typeof statement === 'string' ? drizzleSql.raw(statement) : statement);
  return rowsOf<T>(result);
}

/** The SQLSTATE a statement fails with, or undefined if it succeeds. */
export async function sqlStateOf(handle: DatabaseHandle, statement: SQL | string): Promise<string | undefined> {
  try {
    await query(handle, statement);
    return undefined;
  } catch (error) {
    const code = databaseErrorCode(error);
    if (code) return code;
    throw error;
  }
}

/**
 * Rows whose derived columns (drizzle/0007_search_and_figures.sql) differ from a recount from the
 * source tables: none, whatever was written and by whom.
 */
export function derivedDrift(handle: DatabaseHandle): Promise<{ kind: string; id: number }[]> {
  return query(
    handle,
    `select 'movie' as kind, m.movie_id as id from movie m
     where m.title_key <> search_key(m.title)
        or m.original_title_key <> search_key(m.original_title)
        or m.title_document <> search_document(search_key(m.title)) || search_document(search_key(m.original_title))
        or m.search_weight <> coalesce(m.vote_count, 0) + 20 * m.favorites_count
        or (select coalesce(array_agg(w.word || '=' || w.weight order by w.word), '{}') from movie_search_word w where w.movie_id = m.movie_id)
          <> array(select d || '=' || m.search_weight from unnest(tsvector_to_array(m.title_document)) d order by d)
        or m.genre_ids <> coalesce((select array_agg(genre_id order by genre_id) from movie_genre g where g.movie_id = m.movie_id), '{}')
        or m.favorites_count <> (select count(*) from favorite_movies f where f.movie_id = m.movie_id)
        or m.actors_count <> (select count(distinct ar.actor_id) from "character" ch
          join actor_roles ar on ar.character_id = ch.character_id where ch.movie_id = m.movie_id)
     union all
     select 'person', p.person_id from person p
     where p.name_key <> search_key(btrim(p.first_name || ' ' || p.last_name))
        or p.sort_key <> search_key(p.last_name) || chr(1) || search_key(p.first_name)
        or (p.movies_acted, p.acting_budget_total, p.movies_directed, p.directing_budget_average) is distinct from (
          (select count(distinct ch.movie_id)::int from actor_roles ar join "character" ch on ch.character_id = ar.character_id where ar.actor_id = p.person_id),
          (select coalesce(sum(mv.budget), 0) from movie mv where mv.movie_id in (
            select ch.movie_id from actor_roles ar join "character" ch on ch.character_id = ar.character_id where ar.actor_id = p.person_id)),
          (select count(*)::int from movie mv where mv.director_id = p.person_id),
          (select round(avg(mv.budget), 2) from movie mv where mv.director_id = p.person_id))
        or abs(p.search_weight - coalesce((
          select sum(case when credited.key then 1 else 0.1 end * (1 + coalesce(mv.vote_count, 0)))
          from (select movie_id, bool_or(key) as key from (
              select ch.movie_id, coalesce(ch.billing_order < 10, ch.role = 'leading') as key
              from actor_roles ar join "character" ch on ch.character_id = ar.character_id where ar.actor_id = p.person_id
              union all
              select cc.movie_id, cc.job in ('Director', 'Screenplay', 'Writer', 'Novel', 'Author', 'Story',
                'Original Music Composer', 'Music', 'Director of Photography')
              from crew_credit cc where cc.person_id = p.person_id) c group by movie_id) credited
          join movie mv on mv.movie_id = credited.movie_id), 0)) > 1e-6
        or (select coalesce(array_agg(w.word || '=' || w.surname || '=' || w.weight order by w.word), '{}')
            from person_search_word w where w.person_id = p.person_id)
          <> array(select d || '=' || (d = any (tsvector_to_array(search_document(search_key(p.last_name))))) || '=' || p.search_weight
            from unnest(tsvector_to_array(p.name_document)) d order by d)
     union all
     select 'word', 0 from (select word, weight from movie_search_word union all select word, weight from person_search_word) w
     where length(w.word) >= 3 and not exists (select 1 from search_word s where s.word = w.word and s.weight >= w.weight)`,
  );
}
