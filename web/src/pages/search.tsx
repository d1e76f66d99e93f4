// Search results: movies and people for what was typed (typos forgiven), best first.
import { Link, useSearchParams } from 'react-router';
import { $api } from '../api/queries';
import { MovieGrid } from '../components/movie-grid';
import { Picture, initials } from '../components/picture';
import { Empty, ErrorState, Loading } from '../components/states';
import { fullName } from '../format';
import { useTitle } from '../use-title';

export default function SearchPage() {
  const [params] = useSearchParams();
  const q = (params.get('q') ?? '').trim();
  useTitle(q ? `Search: ${q}` : 'Search');
  const found = $api.useQuery('get', '/api/v1/search', { params: { query: { q, limit: 24 } } }, { enabled: q !== '' });

  return (
    <section>
      <h1>{q ? <>Results for “{q}”</> : 'Search'}</h1>
      {!q && <Empty>Type a title or a name in the search box above.</Empty>}
      {found.isPending && q && <Loading label="Searching…" />}
      {found.isError && <ErrorState error={found.error} retry={() => void found.refetch()} />}
      {q && found.data && (
        <>
          {found.data.movies.length === 0 && found.data.persons.length === 0 && (
            <Empty>
              Nothing matches “{q}”. Try fewer words, or <Link to="/discover">browse the catalogue</Link>.
            </Empty>
          )}
          {found.data.movies.length > 0 && (
            <section aria-labelledby="movies-found">
              <h2 id="movies-found">Movies</h2>
              <MovieGrid movies={found.data.movies} label="Movies found" />
            </section>
          )}
          {found.data.persons.length > 0 && (
            <section aria-labelledby="people-found">
              <h2 id="people-found">People</h2>
              <ul className="people-list" aria-label="People found">
                {found.data.persons.map((p) => (
                  <li key={p.id}>
                    <Link to={`/persons/${p.id}`} className="person-card">
                      <Picture
                        image={p.photo}
                        alt={`Photo of ${fullName(p)}`}
                        sizes="92px"
                        className="portrait"
                        fallback={initials(fullName(p))}
                      />
                      <span className="cast-name">{fullName(p)}</span>
                      <span className="muted">
                        {p.moviesActed} acted · {p.moviesDirected} directed
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </section>
  );
}
