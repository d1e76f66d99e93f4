// One movie: poster, facts, genres, director, companies and keywords, the cast in credits order, the
// crew by department, and a favorite toggle.
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { MovieDetails } from '../api/client';
import { $api, FAVORITES, invalidate, movieDetails, queryClient } from '../api/queries';
import { Picture, initials } from '../components/picture';
import { ErrorState, FormError, Loading } from '../components/states';
import { fullName, longDate, money, rating, runtime } from '../format';
import { hasRole, useSession } from '../session';
import { useTitle } from '../use-title';
import { CompaniesAndKeywords, CrewSection, PlaceFacts } from './movie-sections';

function FavoriteToggle({ movie }: { movie: MovieDetails }) {
  const session = useSession();
  // The cached movie is the truth: a toggle changes it in place, so the button keeps the focus.
  const favorite = movie.isFavorite ?? false;
  const count = movie.favoritesCount;
  // The movie the call named, not the one shown when it answers.
  const toggled = (movieId: number, now: boolean) => {
    queryClient.setQueryData<MovieDetails>(
      movieDetails(movieId).queryKey,
      (m) => m && { ...m, isFavorite: now, favoritesCount: m.favoritesCount + (now ? 1 : -1) },
    );
    void invalidate(FAVORITES);
  };
  const add = $api.useMutation('put', '/api/v1/me/favorites/{movieId}', {
    onSuccess: (_, { params }) => toggled(params.path.movieId, true),
  });
  const remove = $api.useMutation('delete', '/api/v1/me/favorites/{movieId}', {
    onSuccess: (_, { params }) => toggled(params.path.movieId, false),
  });

  if (!session.user) {
    return (
      <p className="favorite-hint">
        <Link to={`/sign-in?next=/movies/${movie.id}`}>Sign in</Link> to keep it among your favorites ({count}{' '}
        {count === 1 ? 'person does' : 'people do'}).
      </p>
    );
  }
  const toggle = () => {
    add.reset();
    remove.reset();
    (favorite ? remove : add).mutate({ params: { path: { movieId: movie.id } } });
  };
  return (
    <div className="favorite">
      <button
        type="button"
        className={favorite ? 'primary' : ''}
        aria-pressed={favorite}
        disabled={add.isPending || remove.isPending}
        onClick={toggle}
      >
        {favorite ? '★ In my favorites' : '☆ Add to favorites'}
      </button>
      <span className="muted">
        {count} {count === 1 ? 'favorite' : 'favorites'}
      </span>
      <FormError error={add.error ?? remove.error} />
    </div>
  );
}

export default function MoviePage() {
  const { id } = useParams();
  const { user } = useSession();
  const movieId = Number(id);
  const valid = Number.isInteger(movieId) && movieId >= 1;
  // Asked again when who is signed in changes (isFavorite): see callerChanged.
  const movie = useQuery({ ...movieDetails(movieId), enabled: valid });
  useTitle(movie.data?.title);

  if (!valid) return <ErrorState error={new Error('No movie has this address.')} />;
  if (movie.isError) return <ErrorState error={movie.error} retry={() => void movie.refetch()} />;
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
          {m.originalTitle && m.originalTitle !== m.title && (
            <p className="original-title">
              Original title: <span lang={m.originalLanguage ?? undefined}>{m.originalTitle}</span>
            </p>
          )}
          {m.tagline && <p className="tagline">{m.tagline}</p>}
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
            <dt>Rating</dt>
            <dd>{rating(m.voteAverage, m.voteCount)}</dd>
            {m.certification && (
              <>
                <dt>Rated</dt>
                <dd>{m.certification}</dd>
              </>
            )}
            <dt>Budget</dt>
            <dd>{money(m.budget)}</dd>
            <dt>Revenue</dt>
            <dd>{money(m.revenue)}</dd>
            <PlaceFacts movie={m} />
            <dt>Director</dt>
            <dd>{m.director ? <Link to={`/persons/${m.director.id}`}>{fullName(m.director)}</Link> : 'Unknown'}</dd>
          </dl>
          {m.description && <p className="description">{m.description}</p>}
          {/* One toggle a movie and caller: a message or a call under way stays with its movie. */}
          <FavoriteToggle key={`${m.id}-${user?.id ?? 'anonymous'}`} movie={m} />
          {hasRole(user, 'editor') && (
            <p>
              <Link className="button" to={`/movies/${m.id}/edit`}>
                Edit this movie
              </Link>
            </p>
          )}
        </div>
      </div>
      <CompaniesAndKeywords movie={m} />
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
      <CrewSection movie={m} />
    </article>
  );
}
