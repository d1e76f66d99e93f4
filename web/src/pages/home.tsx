// The home page: the latest releases and the movies most kept as favorites, as poster grids.
import { Link } from 'react-router';
import { $api } from '../api/queries';
import { MovieGrid } from '../components/movie-grid';
import { Empty, ErrorState, Loading } from '../components/states';
import { useTitle } from '../use-title';

function Shelf({ title, sort, more }: { title: string; sort: '-releaseDate' | '-popularity'; more: string }) {
  const movies = $api.useQuery('get', '/api/v1/movies', { params: { query: { sort, pageSize: 12 } } });
  const headingId = `shelf-${sort}`;
  return (
    <section className="shelf" aria-labelledby={headingId}>
      <div className="shelf-head">
        <h2 id={headingId}>{title}</h2>
        <Link to={more}>See all</Link>
      </div>
      {movies.isPending && <Loading />}
      {movies.isError && <ErrorState error={movies.error} retry={() => void movies.refetch()} />}
      {movies.data && movies.data.items.length === 0 && <Empty>The catalogue has no movies yet.</Empty>}
      {movies.data && movies.data.items.length > 0 && <MovieGrid movies={movies.data.items} label={title} />}
    </section>
  );
}

export default function HomePage() {
  useTitle(undefined);
  return (
    <>
      <h1 className="visually-hidden">moviedb</h1>
      <Shelf title="Recent releases" sort="-releaseDate" more="/discover?sort=-releaseDate" />
      <Shelf title="Popular" sort="-popularity" more="/discover?sort=-popularity" />
    </>
  );
}
