// Writes a TMDB model into the catalogue: set-based statements in batches, one transaction per
// batch, upserts by TMDB id, so that an import cut short leaves a consistent database and running it
// again completes it; a second run of the same files changes nothing and says so.
import { type SQL, sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { intArray, textArray } from '../../db/sql.js';
import { roleForOrder, splitName } from './tmdb-mapping.js';
import type { SourceCredit, TmdbSource } from './tmdb-source.js';

/** The movie's TMDB facts beside the diagram's columns, in the order the import's rows give them. */
const FACT_COLUMNS = [
  'original_title',
  'original_language',
  'tagline',
  'status',
  'homepage',
  'revenue',
  'popularity',
  'vote_average',
  'vote_count',
] as const;

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** Links of a movie to a list (keywords): added, removed (no longer in the source), already there. */
export interface LinkCounts {
  inserted: number;
  removed: number;
  unchanged: number;
}

/** Links in the source's order also count those only moved to another position. */
export interface OrderedLinkCounts extends LinkCounts {
  moved: number;
}

export interface ImportSummary {
  rowsRead: Record<string, number>;
  genres: { created: number };
  countries: { created: number };
  /** By TMDB id: new, renamed, the same. */
  keywords: { created: number; updated: number; unchanged: number };
  companies: { created: number; updated: number; unchanged: number };
  /** Codes the seeded list lacks, added with the source's name. */
  languages: { created: number };
  movieKeywords: LinkCounts;
  movieCompanies: OrderedLinkCounts;
  movieLanguages: OrderedLinkCounts;
  /** The production countries after the first (the first is movie.country_id, counted with the movies). */
  movieCountries: OrderedLinkCounts;
  persons: Counts;
  movies: Counts;
  characters: Counts;
  /** Crew credits added, removed (no longer in the source) and already there; the source's exact repeats, left out. */
  crew: { inserted: number; removed: number; unchanged: number; duplicates: number };
  skipped: { file: string; line: number; reason: string }[];
}

export interface Progress {
  start(stage: string, total: number): void;
  advance(done: number): void;
  stop(): void;
}

const NO_PROGRESS: Progress = { start() {}, advance() {}, stop() {} };

const PERSON_BATCH = 2_000;
const MOVIE_BATCH = 250;

const zero = (): Counts => ({ inserted: 0, updated: 0, unchanged: 0 });
const noLinks = (): LinkCounts => ({ inserted: 0, removed: 0, unchanged: 0 });
const noOrderedLinks = (): OrderedLinkCounts => ({ inserted: 0, moved: 0, removed: 0, unchanged: 0 });

/** Whether the import wrote anything: false for a second run of the same files. */
export function changedAnything(summary: ImportSummary): boolean {
  const counts = [summary.persons, summary.movies, summary.characters];
  const links: (LinkCounts & { moved?: number })[] = [
    summary.crew,
    summary.movieKeywords,
    summary.movieCompanies,
    summary.movieLanguages,
    summary.movieCountries,
  ];
  return (
    counts.some((c) => c.inserted + c.updated > 0) ||
    links.some((l) => l.inserted + l.removed + (l.moved ?? 0) > 0) ||
    [summary.keywords, summary.companies].some((r) => r.created + r.updated > 0) ||
    summary.genres.created + summary.countries.created + summary.languages.created > 0
  );
}

const values = (rows: SQL[]) => sql.join(rows, sql`, `);

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Runs an upsert that RETURNs `inserted` for the rows it wrote; the rest were unchanged. */
async function upsert(tx: Database, statement: SQL, batchSize: number, counts: Counts): Promise<void> {
  const written = rowsOf<{ inserted: boolean }>(await tx.execute(statement));
  const inserted = written.filter((r) => r.inserted).length;
  counts.inserted += inserted;
  counts.updated += written.length - inserted;
  counts.unchanged += batchSize - written.length;
}

export interface ImportOptions {
  progress?: Progress;
  /** Rows a transaction: people, and movies (with their genres and characters). */
  batchSizes?: { persons: number; movies: number };
}

export async function importTmdb(
  db: Database,
  source: TmdbSource,
  { progress = NO_PROGRESS, batchSizes = { persons: PERSON_BATCH, movies: MOVIE_BATCH } }: ImportOptions = {},
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    rowsRead: source.rowsRead,
    genres: { created: 0 },
    countries: { created: 0 },
    keywords: { created: 0, updated: 0, unchanged: 0 },
    companies: { created: 0, updated: 0, unchanged: 0 },
    languages: { created: 0 },
    movieKeywords: noLinks(),
    movieCompanies: noOrderedLinks(),
    movieLanguages: noOrderedLinks(),
    movieCountries: noOrderedLinks(),
    persons: zero(),
    movies: zero(),
    characters: zero(),
    crew: { inserted: 0, removed: 0, unchanged: 0, duplicates: 0 },
    skipped: source.skipped,
  };

  // Reference data first: genres by name (created when new), countries by ISO code, languages by
  // code, keywords and companies by TMDB id.
  const genreNames = [...new Set(source.movies.flatMap((m) => m.genres))];
  await db.transaction(async (tx) => {
    if (genreNames.length) {
      const created = rowsOf(
        await tx.execute(sql`insert into genre (genre_name) select unnest(${textArray(genreNames)})
          on conflict (lower(genre_name)) do nothing returning genre_id`),
      );
      summary.genres.created = created.length;
    }
    // A code the ISO list lacks (a country that no longer exists) is added with TMDB's name; one
    // whose name another code has already is not, and the movies go without it.
    const countries = firstOf(source.movies.flatMap((m) => m.countries.map((c) => [c.code, c.name] as const)));
    if (countries.length) {
      summary.countries.created = rowsOf(
        await tx.execute(sql`insert into country (code, name)
          select w.code, w.name from json_to_recordset(${JSON.stringify(countries.map(([code, name]) => ({ code, name })))}::json)
            as w(code text, name text)
          where not exists (select 1 from country c where c.code = w.code)
          on conflict do nothing returning country_id`),
      ).length;
    }
    // Likewise a language code the seeded list lacks, with the source's name (or the code, when it
    // has none). The seeded names (English) stay: TMDB's are the languages' own (Español).
    const languages = firstOf(
      source.movies.flatMap((m) => (m.languages ?? []).map((l) => [l.code, l.name] as const)),
      (name) => !!name,
    );
    if (languages.length) {
      summary.languages.created = rowsOf(
        await tx.execute(sql`insert into language (code, name)
          select w.code, w.name from json_to_recordset(${JSON.stringify(languages.map(([code, name]) => ({ code, name: name ?? code })))}::json)
            as w(code text, name text)
          on conflict (code) do nothing returning code`),
      ).length;
    }
    summary.keywords = await upsertNamed(
      tx,
      'keyword',
      firstOf(source.movies.flatMap((m) => (m.keywords ?? []).map((k) => [k.tmdbId, k.name] as const))),
    );
    summary.companies = await upsertNamed(
      tx,
      'company',
      firstOf(source.movies.flatMap((m) => (m.companies ?? []).map((c) => [c.tmdbId, c.name] as const))),
    );
  });
  const genreIds = new Map(
    rowsOf<{ id: number; name: string }>(await db.execute(sql`select genre_id as id, lower(genre_name) as name from genre`)).map((g) => [
      g.name,
      Number(g.id),
    ]),
  );
  const countryIds = new Map(
    rowsOf<{ id: number; code: string }>(await db.execute(sql`select country_id as id, code from country`)).map((c) => [
      c.code,
      Number(c.id),
    ]),
  );
  const keywordIds = await idsByTmdb(db, 'keyword');
  const companyIds = await idsByTmdb(db, 'company');

  // People, by TMDB id.
  const persons = [...source.persons];
  progress.start('people', persons.length);
  let done = 0;
  for (const batch of chunks(persons, batchSizes.persons)) {
    await db.transaction(async (tx) => {
      const rows = batch.map(([tmdbId, person]) => {
        const { firstName, lastName } = splitName(person.name);
        return sql`(${tmdbId}::int, ${firstName}, ${lastName}, ${person.gender}::gender)`;
      });
      await upsert(
        tx,
        sql`insert into person (tmdb_id, first_name, last_name, gender) values ${values(rows)}
          on conflict (tmdb_id) do update set first_name = excluded.first_name, last_name = excluded.last_name, gender = excluded.gender
          where (person.first_name, person.last_name, person.gender) is distinct from (excluded.first_name, excluded.last_name, excluded.gender)
          returning (xmax = 0) as inserted`,
        batch.length,
        summary.persons,
      );
    });
    progress.advance((done += batch.length));
  }
  progress.stop();
  // Fresh statistics, so that the triggers that keep the derived columns plan by index, not by
  // the empty tables they saw when the import began (see refreshStatistics).
  await db.execute(sql`analyze person`);
  const personIds = await idsByTmdb(
    db,
    'person',
    persons.map(([id]) => id),
  );

  /** The movie's production countries the catalogue has, by id: a code it could not add is left out. */
  const countriesOf = (m: TmdbSource['movies'][number]) => m.countries.flatMap((c) => countryIds.get(c.code) ?? []);

  // Movies, with genres, characters, crew and lists, a batch of movies per transaction.
  const castByMovie = new Map<number, SourceCredit[]>();
  for (const credit of source.cast) {
    const list = castByMovie.get(credit.movieTmdbId) ?? [];
    list.push(credit);
    castByMovie.set(credit.movieTmdbId, list);
  }
  const crewByMovie = new Map<number, TmdbSource['crew']>();
  for (const credit of source.crew) {
    const list = crewByMovie.get(credit.movieTmdbId) ?? [];
    list.push(credit);
    crewByMovie.set(credit.movieTmdbId, list);
  }
  summary.crew.duplicates = source.crewDuplicates;
  const departmentIds = new Map(
    rowsOf<{ id: number; name: string }>(await db.execute(sql`select department_id as id, lower(name) as name from department`)).map(
      (d) => [d.name, Number(d.id)],
    ),
  );
  progress.start('movies', source.movies.length);
  done = 0;
  for (const [index, batch] of chunks(source.movies, batchSizes.movies).entries()) {
    await refreshStatistics(db, index);
    await db.transaction(async (tx) => {
      // The people's figures and the casts' counts are recounted once, at the end (see below).
      await tx.execute(sql`select set_config('moviedb.defer_recounts', 'on', true)`);
      // The crew is written below exactly as the source has it: the director's trigger stays out (0017).
      await tx.execute(sql`select set_config('moviedb.crew_from_source', 'on', true)`);
      const rows = batch.map((m) => {
        const director = source.directors.get(m.tmdbId);
        return sql`(${m.tmdbId}::int, ${m.title}, ${m.description}, ${m.budget}::numeric,
          ${m.releaseDate}::date, make_interval(mins => ${m.durationMinutes}::int),
          ${director === undefined ? null : (personIds.get(director) ?? null)}::int,
          ${countriesOf(m)[0] ?? null}::int,
          ${m.originalTitle}, ${m.originalLanguage}, ${m.tagline}, ${m.status}::movie_status, ${m.homepage},
          ${m.revenue}::numeric, ${m.popularity}::float8, ${m.voteAverage}::numeric, ${m.voteCount}::int)`;
      });
      await upsert(
        tx,
        sql`insert into movie (tmdb_id, title, description, budget, release_date, duration, director_id, country_id,
            ${sql.raw(FACT_COLUMNS.join(', '))})
          values ${values(rows)}
          on conflict (tmdb_id) do update set title = excluded.title, description = excluded.description,
            budget = excluded.budget, release_date = excluded.release_date, duration = excluded.duration,
            director_id = excluded.director_id, country_id = excluded.country_id,
            ${sql.raw(FACT_COLUMNS.map((column) => `${column} = excluded.${column}`).join(', '))}
          where (movie.title, movie.description, movie.budget, movie.release_date, movie.duration, movie.director_id, movie.country_id,
              ${sql.raw(FACT_COLUMNS.map((column) => `movie.${column}`).join(', '))})
            is distinct from (excluded.title, excluded.description, excluded.budget, excluded.release_date, excluded.duration,
              excluded.director_id, excluded.country_id, ${sql.raw(FACT_COLUMNS.map((column) => `excluded.${column}`).join(', '))})
          returning (xmax = 0) as inserted`,
        batch.length,
        summary.movies,
      );
      const movieIds = await idsByTmdb(
        tx,
        'movie',
        batch.map((m) => m.tmdbId),
      );

      // Genres: exactly the source's, added and removed as needed.
      const wanted = batch.flatMap((m) =>
        m.genres.map((g) => sql`(${movieIds.get(m.tmdbId)!}::int, ${genreIds.get(g.toLowerCase())!}::int)`),
      );
      const batchIds = intArray(batch.map((m) => movieIds.get(m.tmdbId)!));
      await tx.execute(sql`delete from movie_genre mg where mg.movie_id = any(${batchIds})
        ${wanted.length ? sql`and (mg.movie_id, mg.genre_id) not in (values ${values(wanted)})` : sql``}`);
      if (wanted.length)
        await tx.execute(sql`insert into movie_genre (movie_id, genre_id) values ${values(wanted)} on conflict do nothing`);

      await writeCharacters(
        tx,
        batch.map((m) => ({ movieId: movieIds.get(m.tmdbId)!, credits: castByMovie.get(m.tmdbId) ?? [] })),
        personIds,
        summary.characters,
      );
      await writeCrew(
        tx,
        batchIds,
        batch.flatMap((m) =>
          (crewByMovie.get(m.tmdbId) ?? []).map((credit) => ({
            movieId: movieIds.get(m.tmdbId)!,
            personId: personIds.get(credit.personTmdbId)!,
            departmentId: departmentIds.get(credit.department.toLowerCase())!,
            job: credit.job,
          })),
        ),
        summary.crew,
      );

      // The lists, each exactly the source's; a movie whose list could not be read keeps its own.
      const listed = <T>(list: (m: (typeof batch)[number]) => T[] | null) => batch.filter((m) => list(m) !== null);
      await writeLinks(
        tx,
        { table: 'movie_keyword', column: 'keyword_id', type: 'int' },
        listed((m) => m.keywords).map((m) => movieIds.get(m.tmdbId)!),
        listed((m) => m.keywords).flatMap((m) =>
          m.keywords!.map((k) => ({ movie: movieIds.get(m.tmdbId)!, key: keywordIds.get(k.tmdbId)!, position: null })),
        ),
        summary.movieKeywords,
      );
      await writeLinks(
        tx,
        { table: 'movie_company', column: 'company_id', type: 'int' },
        listed((m) => m.companies).map((m) => movieIds.get(m.tmdbId)!),
        listed((m) => m.companies).flatMap((m) =>
          m.companies!.map((c, position) => ({ movie: movieIds.get(m.tmdbId)!, key: companyIds.get(c.tmdbId)!, position })),
        ),
        summary.movieCompanies,
      );
      await writeLinks(
        tx,
        { table: 'movie_language', column: 'language_code', type: 'text' },
        listed((m) => m.languages).map((m) => movieIds.get(m.tmdbId)!),
        listed((m) => m.languages).flatMap((m) =>
          m.languages!.map((l, position) => ({ movie: movieIds.get(m.tmdbId)!, key: l.code, position })),
        ),
        summary.movieLanguages,
      );
      // Position 0 is movie.country_id, set above and kept by its trigger; the rest follow it.
      await writeLinks(
        tx,
        { table: 'movie_country', column: 'country_id', type: 'int', fromPosition: 1 },
        batch.map((m) => movieIds.get(m.tmdbId)!),
        batch.flatMap((m) =>
          countriesOf(m)
            .slice(1)
            .map((country, index) => ({ movie: movieIds.get(m.tmdbId)!, key: country, position: index + 1 })),
        ),
        summary.movieCountries,
      );
    });
    progress.advance((done += batch.length));
  }
  progress.stop();
  // Each batch noted the people and movies its credits touch; recounting them batch after batch
  // recounted the same prolific people again and again (a minute for TMDB 5000, against seconds).
  // An import cut short leaves its notes committed, and the next import or start recounts them.
  await flushPendingRecounts(db, progress);
  return summary;
}

/**
 * The batch's crew credits, exactly the source's: those gone are removed, new ones added. The
 * credits go as one JSON parameter: a batch of big productions holds more credits than a
 * statement may have parameters (65,535).
 */
async function writeCrew(
  tx: Database,
  batchIds: SQL,
  credits: { movieId: number; personId: number; departmentId: number; job: string }[],
  counts: ImportSummary['crew'],
): Promise<void> {
  const wanted = sql`json_to_recordset(${JSON.stringify(credits)}::json) as w("movieId" int, "personId" int, "departmentId" int, job text)`;
  const removed = rowsOf(
    await tx.execute(sql`delete from crew_credit c where c.movie_id = any(${batchIds})
      and not exists (select 1 from ${wanted}
        where w."movieId" = c.movie_id and w."personId" = c.person_id and w."departmentId" = c.department_id and w.job = c.job)
      returning c.credit_id`),
  );
  counts.removed += removed.length;
  if (!credits.length) return;
  const inserted = rowsOf(
    await tx.execute(sql`insert into crew_credit (movie_id, person_id, department_id, job)
      select w."movieId", w."personId", w."departmentId", w.job from ${wanted}
      on conflict do nothing returning credit_id`),
  );
  counts.inserted += inserted.length;
  counts.unchanged += credits.length - inserted.length;
}

/** Each key once, with the first value given for it that `wanted` accepts (else the first value). */
function firstOf<K, V>(pairs: (readonly [K, V])[], wanted: (value: V) => boolean = () => true): [K, V][] {
  const first = new Map<K, V>();
  for (const [key, value] of pairs) {
    if (!first.has(key) || (!wanted(first.get(key)!) && wanted(value))) first.set(key, value);
  }
  return [...first];
}

/** Keywords or companies by TMDB id: new ones added, a changed name updated (a company's origin country is the catalogue's). */
async function upsertNamed(
  tx: Database,
  table: 'keyword' | 'company',
  named: [number, string][],
): Promise<{ created: number; updated: number; unchanged: number }> {
  if (!named.length) return { created: 0, updated: 0, unchanged: 0 };
  const t = sql.raw(table);
  const written = rowsOf<{ inserted: boolean }>(
    await tx.execute(sql`insert into ${t} (tmdb_id, name)
      select w.tmdb, w.name from json_to_recordset(${JSON.stringify(named.map(([tmdb, name]) => ({ tmdb, name })))}::json)
        as w(tmdb int, name text)
      on conflict (tmdb_id) do update set name = excluded.name where ${t}.name is distinct from excluded.name
      returning (xmax = 0) as inserted`),
  );
  const created = written.filter((r) => r.inserted).length;
  return { created, updated: written.length - created, unchanged: named.length - written.length };
}

/**
 * A batch's links of one kind, exactly the source's, for the movies given (those whose list was
 * read): links gone are removed, new ones added, moved ones (another position) updated, the rest
 * left alone. From `fromPosition` on: what comes before is someone else's (movie_country's 0).
 * The links go as one JSON parameter, as the crew does.
 */
async function writeLinks(
  tx: Database,
  link: { table: string; column: string; type: 'int' | 'text'; fromPosition?: number },
  movieIds: number[],
  rows: { movie: number; key: number | string; position: number | null }[],
  counts: LinkCounts | OrderedLinkCounts,
): Promise<void> {
  if (!movieIds.length) return;
  const table = sql.raw(link.table);
  const column = sql.raw(link.column);
  const ordered = 'moved' in counts;
  const wanted = sql`json_to_recordset(${JSON.stringify(rows)}::json) as w(movie int, key ${sql.raw(link.type)}, position smallint)`;
  const removed = rowsOf(
    await tx.execute(sql`delete from ${table} l where l.movie_id = any(${intArray(movieIds)})
      ${link.fromPosition ? sql`and l.position >= ${link.fromPosition}` : sql``}
      and not exists (select 1 from ${wanted} where w.movie = l.movie_id and w.key = l.${column})
      returning l.movie_id`),
  );
  counts.removed += removed.length;
  if (!rows.length) return;
  const written = rowsOf<{ inserted: boolean }>(
    await tx.execute(
      ordered
        ? sql`insert into ${table} (movie_id, ${column}, position) select w.movie, w.key, w.position from ${wanted}
            on conflict (movie_id, ${column}) do update set position = excluded.position where ${table}.position <> excluded.position
            returning (xmax = 0) as inserted`
        : sql`insert into ${table} (movie_id, ${column}) select w.movie, w.key from ${wanted}
            on conflict do nothing returning true as inserted`,
    ),
  );
  const inserted = written.filter((r) => r.inserted).length;
  counts.inserted += inserted;
  if ('moved' in counts) counts.moved += written.length - inserted;
  counts.unchanged += rows.length - written.length;
}

/** Runs the recounts that bulk writers put off; returns how many people and movies it recounted. */
export async function flushPendingRecounts(db: Database, progress: Progress = NO_PROGRESS): Promise<number> {
  const [pending] = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from pending_recount`));
  const count = Number(pending?.n ?? 0);
  if (count === 0) return 0;
  progress.start('figures', count);
  const recounted = await db.transaction(async (tx) => {
    // The service's statement timeout is for requests; a recount after a big import runs longer.
    await tx.execute(sql`set local statement_timeout = 0`);
    // Fresh statistics, so that the recounts plan by index over the tables as they are now.
    await tx.execute(sql`analyze movie, "character", actor_roles`);
    const [row] = rowsOf<{ n: number }>(await tx.execute(sql`select flush_pending_recounts() as n`));
    return Number(row?.n ?? 0);
  });
  progress.advance(recounted);
  progress.stop();
  return recounted;
}

/**
 * ANALYZE the credit tables after batches 1, 2, 4, 8... of movies: as the tables double. The
 * triggers plan each recount with the statistics of the moment, and statistics of empty tables
 * make them read whole tables (a minute a batch for TMDB 5000) instead of a few index entries.
 */
async function refreshStatistics(db: Database, batchIndex: number): Promise<void> {
  if (batchIndex === 0 || (batchIndex & (batchIndex - 1)) !== 0) return;
  await db.execute(sql`analyze movie, "character", actor_roles, movie_genre`);
}

/** Catalogue ids by TMDB id: of the given TMDB ids, or of every row that has one. */
async function idsByTmdb(
  db: Database,
  table: 'person' | 'movie' | 'keyword' | 'company',
  tmdbIds?: number[],
): Promise<Map<number, number>> {
  const ids = new Map<number, number>();
  if (!tmdbIds) {
    const rows = rowsOf<{ id: number; tmdb: number }>(
      await db.execute(sql`select ${sql.raw(`${table}_id`)} as id, tmdb_id as tmdb from ${sql.raw(table)} where tmdb_id is not null`),
    );
    for (const row of rows) ids.set(Number(row.tmdb), Number(row.id));
    return ids;
  }
  for (const batch of chunks(tmdbIds, 10_000)) {
    const rows = rowsOf<{ id: number; tmdb: number }>(
      await db.execute(
        sql`select ${sql.raw(`${table}_id`)} as id, tmdb_id as tmdb from ${sql.raw(table)} where tmdb_id = any(${intArray(batch)})`,
      ),
    );
    for (const row of rows) ids.set(Number(row.tmdb), Number(row.id));
  }
  return ids;
}

/**
 * One character per cast row, matched to what is there by (movie, person, billing order) (and
 * their rank, for the rare row repeated in the source): new ones inserted, changed ones updated.
 * Characters an editor added by hand are left alone.
 */
async function writeCharacters(
  tx: Database,
  movies: { movieId: number; credits: SourceCredit[] }[],
  personIds: Map<number, number>,
  counts: Counts,
): Promise<void> {
  const movieIds = movies.map((m) => m.movieId);
  const existing = rowsOf<{ id: number; movie: number; actor: number | null; ord: number | null; name: string | null; role: string }>(
    await tx.execute(sql`select character_id as id, movie_id as movie, actor_id as actor, billing_order as ord, name, role
      from "character" where movie_id = any(${intArray(movieIds)}) order by character_id`),
  );
  const key = (movie: number, actor: number | null, order: number | null, rank: number) => `${movie}:${actor}:${order}:${rank}`;
  const byKey = new Map<string, (typeof existing)[number]>();
  const ranks = new Map<string, number>();
  for (const row of existing) {
    const base = `${row.movie}:${row.actor}:${row.ord}`;
    const rank = ranks.get(base) ?? 0;
    ranks.set(base, rank + 1);
    byKey.set(key(Number(row.movie), row.actor === null ? null : Number(row.actor), row.ord === null ? null : Number(row.ord), rank), row);
  }

  const inserts: SQL[] = [];
  const updates: SQL[] = [];
  const sourceRanks = new Map<string, number>();
  for (const { movieId, credits } of movies) {
    for (const credit of credits) {
      const actorId = personIds.get(credit.personTmdbId)!;
      const base = `${movieId}:${actorId}:${credit.order}`;
      const rank = sourceRanks.get(base) ?? 0;
      sourceRanks.set(base, rank + 1);
      const role = roleForOrder(credit.order);
      const found = byKey.get(key(movieId, actorId, credit.order, rank));
      if (!found) {
        inserts.push(sql`(${credit.character}, ${role}, ${movieId}::int, ${actorId}::int, ${credit.order}::int)`);
      } else if (found.name !== credit.character || found.role !== role) {
        updates.push(sql`(${Number(found.id)}::int, ${credit.character}, ${role})`);
      } else {
        counts.unchanged++;
      }
    }
  }
  for (const batch of chunks(inserts, 1_000)) {
    // The principal actors join actor_roles through the statement-level trigger.
    await tx.execute(sql`insert into "character" (name, role, movie_id, actor_id, billing_order) values ${values(batch)}`);
  }
  for (const batch of chunks(updates, 1_000)) {
    await tx.execute(sql`update "character" c set name = v.name, role = v.role
      from (values ${values(batch)}) as v(id, name, role) where c.character_id = v.id`);
  }
  counts.inserted += inserts.length;
  counts.updated += updates.length;
}
