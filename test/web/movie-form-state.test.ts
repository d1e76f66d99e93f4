// The movie form's reducer (web/src/pages/editor/movie-editor/form-state.ts).
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../web/src/api/api-error.js';
import type { components } from '../../web/src/api/schema.js';
import { rowOf } from '../../web/src/pages/editor/movie-editor/cast.js';
import {
  type MovieFormState,
  initialState,
  isComplete,
  movieFormReducer as reduce,
} from '../../web/src/pages/editor/movie-editor/form-state.js';

type Character = components['schemas']['Character'];
type Image = components['schemas']['Image'];

const character = (id: number, name: string): Character => ({
  id,
  name,
  description: null,
  role: 'leading',
  billingOrder: id,
  actor: null,
  performers: [],
});
const image = { id: 1, fileName: 'p.png' } as Image;

const withCast = (state: MovieFormState, ...characters: Character[]): MovieFormState => {
  const cast = characters.map((c) => rowOf(c));
  return { ...state, cast, savedCast: cast };
};

describe('the movie form state', () => {
  it('starts empty for a new movie', () => {
    expect(initialState(null)).toEqual({
      savedId: null,
      countries: [],
      director: null,
      languages: [],
      keywords: [],
      companies: [],
      poster: null,
      posterFile: null,
      removePoster: false,
      cast: [],
      savedCast: [],
      justAdded: null,
    });
  });

  it('keeps the lists of TMDB a movie opened with, and each list as changed', () => {
    const english = { code: 'en', name: 'English' };
    const japanese = { code: 'ja', name: 'Japanese' };
    let state = { ...initialState(null), languages: [english] };
    state = reduce(state, { type: 'languages', languages: [english, japanese] });
    state = reduce(state, { type: 'keywords', keywords: [{ id: 3, name: 'dream' }] });
    state = reduce(state, { type: 'companies', companies: [{ id: 8, name: 'Syncopy' }] });
    expect([state.languages, state.keywords, state.companies]).toEqual([
      [english, japanese],
      [{ id: 3, name: 'dream' }],
      [{ id: 8, name: 'Syncopy' }],
    ]);
    state = reduce(state, { type: 'languages', languages: [japanese] });
    expect(state.languages).toEqual([japanese]);
  });

  it('adds, edits, moves and removes cast rows', () => {
    let state = withCast(initialState(null), character(1, 'A'), character(2, 'B'));
    state = reduce(state, { type: 'addRow', key: 'new-1' });
    expect(state.justAdded).toBe('new-1');
    state = reduce(state, { type: 'updateRow', key: 'new-1', change: { name: 'C', role: 'background' } });
    state = reduce(state, { type: 'moveRow', index: 2, by: -1 });
    expect(state.cast.map((r) => [r.key, r.name, r.role])).toEqual([
      ['c1', 'A', 'leading'],
      ['new-1', 'C', 'background'],
      ['c2', 'B', 'leading'],
    ]);
    // Past either end nothing moves.
    expect(reduce(state, { type: 'moveRow', index: 0, by: -1 })).toBe(state);
    state = reduce(state, { type: 'removeRow', key: 'c1' });
    expect(state.cast.map((r) => r.key)).toEqual(['new-1', 'c2']);
    expect(state.savedCast.map((r) => r.key)).toEqual(['c1', 'c2']);
  });

  it('takes a chosen poster file instead of removing the poster, and forgets its last refusal', () => {
    let state: MovieFormState = { ...initialState(null), poster: image, posterError: new Error('bad') };
    state = reduce(state, { type: 'toggleRemovePoster' });
    expect(state.removePoster).toBe(true);
    const file = new File(['x'], 'p.png');
    state = reduce(state, { type: 'posterFile', file });
    expect(state).toMatchObject({ posterFile: file, removePoster: false, posterError: undefined });
  });

  it('after a save, holds what the service stored and keeps the row keys', () => {
    let state = reduce(initialState(null), { type: 'addRow', key: 'new-1' });
    state = reduce(state, { type: 'updateRow', key: 'new-1', change: { name: 'Hero' } });
    state = { ...state, posterFile: new File(['x'], 'p.png') };
    const outcome = { movieId: 12, created: true, poster: { saved: image }, cast: { saved: [character(40, 'Hero')] }, sent: state.cast };
    expect(isComplete(outcome)).toBe(true);
    state = reduce(state, { type: 'saved', outcome });
    expect(state).toMatchObject({ savedId: 12, poster: image, posterFile: null });
    expect(state.cast).toEqual([{ ...rowOf(character(40, 'Hero')), key: 'new-1' }]);
    expect(state.savedCast).toEqual(state.cast);
  });

  it('after a save that failed in part, keeps the rows and puts the refusal on them', () => {
    let state = withCast(initialState(null), character(1, 'A'));
    state = reduce(state, { type: 'addRow', key: 'new-1' });
    const refusal = new ApiError(422, { errors: [{ in: 'body', field: 'characters.1.name', message: 'is required for a new character' }] });
    const outcome = {
      movieId: 3,
      created: false,
      poster: { failed: new Error('not an image') },
      cast: { failed: refusal },
      sent: state.cast,
    };
    expect(isComplete(outcome)).toBe(false);
    const after = reduce(state, { type: 'saved', outcome });
    expect(after.cast).toBe(state.cast);
    expect(after.castErrors).toEqual({ rows: { 'new-1': { name: 'is required for a new character' } } });
    expect(after.posterError).toEqual(new Error('not an image'));
    // The next save starts without them.
    expect(reduce(after, { type: 'saving' })).toMatchObject({ castErrors: undefined, posterError: undefined });
  });
});
