// The home page as poster grids: the latest releases, the most popular movies (TMDB's popularity where
// the movie has one, else how many keep it among their favorites) and the best rated.
import { Link } from 'react-router';
import { $api } from '../api/queries';
import type { MovieFilterQuery, MovieSort } from '../components/movie-filters/url';
import { MovieGrid } from '../components/movie-grid';
import { Empty, ErrorState, Loading } from '../components/states';
import { useTitle } from '../use-title';

/**
 * The service ranks a rating only with this many votes or more (RATING_VOTE_FLOOR in
 * src/db/schema.ts), the others coming last as unknown: the row asks for those it ranks, so that
 * it holds no unrated movie.
 */
const RATED_VOTES = 50;

interface ShelfProps {
  title: string;
  sort: MovieSort;
  filters?: MovieFilterQuery;
  empty: string;
}

function Shelf({ title, sort, filters = {}, empty }: ShelfProps) {
  const movies = $api.useQuery('get', '/api/v1/movies', { params: { query: { ...filters, sort, pageSize: 12 } } });
  const headingId = `shelf-${sort}`;
  const more = new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, String(v)])), sort });
  return (
    <section className="shelf" aria-labelledby={headingId}>
      <div className="shelf-head">
        <h2 id={headingId}>{title}</h2>
        <Link to={`/discover?${more.toString()}`} aria-label={`See all: ${title.toLowerCase()}`}>
          See all
        </Link>
      </div>
      {movies.isPending && <Loading />}
      {movies.isError && <ErrorState error={movies.error} retry={() => void movies.refetch()} />}
      {movies.data && movies.data.items.length === 0 && <Empty>{empty}</Empty>}
      {movies.data && movies.data.items.length > 0 && <MovieGrid movies={movies.data.items} label={title} />}
    </section>
  );
}

export default function HomePage() {
  useTitle(undefined);
  return (
    <>
      <h1 className="visually-hidden">moviedb</h1>
      <Shelf title="Recent releases" sort="-releaseDate" empty="The catalogue has no movies yet." />
      <Shelf title="Popular" sort="-popularity" empty="The catalogue has no movies yet." />
      <Shelf
        title="Top rated"
        sort="-voteAverage"
        filters={{ minVoteCount: RATED_VOTES }}
        empty={`No movie has the ${RATED_VOTES} votes a rating needs to rank yet.`}
      />
    </>
  );
}
