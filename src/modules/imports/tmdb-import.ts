// Writes a TMDB model into the catalogue: set-based statements in batches, one transaction per
// batch, upserts by TMDB id, so that an import cut short leaves a consistent database and running it
// again completes it; a second run of the same files changes nothing and says so.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { rowsOf } from '../../db/database.js';
import { intArray } from '../../db/sql.js';
import {
  chunks,
  type Counts,
  idsByTmdb,
  type LinkCounts,
  NO_PROGRESS,
  type OrderedLinkCounts,
  type Progress,
  upsert,
  values,
} from './import-batches.js';
import { flushPendingRecounts, refreshStatistics } from './recounts.js';
import { writeCharacters, writeCrew, writeLinks } from './tmdb-batch-writers.js';
import { splitName } from './tmdb-mapping.js';
import { writeReferenceData } from './tmdb-reference-data.js';
import type { SourceCredit, TmdbSource } from './tmdb-source-model.js';

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
  // Reference data first: genres by name (created when new), countries by ISO code, languages by
  // code, keywords and companies by TMDB id.
  const { counts: referenceCounts, genreIds, countryIds, keywordIds, companyIds } = await writeReferenceData(db, source);
  const summary: ImportSummary = {
    rowsRead: source.rowsRead,
    ...referenceCounts,
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
