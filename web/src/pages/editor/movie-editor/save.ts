// Saving the movie form: the movie first, then its poster and its cast through their own endpoints,
// so that a failure there leaves the movie saved and says which part did not save; saving again
// sends only what is still different. The cast goes in one request, all or nothing.
import { api, fileUpload, unwrap } from '../../../api/client';
import { castBody, castChanged } from './cast';
import type { MovieFormState, PartOutcome, SaveOutcome } from './form-state';
import { movieBody } from './movie-body';

/** Runs one part of the save: what it stored, or why it failed. */
async function part<T>(run: () => Promise<T>): Promise<PartOutcome<T>> {
  try {
    return { saved: await run() };
  } catch (reason) {
    return { failed: reason };
  }
}

/**
 * Writes the movie (a failure throws: nothing was saved), then the poster and the cast. `created`
 * hears of a new movie's id at once, before the rest is sent.
 */
export async function saveMovie(state: MovieFormState, form: FormData, created: (id: number) => void): Promise<SaveOutcome> {
  const body = movieBody(state, form);
  let movieId = state.savedId;
  if (movieId === null) {
    movieId = (await unwrap(api.POST('/api/v1/movies', { body }))).id;
    created(movieId);
  } else {
    await unwrap(api.PATCH('/api/v1/movies/{id}', { params: { path: { id: movieId } }, body }));
  }

  const path = { params: { path: { id: movieId } } };
  const { posterFile } = state;
  let poster: SaveOutcome['poster'] = 'unchanged';
  if (posterFile) {
    poster = await part(async () => (await unwrap(api.PUT('/api/v1/movies/{id}/poster', { ...path, ...fileUpload(posterFile) }))).poster);
  } else if (state.removePoster && state.poster) {
    poster = await part(async () => {
      await unwrap(api.DELETE('/api/v1/movies/{id}/poster', path));
      return null;
    });
  }

  const cast: SaveOutcome['cast'] = castChanged(state.cast, state.savedCast)
    ? await part(async () => (await unwrap(api.PUT('/api/v1/movies/{id}/characters', { ...path, body: castBody(state.cast) }))).items)
    : 'unchanged';
  return { movieId, created: state.savedId === null, poster, cast, sent: state.cast };
}
