// /3/discover/movie's parameters as the native movie filter (movies/movie-conditions.queries.ts)
// and sorts (movie-lists.queries.ts), with TMDB ids translated to moviedb's own.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { intArray } from '../../db/sql.js';
import type { ListOrder } from '../../db/keyset.js';
import { parseList } from '../../http/list-query.js';
import { countryIdOf } from '../countries/countries.service.js';
import { type MovieFilter, movieConditions, movieOrder } from '../movies/movies.queries.js';
import { listMemoryOf } from '../../db/list-memory.js';
import { type IdTable, ID_COLUMNS, MAX_TMDB_API_ID, NATIVE_ID_OFFSET, shownGenreId, shownId } from './tmdb-ids.js';
import type { DiscoverQuery, DiscoverSort } from './tmdb.schemas.js';

/** Stands for an id nothing has: a filter naming an unknown item matches what it would with no such item. */
const NO_ROW = 0;

/** Own ids of the /3 ids given, in their order (NO_ROW for an id that names nothing). */
async function ownIds(db: Database, table: IdTable | 'genre', shown: number[], generation: string): Promise<number[]> {
  if (shown.length === 0) return [];
  if (table === 'genre') {
    // Every genre's, kept while the catalogue does not change: a discover by genre is the most common.
    const byShown = await listMemoryOf(db).remember('tmdb genre ids', generation, async () => {
      const rows = rowsOf<{ own: number; shown: number | string }>(
        await db.execute(sql`select t.genre_id as own, ${shownGenreId('t')} as shown from genre t`),
      );
      return new Map(rows.map((r) => [Number(r.shown), Number(r.own)]));
    });
    return shown.map((id) => byShown.get(id) ?? NO_ROW);
  }
  const column = ID_COLUMNS[table];
  const natives = shown.filter((id) => id >= NATIVE_ID_OFFSET && id <= MAX_TMDB_API_ID).map((id) => id - NATIVE_ID_OFFSET);
  const tmdb = shown.filter((id) => id < NATIVE_ID_OFFSET);
  const own = sql.raw(`t.${column}`);
  const rows = rowsOf<{ own: number; shown: number | string }>(
    await db.execute(
      sql`select ${own} as own, ${shownId('t', column)} as shown from ${sql.raw(table)} t
        where t.tmdb_id = any(${intArray(tmdb)}) or (t.tmdb_id is null and ${own} = any(${intArray(natives)}))`,
    ),
  );
  const byShown = new Map(rows.map((r) => [Number(r.shown), Number(r.own)]));
  return shown.map((id) => byShown.get(id) ?? NO_ROW);
}

async function idList(db: Database, table: IdTable | 'genre', raw: string, field: string, generation: string) {
  const list = parseList(raw, field);
  return { ids: await ownIds(db, table, list.values.map(Number), generation), mode: list.mode };
}

const yearRange = (year: number) => ({ from: `${String(year).padStart(4, '0')}-01-01`, to: `${String(year).padStart(4, '0')}-12-31` });

/** The conditions over `movie m` of a discover query. */
export async function discoverConditions(db: Database, query: DiscoverQuery, generation: string): Promise<SQL[]> {
  const filter: MovieFilter = {
    originalLanguage: query.with_original_language,
    minDuration: query['with_runtime.gte'],
    maxDuration: query['with_runtime.lte'],
    minVoteAverage: query['vote_average.gte'],
    maxVoteAverage: query['vote_average.lte'],
    minVoteCount: query['vote_count.gte'] === undefined ? undefined : Math.ceil(query['vote_count.gte']),
  };
  if (query.with_genres) filter.genreIds = await idList(db, 'genre', query.with_genres, 'with_genres', generation);
  if (query.without_genres) filter.withoutGenreIds = (await idList(db, 'genre', query.without_genres, 'without_genres', generation)).ids;
  if (query.with_cast) filter.cast = await idList(db, 'person', query.with_cast, 'with_cast', generation);
  if (query.with_crew) filter.crew = await idList(db, 'person', query.with_crew, 'with_crew', generation);
  if (query.with_companies) filter.companyIds = await idList(db, 'company', query.with_companies, 'with_companies', generation);
  if (query.with_keywords) filter.keywordIds = await idList(db, 'keyword', query.with_keywords, 'with_keywords', generation);
  if (query.with_origin_country) filter.countryId = await countryIdOf(db, query.with_origin_country.toUpperCase(), 'with_origin_country');
  // moviedb has one release date a movie: the primary and the other release dates are the same one.
  const from = [query['primary_release_date.gte'], query['release_date.gte']];
  const to = [query['primary_release_date.lte'], query['release_date.lte']];
  for (const year of [query.primary_release_year, query.year]) {
    if (year === undefined) continue;
    from.push(yearRange(year).from);
    to.push(yearRange(year).to);
  }
  const latest = (dates: (string | undefined)[]) =>
    dates
      .filter((d) => d !== undefined)
      .sort()
      .at(-1);
  const earliest = (dates: (string | undefined)[]) => dates.filter((d) => d !== undefined).sort()[0];
  filter.releasedFrom = latest(from);
  filter.releasedTo = earliest(to);

  const conditions = movieConditions(filter);
  if (query['vote_count.lte'] !== undefined) conditions.push(sql`m.vote_count <= ${Math.floor(query['vote_count.lte'])}`);
  if (query.certification !== undefined) conditions.push(sql`m.certification = ${query.certification}`);
  if (query.with_people) {
    const { ids, mode } = await idList(db, 'person', query.with_people, 'with_people', generation);
    const inCredits = (some: number[]) => {
      const [cast] = movieConditions({ cast: { ids: some, mode: 'any' } });
      const [crew] = movieConditions({ crew: { ids: some, mode: 'any' } });
      return sql`(${cast} or ${crew})`;
    };
    if (mode === 'any') conditions.push(inCredits(ids));
    else for (const id of ids) conditions.push(inCredits([id]));
  }
  for (const [raw, table, column, field] of [
    [query.without_keywords, 'keyword', 'keyword_ids', 'without_keywords'],
    [query.without_companies, 'company', 'company_ids', 'without_companies'],
  ] as const) {
    if (raw) {
      const { ids } = await idList(db, table, raw, field, generation);
      conditions.push(sql`not (${sql.raw(`m.${column}`)} && ${intArray(ids)})`);
    }
  }
  return conditions;
}

const NATIVE_SORTS: Record<Exclude<DiscoverSort, 'original_title'>, Parameters<typeof movieOrder>[0]> = {
  popularity: 'popularity',
  release_date: 'releaseDate',
  primary_release_date: 'releaseDate',
  revenue: 'revenue',
  vote_average: 'voteAverage',
  vote_count: 'voteCount',
  title: 'title',
};

/** A discover sort: `field.asc` or `field.desc`, popularity.desc when none is given. */
export function discoverOrder(sortBy: string | undefined): ListOrder {
  const [field, direction] = (sortBy ?? 'popularity.desc').split('.') as [DiscoverSort, 'asc' | 'desc'];
  const descending = direction === 'desc';
  if (field === 'original_title') {
    // No index of its own: the title's, for the many movies whose original title is their title, would not order the others.
    return {
      columns: [{ value: sql`coalesce(m.original_title, m.title) collate "C"`, type: 'text', descending }],
      nullable: false,
      id: sql`m.movie_id`,
    };
  }
  return movieOrder(NATIVE_SORTS[field], descending);
}
