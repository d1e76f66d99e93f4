// The movies file (tmdb_5000_movies.csv): a movie a row, its genres, production countries and
// other lists as JSON in their cells. An unusable row or list entry is skipped with the reason.
import { readCsv } from './csv-source.js';
import { budgetOf, dateOf, movieFactsOf, runtimeOf, textOf, truncate } from './tmdb-mapping.js';
import {
  jsonList,
  positiveId,
  type Reading,
  type SourceCompany,
  type SourceCountry,
  type SourceKeyword,
  type SourceLanguage,
} from './tmdb-source-model.js';

export const MOVIE_COLUMNS = ['id', 'title', 'overview', 'budget', 'release_date', 'runtime', 'genres', 'production_countries'];

/** Longest names the catalogue keeps (the tables' checks). */
const KEYWORD_NAME_MAX = 200;
const COMPANY_NAME_MAX = 300;
const LANGUAGE_NAME_MAX = 200;

/** Adds the file's movies to the source; returns their TMDB ids, which the credits must name. */
export async function readMovies(moviesFile: string, { source, count, skip }: Reading): Promise<Set<number>> {
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
  return seenMovies;
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
