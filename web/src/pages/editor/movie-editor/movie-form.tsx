// The movie form: its facts (and TMDB's of its release and reception), genres, spoken languages,
// keywords and companies, poster and cast; and,
// once the movie exists, its crew (crew-editor.tsx), written a credit at a time.
// State lives in one reducer (form-state.ts); a save is one mutation (save.ts) that is busy until
// the pages showing the movie have its new answer.
// The form shows the movie and the genres as they were when it opened, whatever is read again
// meanwhile: every field, those the browser holds and those of the reducer, starts from one version.
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useReducer, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Genre, MovieDetails } from '../../../api/client';
import { $api, CATALOGUE, invalidate, movieDetails, queryClient } from '../../../api/queries';
import { FormError, Loading } from '../../../components/states';
import { fieldError } from '../../../forms';
import { CastEditor } from './cast-editor';
import { CrewEditor } from './crew-editor';
import { DetailsFields, DirectorField } from './details-fields';
import { initialState, isComplete, movieFormReducer } from './form-state';
import { GenreFields } from './genre-fields';
import { ListFields } from './list-fields';
import { PosterField } from './poster-field';
import { ReleaseFields } from './release-fields';
import { saveMovie } from './save';

export function MovieForm(props: { movie: MovieDetails | null; genres: Genre[] }) {
  const [movie] = useState(props.movie);
  const [genres] = useState(props.genres);
  const navigate = useNavigate();
  const [state, dispatch] = useReducer(movieFormReducer, movie, initialState);
  const creating = state.savedId === null;

  const created = (id: number) => {
    dispatch({ type: 'created', id });
    // The address names the movie that now exists, so that a reload (or Back and Forward) edits
    // it rather than offering to create it a second time. Set past the router, which would
    // otherwise load the page afresh and drop the rows not saved yet.
    window.history.replaceState(window.history.state, '', `/movies/${id}/edit`);
  };
  const save = useMutation({
    mutationFn: (form: FormData) => saveMovie(state, form, created),
    onMutate: () => dispatch({ type: 'saving' }),
    onSuccess: async (outcome) => {
      dispatch({ type: 'saved', outcome });
      // The movie was written, complete or not: the lists and pages that show it read it again.
      // Only a complete save leaves the form, once the movie's page has its new answer.
      if (!isComplete(outcome)) return void invalidate(CATALOGUE);
      await invalidate(CATALOGUE);
      void navigate(`/movies/${outcome.movieId}`);
    },
  });
  const remove = $api.useMutation('delete', '/api/v1/movies/{id}', {
    onSuccess: (_, { params }) => {
      // The editor still reads the movie until the page leaves: its answer goes first, so that
      // nothing asks for the movie deleted (and keeps its 404).
      queryClient.removeQueries({ queryKey: movieDetails(params.path.id).queryKey });
      void navigate('/', { replace: true });
      void invalidate(CATALOGUE);
    },
  });
  const busy = save.isPending || remove.isPending;
  const errorOf = (field: string) => fieldError(save.error, field);

  let error: unknown = save.error ?? remove.error;
  if (save.data && !isComplete(save.data)) {
    const what = save.data.created ? 'The movie was created' : 'The movie’s details were saved';
    error = new Error(`${what}, but not everything: see the messages below. Save again to retry.`);
  }

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    remove.reset();
    save.mutate(new FormData(event.currentTarget));
  };

  const confirmAndRemove = () => {
    if (state.savedId === null) return;
    const title = movie?.title ?? 'this movie';
    if (!confirm(`Delete “${title}”? Its cast, genre links and favorites go with it. This cannot be undone.`)) return;
    save.reset();
    remove.mutate({ params: { path: { id: state.savedId } } });
  };

  return (
    <section className="editor">
      <h1>{movie ? `Edit “${movie.title}”` : !creating ? 'Edit the new movie' : 'New movie'}</h1>
      {movie && (
        <p>
          <Link to={`/movies/${movie.id}`}>Back to the movie page</Link>
        </p>
      )}
      <form className="form" onSubmit={submit} aria-busy={busy}>
        {/* Nothing can be edited while a save is under way: its answer replaces the rows. */}
        <fieldset className="fieldset-plain" disabled={busy}>
          <DetailsFields movie={movie} errorOf={errorOf} />
          <ReleaseFields movie={movie} errorOf={errorOf} />
          <GenreFields genres={genres} movie={movie} error={errorOf('genreIds')} />
          <ListFields state={state} dispatch={dispatch} errorOf={errorOf} />
          <DirectorField
            director={state.director}
            onDirector={(director) => dispatch({ type: 'director', director })}
            error={errorOf('directorId')}
          />
          <PosterField state={state} dispatch={dispatch} />
          <CastEditor rows={state.cast} errors={state.castErrors} justAdded={state.justAdded} disabled={busy} dispatch={dispatch} />
          <FormError error={error} />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>
              {creating ? 'Create movie' : 'Save changes'}
            </button>
            {!creating && (
              <button type="button" className="danger" disabled={busy} onClick={confirmAndRemove}>
                Delete movie
              </button>
            )}
          </div>
        </fieldset>
        {busy && <Loading label="Saving…" />}
      </form>
      {/* Outside the form: a credit is written at once, and the movie must exist for it. */}
      {state.savedId !== null && <CrewEditor movieId={state.savedId} />}
    </section>
  );
}
