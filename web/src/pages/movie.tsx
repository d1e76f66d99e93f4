// One movie: poster, facts, genres, director, the cast in credits order, and a favorite toggle.
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, type MovieDetails, unwrap } from '../api/client';
import { Picture, initials } from '../components/picture';
import { ErrorState, FormError, Loading } from '../components/states';
import { fullName, longDate, money, runtime } from '../format';
import { hasRole, useSession } from '../session';
import { useApi, useTitle } from '../use-api';

function FavoriteToggle({ movie }: { movie: MovieDetails }) {
  const session = useSession();
  const [favorite, setFavorite] = useState(movie.isFavorite ?? false);
  const [count, setCount] = useState(movie.favoritesCount);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  if (!session.user) {
    return (
      <p className="favorite-hint">
        <Link to={`/sign-in?next=/movies/${movie.id}`}>Sign in</Link> to keep it among your favorites ({count}{' '}
        {count === 1 ? 'person does' : 'people do'}).
      </p>
    );
  }
  const toggle = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const path = { params: { path: { movieId: movie.id } } };
      if (favorite) await unwrap(api.DELETE('/api/v1/me/favorites/{movieId}', path));
      else await unwrap(api.PUT('/api/v1/me/favorites/{movieId}', path));
      setCount((n) => n + (favorite ? -1 : 1));
      setFavorite(!favorite);
    } catch (reason) {
      setError(reason);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="favorite">
      <button type="button" className={favorite ? 'primary' : ''} aria-pressed={favorite} disabled={busy} onClick={() => void toggle()}>
        {favorite ? '★ In my favorites' : '☆ Add to favorites'}
      </button>
      <span className="muted">
        {count} {count === 1 ? 'favorite' : 'favorites'}
      </span>
      <FormError error={error} />
    </div>
  );
}

export default function MoviePage() {
  const { id } = useParams();
  const { user, status } = useSession();
  const movieId = Number(id);
  const movie = useApi(
    async (signal) => {
      if (!Number.isInteger(movieId) || movieId < 1) throw new Error('No movie has this address.');
      return unwrap(api.GET('/api/v1/movies/{id}', { params: { path: { id: movieId } }, signal }));
    },
    // Reloaded when the session is known, for isFavorite.
    [movieId, status],
  );
  useTitle(movie.data?.title);

  if (movie.error) return <ErrorState error={movie.error} retry={movie.reload} />;
  if (!movie.data) return <Loading />;
  const m = movie.data;
  return (
    <article className="movie">
      <div className="movie-hero">
        <Picture
          image={m.poster}
          alt={`Poster of ${m.title}`}
          sizes="(max-width: 600px) 60vw, 300px"
          className="poster poster-large"
          fallback={m.title}
          eager
        />
        <div className="movie-facts">
          <h1>{m.title}</h1>
          {m.genres.length > 0 && (
            <ul className="tags" aria-label="Genres">
              {m.genres.map((g) => (
                <li key={g.id}>
                  <Link to={`/discover?genre=${encodeURIComponent(g.name)}`}>{g.name}</Link>
                </li>
              ))}
            </ul>
          )}
          <dl className="facts">
            <dt>Released</dt>
            <dd>{longDate(m.releaseDate)}</dd>
            <dt>Runtime</dt>
            <dd>{runtime(m.durationMinutes)}</dd>
            <dt>Budget</dt>
            <dd>{money(m.budget)}</dd>
            <dt>Country</dt>
            <dd>{m.country ? m.country.name : 'Unknown'}</dd>
            <dt>Director</dt>
            <dd>{m.director ? <Link to={`/persons/${m.director.id}`}>{fullName(m.director)}</Link> : 'Unknown'}</dd>
          </dl>
          {m.description && <p className="description">{m.description}</p>}
          <FavoriteToggle key={`${m.id}-${status}-${String(m.isFavorite)}`} movie={m} />
          {hasRole(user, 'editor') && (
            <p>
              <Link className="button" to={`/movies/${m.id}/edit`}>
                Edit this movie
              </Link>
            </p>
          )}
        </div>
      </div>
      <section aria-labelledby="cast-heading">
        <h2 id="cast-heading">Cast</h2>
        {m.characters.length === 0 ? (
          <p className="state state-empty">No cast is recorded for this movie.</p>
        ) : (
          <ul className="cast" aria-label="Cast">
            {m.characters.map((c) => (
              <li key={c.id} className="cast-member">
                {c.actor ? (
                  <Link to={`/persons/${c.actor.id}`} className="cast-link">
                    <Picture
                      image={c.actor.photo}
                      alt={`Photo of ${fullName(c.actor)}`}
                      sizes="92px"
                      className="portrait"
                      fallback={initials(fullName(c.actor))}
                    />
                    <span className="cast-name">{fullName(c.actor)}</span>
                  </Link>
                ) : (
                  <span className="cast-link">
                    <Picture image={null} alt="No actor recorded" sizes="92px" className="portrait" fallback="?" />
                    <span className="cast-name">Unknown actor</span>
                  </span>
                )}
                <span className="cast-character">{c.name ?? 'Unnamed character'}</span>
                <span className="cast-role">{c.role}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
