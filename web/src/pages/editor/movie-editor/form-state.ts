// The movie form's state in one place, changed only through its actions: what the fields the
// form's FormData does not hold keep (director, the production countries, spoken languages,
// keywords and companies, poster, cast), what the service last
// stored, and what the last save could not do. Plain code, which the unit tests import.
import type { components } from '../../../api/schema.js';
import { type CastErrors, type CastRow, castErrors, newRow, rowOf, savedRows } from './cast.js';

type Schemas = components['schemas'];
type MovieDetails = Schemas['MovieDetails'];
type Character = Schemas['Character'];
type Image = Schemas['Image'];
type PersonRef = Schemas['PersonRef'];
type Country = Schemas['Country'];
export type LanguageRef = MovieDetails['languages'][number];
export type KeywordRef = MovieDetails['keywords'][number];
export type CompanyRef = Pick<MovieDetails['companies'][number], 'id' | 'name'> &
  Partial<Pick<MovieDetails['companies'][number], 'originCountry'>>;

export interface MovieFormState {
  /** The movie's id once it exists: after a create whose cast failed, saving again patches it. */
  savedId: number | null;
  director: PersonRef | null;
  /** Whole lists, in the movie's order: a save sends each as it is here. The first country is the main one. */
  countries: Country[];
  languages: LanguageRef[];
  keywords: KeywordRef[];
  companies: CompanyRef[];
  /** The stored poster, the file chosen to replace it, and whether to remove it. */
  poster: Image | null;
  posterFile: File | null;
  removePoster: boolean;
  cast: CastRow[];
  /** The cast as the service last stored it: a save sends the cast only when it differs. */
  savedCast: CastRow[];
  /** The row just added, which takes the focus. */
  justAdded: string | null;
  posterError?: unknown;
  castErrors?: CastErrors;
}

/** What a save did besides writing the movie: each part saved, failed, or had nothing to send. */
export type PartOutcome<T> = { saved: T } | { failed: unknown } | 'unchanged';

export interface SaveOutcome {
  movieId: number;
  /** The save created the movie (rather than changing one that existed). */
  created: boolean;
  poster: PartOutcome<Image | null>;
  /** The characters the service answered, or its refusal of the rows sent. */
  cast: PartOutcome<Character[]>;
  /** The rows the cast part sent. */
  sent: CastRow[];
}

export type MovieFormAction =
  | { type: 'countries'; countries: Country[] }
  | { type: 'director'; director: PersonRef | null }
  | { type: 'languages'; languages: LanguageRef[] }
  | { type: 'keywords'; keywords: KeywordRef[] }
  | { type: 'companies'; companies: CompanyRef[] }
  | { type: 'posterFile'; file: File | null }
  | { type: 'toggleRemovePoster' }
  | { type: 'addRow'; key: string }
  | { type: 'updateRow'; key: string; change: Partial<Pick<CastRow, 'name' | 'role' | 'actor'>> }
  | { type: 'moveRow'; index: number; by: -1 | 1 }
  | { type: 'removeRow'; key: string }
  | { type: 'saving' }
  | { type: 'created'; id: number }
  | { type: 'saved'; outcome: SaveOutcome };

export function initialState(movie: MovieDetails | null): MovieFormState {
  const cast = movie?.characters.map((c) => rowOf(c)) ?? [];
  return {
    savedId: movie?.id ?? null,
    countries: movie?.countries ?? [],
    director: movie?.director ?? null,
    languages: movie?.languages ?? [],
    keywords: movie?.keywords ?? [],
    companies: movie?.companies ?? [],
    poster: movie?.poster ?? null,
    posterFile: null,
    removePoster: false,
    cast,
    savedCast: cast,
    justAdded: null,
  };
}

export const isComplete = (outcome: SaveOutcome) =>
  !(typeof outcome.poster === 'object' && 'failed' in outcome.poster) && !(typeof outcome.cast === 'object' && 'failed' in outcome.cast);

export function movieFormReducer(state: MovieFormState, action: MovieFormAction): MovieFormState {
  switch (action.type) {
    case 'countries':
      return { ...state, countries: action.countries };
    case 'director':
      return { ...state, director: action.director };
    case 'languages':
      return { ...state, languages: action.languages };
    case 'keywords':
      return { ...state, keywords: action.keywords };
    case 'companies':
      return { ...state, companies: action.companies };
    case 'posterFile':
      return { ...state, posterFile: action.file, removePoster: false, posterError: undefined };
    case 'toggleRemovePoster':
      return { ...state, removePoster: !state.removePoster };
    case 'addRow':
      return { ...state, cast: [...state.cast, newRow(action.key)], justAdded: action.key };
    case 'updateRow':
      return { ...state, cast: state.cast.map((row) => (row.key === action.key ? { ...row, ...action.change } : row)) };
    case 'moveRow': {
      const target = action.index + action.by;
      const a = state.cast[action.index];
      const b = state.cast[target];
      if (!a || !b) return state;
      const cast = [...state.cast];
      cast[action.index] = b;
      cast[target] = a;
      return { ...state, cast };
    }
    case 'removeRow':
      return { ...state, cast: state.cast.filter((row) => row.key !== action.key) };
    case 'saving':
      return { ...state, posterError: undefined, castErrors: undefined };
    case 'created':
      return { ...state, savedId: action.id };
    case 'saved': {
      const { outcome } = action;
      let next: MovieFormState = { ...state, savedId: outcome.movieId };
      if (outcome.poster !== 'unchanged' && 'saved' in outcome.poster) {
        next = { ...next, poster: outcome.poster.saved, posterFile: null, removePoster: false };
      } else if (outcome.poster !== 'unchanged') {
        next = { ...next, posterError: outcome.poster.failed };
      }
      if (outcome.cast !== 'unchanged' && 'saved' in outcome.cast) {
        const rows = savedRows(outcome.sent, outcome.cast.saved);
        next = { ...next, cast: rows, savedCast: rows };
      } else if (outcome.cast !== 'unchanged') {
        next = { ...next, castErrors: castErrors(outcome.cast.failed, outcome.sent) };
      }
      return next;
    }
  }
}
