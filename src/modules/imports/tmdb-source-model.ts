// The model TMDB's files are read into (movies, people, cast and crew, and what was skipped), and
// what every file's reader shares: the ids and JSON lists of its cells, where it reports its rows.
import type { MovieStatus } from './tmdb-mapping.js';

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
export const DEPARTMENTS = [
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

/**
 * The largest TMDB id the import takes. The /3 surface shows an item created in moviedb as
 * 1,000,000,000 + its own id (modules/tmdb/tmdb-ids.ts): a TMDB id from there up would collide, so
 * a row that carries one is skipped, like any other unusable id.
 */
export const TMDB_ID_MAX = 999_999_999;

export function positiveId(raw: unknown): number | undefined {
  if (typeof raw !== 'number' && typeof raw !== 'string') return undefined;
  const value = Number(raw);
  return Number.isSafeInteger(value) && value > 0 && value <= TMDB_ID_MAX ? value : undefined;
}

export function jsonList(raw: string | undefined): unknown[] | undefined {
  if (raw === undefined || raw.trim() === '') return [];
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** What each file's reader is handed: the model it adds to, and where it counts a row read or reports one skipped. */
export interface Reading {
  source: TmdbSource;
  count: (file: string) => void;
  skip: (file: string, line: number, reason: string) => void;
}
