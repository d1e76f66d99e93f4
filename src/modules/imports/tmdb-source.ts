// Reads TMDB 5000 files into one model: movies (with their keywords, companies, spoken languages
// and production countries), people, cast and crew. Two forms of credits:
// Kaggle's JSON-in-CSV (tmdb_5000_credits.csv) and the normalized tables (person, movie_cast,
// movie_crew). A row that cannot be used is skipped with its line number and the reason.
import { checkCsv, readCsv } from './csv-source.js';
import { type MovieStatus, budgetOf, dateOf, genderOf, movieFactsOf, repairEscapes, runtimeOf, textOf, truncate } from './tmdb-mapping.js';

export interface Skip {
  file: string;
  line: number;
  reason: string;
}

export interface SourceMovie {
  tmdbId: number;
  title: string;
  description: string | null;
  budget: number | null;
  releaseDate: string | null;
  durationMinutes: number | null;
  genres: string[];
  /** Every production country, in the source's order; the first is the movie's country. */
  countries: SourceCountry[];
  /**
   * The source's lists, each entry once. null: the file has no such column, or its cell is not a
   * JSON list (a skip line says so); the movie's list in the catalogue is then left as it is.
   */
  keywords: SourceKeyword[] | null;
  companies: SourceCompany[] | null;
  languages: SourceLanguage[] | null;
  originalTitle: string | null;
  originalLanguage: string | null;
  tagline: string | null;
  status: MovieStatus | null;
  homepage: string | null;
  revenue: number | null;
  popularity: number | null;
  voteAverage: number | null;
  voteCount: number | null;
}

export interface SourceCountry {
  /** ISO 3166-1 alpha-2, upper case. */
  code: string;
  name: string;
}

export interface SourceKeyword {
  tmdbId: number;
  name: string;
}

export interface SourceCompany {
  tmdbId: number;
  name: string;
}

export interface SourceLanguage {
  /** ISO 639-1 (or TMDB's own, like xx), lower case. */
  code: string;
  /** As the source spells it (often in the language itself: Español); null when blank. */
  name: string | null;
}

export interface SourceCredit {
  /** Where the credit came from, for the skip report. */
  file: string;
  line: number;
  movieTmdbId: number;
  personTmdbId: number;
  character: string | null;
  order: number;
}

export interface SourceCrewCredit {
  /** Where the credit came from, for the skip report. */
  file: string;
  line: number;
  movieTmdbId: number;
  personTmdbId: number;
  /** One of TMDB's departments (DEPARTMENTS), by name. */
  department: string;
  job: string;
}

/** TMDB's departments; the normalized crew file numbers them as its department.csv does. */
const DEPARTMENTS = [
  'Camera',
  'Directing',
  'Production',
  'Writing',
  'Editing',
  'Sound',
  'Art',
  'Costume & Make-Up',
  'Crew',
  'Visual Effects',
  'Lighting',
  'Actors',
] as const;

export interface TmdbSource {
  movies: SourceMovie[];
  persons: Map<number, { name: string; gender: 'female' | 'male' | 'unknown' }>;
  cast: SourceCredit[];
  /** Every crew credit, each once: a row the same as one before it is counted in crewDuplicates. */
  crew: SourceCrewCredit[];
  crewDuplicates: number;
  /** The first Director crew row of each movie, in the source's order. */
  directors: Map<number, number>;
  rowsRead: Record<string, number>;
  skipped: Skip[];
}

export type CreditFiles = { kind: 'kaggle'; credits: string } | { kind: 'normalized'; persons: string; cast: string; crew: string };

const MOVIE_COLUMNS = ['id', 'title', 'overview', 'budget', 'release_date', 'runtime', 'genres', 'production_countries'];

function positiveId(raw: unknown): number | undefined {
  if (typeof raw !== 'number' && typeof raw !== 'string') return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647 ? value : undefined;
}

/** Longest names the catalogue keeps (the tables' checks). */
const KEYWORD_NAME_MAX = 200;
const COMPANY_NAME_MAX = 300;
const LANGUAGE_NAME_MAX = 200;

function jsonList(raw: string | undefined): unknown[] | undefined {
  if (raw === undefined || raw.trim() === '') return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Checks every file first: a missing file or column stops the import before anything is written. */
export async function checkTmdbFiles(moviesFile: string, credits: CreditFiles): Promise<void> {
  await checkCsv(moviesFile, MOVIE_COLUMNS);
  if (credits.kind === 'kaggle') {
    await checkCsv(credits.credits, ['movie_id', 'cast', 'crew']);
  } else {
    await checkCsv(credits.persons, ['person_id', 'person_name']);
    await checkCsv(credits.cast, ['movie_id', 'person_id', 'character_name', 'gender_id', 'cast_order']);
    await checkCsv(credits.crew, ['movie_id', 'person_id', 'job']);
  }
}

export async function readTmdb(moviesFile: string, credits: CreditFiles): Promise<TmdbSource> {
  const source: TmdbSource = {
    movies: [],
    persons: new Map(),
    cast: [],
    crew: [],
    crewDuplicates: 0,
    directors: new Map(),
    rowsRead: {},
    skipped: [],
  };
  const crewSeen = new Set<string>();
  const skip = (file: string, line: number, reason: string) => source.skipped.push({ file, line, reason });
  const count = (file: string) => (source.rowsRead[file] = (source.rowsRead[file] ?? 0) + 1);

  const seenMovies = new Set<number>();
  for await (const { line, values } of readCsv(moviesFile, (line, reason) => skip(moviesFile, line, reason))) {
    count(moviesFile);
    const tmdbId = positiveId(values.id);
    const title = textOf(values.title);
    const genres = jsonList(values.genres);
    const countries = jsonList(values.production_countries);
    if (!tmdbId) skip(moviesFile, line, 'no usable movie id');
    else if (seenMovies.has(tmdbId)) skip(moviesFile, line, `movie id ${tmdbId} again`);
    else if (!title) skip(moviesFile, line, 'no title');
    else if (!genres || !countries) skip(moviesFile, line, 'genres or production_countries is not a JSON list');
    else {
      seenMovies.add(tmdbId);
      const drop = (reason: string) => skip(moviesFile, line, reason);
      source.movies.push({
        tmdbId,
        title: truncate(title, 300),
        description: textOf(values.overview),
        budget: budgetOf(values.budget ?? ''),
        releaseDate: dateOf(values.release_date ?? ''),
        durationMinutes: runtimeOf(values.runtime ?? ''),
        genres: [
          ...new Set(
            genres
              .map((g) => (g as { name?: unknown }).name)
              .filter((n): n is string => typeof n === 'string' && n.trim() !== '')
              .map((n) => n.trim()),
          ),
        ],
        countries: entriesOf(countries, drop, countryOf, (c) => c.code),
        keywords: optionalList(values.keywords, 'keywords', 'keywords', drop, keywordOf, (k) => k.tmdbId),
        companies: optionalList(values.production_companies, 'production_companies', 'companies', drop, companyOf, (c) => c.tmdbId),
        languages: optionalList(values.spoken_languages, 'spoken_languages', 'spoken languages', drop, languageOf, (l) => l.code),
        ...movieFactsOf(values),
      });
    }
  }

  const genders = new Map<number, 'female' | 'male' | 'unknown'>();
  const addCredit = (
    file: string,
    line: number,
    movieTmdbId: number | undefined,
    personTmdbId: number | undefined,
    character: string | null,
    order: unknown,
    gender: unknown,
  ) => {
    const billing = Number(order);
    if (!movieTmdbId || !personTmdbId) return skip(file, line, 'cast row without a usable movie or person id');
    if (!seenMovies.has(movieTmdbId)) return skip(file, line, `cast row of movie ${movieTmdbId}, which is not among the movies`);
    if (!Number.isInteger(billing) || billing < 0) return skip(file, line, 'cast row without a usable order');
    source.cast.push({ file, line, movieTmdbId, personTmdbId, character, order: billing });
    const known = genders.get(personTmdbId);
    if (!known || known === 'unknown') genders.set(personTmdbId, genderOf(gender));
  };
  const addCrew = (
    file: string,
    line: number,
    movieTmdbId: number | undefined,
    personTmdbId: number | undefined,
    department: string | undefined,
    rawJob: unknown,
  ) => {
    const job = typeof rawJob === 'string' ? truncate(rawJob.trim(), 200) : '';
    if (!movieTmdbId || !personTmdbId) return skip(file, line, 'crew row without a usable movie or person id');
    if (!seenMovies.has(movieTmdbId)) return skip(file, line, `crew row of movie ${movieTmdbId}, which is not among the movies`);
    if (job === 'Director' && !source.directors.has(movieTmdbId)) source.directors.set(movieTmdbId, personTmdbId);
    if (!department || !job) return skip(file, line, 'crew row without a known department or a job');
    const key = `${movieTmdbId}:${personTmdbId}:${department}:${job}`;
    if (crewSeen.has(key)) {
      source.crewDuplicates++;
      return;
    }
    crewSeen.add(key);
    source.crew.push({ file, line, movieTmdbId, personTmdbId, department, job });
  };
  const departmentNamed = (name: unknown) =>
    DEPARTMENTS.find((d) => typeof name === 'string' && d.toLowerCase() === name.trim().toLowerCase());

  if (credits.kind === 'normalized') {
    for await (const { line, values } of readCsv(credits.persons, (line, reason) => skip(credits.persons, line, reason))) {
      count(credits.persons);
      const id = positiveId(values.person_id);
      const name = textOf(values.person_name);
      if (!id || !name) skip(credits.persons, line, 'person without a usable id or name');
      else source.persons.set(id, { name: repairEscapes(name), gender: 'unknown' });
    }
    for await (const { line, values } of readCsv(credits.cast, (line, reason) => skip(credits.cast, line, reason))) {
      count(credits.cast);
      const character = textOf(values.character_name);
      addCredit(
        credits.cast,
        line,
        positiveId(values.movie_id),
        positiveId(values.person_id),
        character && repairEscapes(character),
        values.cast_order,
        values.gender_id,
      );
    }
    for await (const { line, values } of readCsv(credits.crew, (line, reason) => skip(credits.crew, line, reason))) {
      count(credits.crew);
      const department = DEPARTMENTS[Number(values.department_id) - 1];
      addCrew(credits.crew, line, positiveId(values.movie_id), positiveId(values.person_id), department, values.job);
    }
  } else {
    for await (const { line, values } of readCsv(credits.credits, (line, reason) => skip(credits.credits, line, reason))) {
      count(credits.credits);
      const movieTmdbId = positiveId(values.movie_id);
      const cast = jsonList(values.cast);
      const crew = jsonList(values.crew);
      if (!movieTmdbId) {
        skip(credits.credits, line, 'no usable movie id');
        continue;
      }
      if (!cast || !crew) {
        skip(credits.credits, line, 'cast or crew is not a JSON list');
        continue;
      }
      for (const entry of cast as { id?: unknown; name?: unknown; character?: unknown; order?: unknown; gender?: unknown }[]) {
        const personTmdbId = positiveId(entry.id);
        if (personTmdbId && typeof entry.name === 'string' && entry.name.trim() && !source.persons.has(personTmdbId)) {
          source.persons.set(personTmdbId, { name: entry.name.trim(), gender: 'unknown' });
        }
        addCredit(
          credits.credits,
          line,
          movieTmdbId,
          personTmdbId,
          textOf(typeof entry.character === 'string' ? entry.character : ''),
          entry.order,
          entry.gender,
        );
      }
      for (const entry of crew as { id?: unknown; name?: unknown; job?: unknown; department?: unknown }[]) {
        const personTmdbId = positiveId(entry.id);
        if (personTmdbId && typeof entry.name === 'string' && entry.name.trim() && !source.persons.has(personTmdbId)) {
          source.persons.set(personTmdbId, { name: entry.name.trim(), gender: 'unknown' });
        }
        // An entry without a department (not TMDB's own form) is filed as TMDB files its directors, or under Crew.
        const department =
          entry.department === undefined ? (entry.job === 'Director' ? 'Directing' : 'Crew') : departmentNamed(entry.department);
        addCrew(credits.credits, line, movieTmdbId, personTmdbId, department, entry.job);
      }
    }
  }

  // A credit naming a person the file does not have cannot be imported.
  source.cast = source.cast.filter((credit) => {
    if (source.persons.has(credit.personTmdbId)) return true;
    skip(credit.file, credit.line, `cast row of person ${credit.personTmdbId}, who is not among the people`);
    return false;
  });
  for (const [movie, director] of source.directors) if (!source.persons.has(director)) source.directors.delete(movie);
  source.crew = source.crew.filter((credit) => {
    if (source.persons.has(credit.personTmdbId)) return true;
    skip(credit.file, credit.line, `crew row of person ${credit.personTmdbId}, who is not among the people`);
    return false;
  });
  for (const [id, person] of source.persons) person.gender = genders.get(id) ?? 'unknown';
  return source;
}

/** An entry of a list, or why it cannot be used. */
type Entry<T> = T | { unusable: string };

/**
 * The usable entries of a JSON list, each once (the first of a repeat), in the list's order; an
 * unusable one is left out with a skip line on the movie's line.
 */
function entriesOf<T, K>(list: unknown[], drop: (reason: string) => void, read: (entry: unknown) => Entry<T>, keyOf: (item: T) => K): T[] {
  const seen = new Set<K>();
  const items: T[] = [];
  for (const entry of list) {
    const item = read(entry);
    if (typeof item === 'object' && item !== null && 'unusable' in item) {
      drop(item.unusable);
      continue;
    }
    const key = keyOf(item);
    if (seen.has(key)) continue;
    seen.add(key);
    items.push(item);
  }
  return items;
}

/** A list column the movies file may lack (null); a cell that is not a JSON list is null with a skip line. */
function optionalList<T, K>(
  raw: string | undefined,
  column: string,
  what: string,
  drop: (reason: string) => void,
  read: (entry: unknown) => Entry<T>,
  keyOf: (item: T) => K,
): T[] | null {
  if (raw === undefined) return null;
  const list = jsonList(raw);
  if (!list) {
    drop(`${column} is not a JSON list: the movie is kept, its ${what} left as they are`);
    return null;
  }
  return entriesOf(list, drop, read, keyOf);
}

const field = (entry: unknown, name: string): unknown =>
  typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)[name] : undefined;

const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

function keywordOf(entry: unknown): Entry<SourceKeyword> {
  const tmdbId = positiveId(field(entry, 'id'));
  const name = trimmed(field(entry, 'name'));
  if (!tmdbId) return { unusable: 'keyword without a usable id left out' };
  if (!name) return { unusable: `keyword ${tmdbId} without a name left out` };
  return { tmdbId, name: truncate(name, KEYWORD_NAME_MAX) };
}

function companyOf(entry: unknown): Entry<SourceCompany> {
  const tmdbId = positiveId(field(entry, 'id'));
  const name = trimmed(field(entry, 'name'));
  if (!tmdbId) return { unusable: 'production company without a usable id left out' };
  if (!name) return { unusable: `production company ${tmdbId} without a name left out` };
  return { tmdbId, name: truncate(name, COMPANY_NAME_MAX) };
}

function languageOf(entry: unknown): Entry<SourceLanguage> {
  const raw = field(entry, 'iso_639_1');
  const code = trimmed(raw).toLowerCase();
  if (!/^[a-z]{2,3}$/.test(code))
    return { unusable: `spoken language ${JSON.stringify(raw ?? null)} left out: not a code of 2 or 3 letters` };
  return { code, name: truncate(trimmed(field(entry, 'name')), LANGUAGE_NAME_MAX) || null };
}

function countryOf(entry: unknown): Entry<SourceCountry> {
  const raw = field(entry, 'iso_3166_1');
  const code = trimmed(raw).toUpperCase();
  if (!/^[A-Z]{2}$/.test(code)) return { unusable: `production country ${JSON.stringify(raw ?? null)} left out: not a code of 2 letters` };
  return { code, name: trimmed(field(entry, 'name')) || code };
}
