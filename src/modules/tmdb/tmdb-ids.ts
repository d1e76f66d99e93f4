// The ids the /3 surface shows. An item imported from TMDB keeps its TMDB id; an item created in
// moviedb (no tmdb_id) is shown as NATIVE_ID_OFFSET + its own id. The TMDB import refuses TMDB ids
// from NATIVE_ID_OFFSET up (TMDB_ID_MAX, imports/tmdb-source-model.ts), so the two never meet.
import { type SQL, sql } from 'drizzle-orm';
import { MAX_ID } from '../../http/types.js';
import { TMDB_ID_MAX } from '../imports/tmdb-source-model.js';

export const NATIVE_ID_OFFSET = TMDB_ID_MAX + 1;
/** The largest id a /3 path or filter may name: a native id of the largest row id. */
export const MAX_TMDB_API_ID = NATIVE_ID_OFFSET + MAX_ID;

/** The /3 id of the row aliased `alias` whose key is `idColumn`, as SQL (bigint: it may pass 2^31). */
export function shownId(alias: string, idColumn: string): SQL {
  return sql.raw(`coalesce(${alias}.tmdb_id::bigint, ${NATIVE_ID_OFFSET}::bigint + ${alias}.${idColumn})`);
}

/** Where a /3 id finds its row: a TMDB id among imported rows, a native id among the others. */
export function matchesShownId(alias: string, idColumn: string, id: number): SQL {
  const a = sql.raw(alias);
  const key = sql.raw(`${alias}.${idColumn}`);
  return id >= NATIVE_ID_OFFSET ? sql`(${a}.tmdb_id is null and ${key} = ${id - NATIVE_ID_OFFSET})` : sql`${a}.tmdb_id = ${id}`;
}

export type IdTable = 'movie' | 'person' | 'keyword' | 'company';
export const ID_COLUMNS: Record<IdTable, string> = {
  movie: 'movie_id',
  person: 'person_id',
  keyword: 'keyword_id',
  company: 'company_id',
};

// TMDB's movie genres, by name: moviedb keys genres by name alone (the import creates them by
// name), so their /3 ids come from this list; a genre not in it is shown as a native id.
const TMDB_GENRE_IDS: Readonly<Record<string, number>> = {
  action: 28,
  adventure: 12,
  animation: 16,
  comedy: 35,
  crime: 80,
  documentary: 99,
  drama: 18,
  family: 10751,
  fantasy: 14,
  foreign: 10769,
  history: 36,
  horror: 27,
  music: 10402,
  mystery: 9648,
  romance: 10749,
  'science fiction': 878,
  'tv movie': 10770,
  thriller: 53,
  war: 10752,
  western: 37,
};

/** The /3 id of the genre row aliased `alias`. */
export function shownGenreId(alias: string): SQL {
  const name = sql.raw(`lower(${alias}.genre_name)`);
  const cases = Object.entries(TMDB_GENRE_IDS).map(([genre, id]) => sql`when ${sql.raw(`'${genre}'`)} then ${sql.raw(String(id))}`);
  return sql`(case ${name} ${sql.join(cases, sql` `)} else ${sql.raw(String(NATIVE_ID_OFFSET))}::bigint + ${sql.raw(alias)}.genre_id end)`;
}
