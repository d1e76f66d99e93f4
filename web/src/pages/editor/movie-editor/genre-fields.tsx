// The movie's genres: a checkbox each, read from the form when it is sent.
import { useId } from 'react';
import { Link } from 'react-router';
import type { Genre, MovieDetails } from '../../../api/client';

export function GenreFields({ genres, movie, error }: { genres: Genre[]; movie: MovieDetails | null; error?: string }) {
  const errorId = useId();
  return (
    <fieldset aria-describedby={error ? errorId : undefined}>
      <legend>Genres</legend>
      {genres.length === 0 ? (
        <p className="muted">
          No genres yet. <Link to="/genres">Add some</Link>.
        </p>
      ) : (
        <div className="genre-checks">
          {genres.map((g) => (
            <label key={g.id} className="check">
              <input type="checkbox" name="genreIds" value={g.id} defaultChecked={movie?.genres.some((mg) => mg.id === g.id) ?? false} />
              {g.name}
            </label>
          ))}
        </div>
      )}
      {error && (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      )}
    </fieldset>
  );
}
