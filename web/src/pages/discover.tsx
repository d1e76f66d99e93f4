// Discover: the whole catalogue through the filters (kept in the address, so a list is a link),
// a page at a time through the service's cursor.
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import {
  type MovieSort,
  type SortOption,
  MovieFilters,
  MovieList,
  BEST_MATCH,
  LIST_PAGE_SIZE,
  MOVIE_SORTS,
  filtersToQuery,
} from '../components/movie-filters';
import { useTitle } from '../use-api';

const SORTS: readonly SortOption<MovieSort>[] = [BEST_MATCH, ...MOVIE_SORTS, { value: '-createdAt', label: 'Recently added' }];

export default function DiscoverPage() {
  useTitle('Discover');
  const [params] = useSearchParams();
  const query = filtersToQuery<MovieSort>(params);
  return (
    <section>
      <h1>Discover</h1>
      <MovieFilters sorts={SORTS} defaultSort="-popularity" />
      <MovieList
        // A new query is a new list, from the top.
        key={JSON.stringify(query)}
        label="Movies"
        load={(cursor, signal) =>
          unwrap(api.GET('/api/v1/movies', { params: { query: { ...query, pageSize: LIST_PAGE_SIZE, cursor } }, signal }))
        }
        empty="No movies match these filters."
      />
    </section>
  );
}
