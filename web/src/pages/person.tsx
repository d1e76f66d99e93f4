// One person: photo and gallery, biography, what they are known for, the totals, and the filmography
// (acting, directing, and their crew work in every department).
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { personDetails } from '../api/queries';
import { Picture, initials } from '../components/picture';
import { ErrorState, Loading } from '../components/states';
import { fullName, longDate, money, year } from '../format';
import { hasRole, useSession } from '../session';
import { useTitle } from '../use-title';

export default function PersonPage() {
  const { id } = useParams();
  const { user } = useSession();
  const personId = Number(id);
  const valid = Number.isInteger(personId) && personId >= 1;
  const person = useQuery({ ...personDetails(personId), enabled: valid });
  const name = person.data ? fullName(person.data) : undefined;
  useTitle(name);

  if (!valid) return <ErrorState error={new Error('No person has this address.')} />;
  if (person.isError) return <ErrorState error={person.error} retry={() => void person.refetch()} />;
  if (!person.data || !name) return <Loading />;
  const p = person.data;
  return (
    <article className="person">
      <div className="movie-hero">
        <Picture
          image={p.photo}
          alt={`Photo of ${name}`}
          sizes="(max-width: 600px) 60vw, 300px"
          className="portrait-large"
          fallback={initials(name)}
          eager
        />
        <div className="movie-facts">
          <h1>{name}</h1>
          <dl className="facts">
            <dt>Born</dt>
            <dd>{longDate(p.birthDate)}</dd>
            <dt>Country</dt>
            <dd>{p.country?.name ?? 'Unknown'}</dd>
            <dt>Known for</dt>
            <dd>{p.knownForDepartment ?? 'Unknown'}</dd>
            <dt>Movies acted</dt>
            <dd>{p.moviesActed}</dd>
            <dt>Total budget acted</dt>
            <dd>{money(p.actingBudgetTotal)}</dd>
            <dt>Movies directed</dt>
            <dd>{p.moviesDirected}</dd>
            <dt>Average budget directed</dt>
            <dd>{money(p.directingBudgetAverage)}</dd>
          </dl>
          {p.biography ? <p className="description">{p.biography}</p> : <p className="muted">No biography yet.</p>}
          {hasRole(user, 'editor') && (
            <p>
              <Link className="button" to={`/persons/${p.id}/edit`}>
                Edit this person
              </Link>
            </p>
          )}
        </div>
      </div>
      {p.photos.length > 1 && (
        <section aria-labelledby="gallery-heading">
          <h2 id="gallery-heading">Photos</h2>
          <ul className="gallery">
            {p.photos.map((photo, index) => (
              <li key={photo.id}>
                <a href={photo.image.sizes.original}>
                  <Picture image={photo.image} alt={`Photo ${index + 1} of ${name}`} sizes="185px" className="portrait" fallback="" />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="acting-heading">
        <h2 id="acting-heading">Acting</h2>
        {p.acting.length === 0 ? (
          <p className="state state-empty">No acting roles recorded.</p>
        ) : (
          <ul className="filmography">
            {p.acting.map(({ movie, character }) => (
              <li key={character.id}>
                <span className="film-year">{year(movie.releaseDate) || '—'}</span>
                <Link to={`/movies/${movie.id}`}>{movie.title}</Link>
                <span className="muted">
                  {' '}
                  as {character.name ?? 'an unnamed character'} ({character.role})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="directing-heading">
        <h2 id="directing-heading">Directing</h2>
        {p.directing.length === 0 ? (
          <p className="state state-empty">No movies directed.</p>
        ) : (
          <ul className="filmography">
            {p.directing.map((movie) => (
              <li key={movie.id}>
                <span className="film-year">{year(movie.releaseDate) || '—'}</span>
                <Link to={`/movies/${movie.id}`}>{movie.title}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="crew-heading">
        <h2 id="crew-heading">Crew</h2>
        {p.crew.length === 0 ? (
          <p className="state state-empty">No crew work recorded.</p>
        ) : (
          <ul className="filmography" aria-label="Crew work">
            {p.crew.map(({ id, job, department, movie }) => (
              <li key={id}>
                <span className="film-year">{year(movie.releaseDate) || '—'}</span>
                <Link to={`/movies/${movie.id}`}>{movie.title}</Link>
                <span className="muted">
                  {' '}
                  {job} ({department.name})
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
