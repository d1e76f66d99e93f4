// Discover: the whole catalogue through the filters (kept in the address, so a list is a link),
// a page at a time through the service's cursor.
import { useSearchParams } from 'react-router';
import { $api } from '../api/queries';
import { MovieList } from '../components/movie-filters/movie-list';
import { LIST_PAGE_SIZE, cursorPaging } from '../components/movie-filters/paging';
import { MovieFilters } from '../components/movie-filters/panel';
import { BEST_MATCH, MOVIE_SORTS, type SortOption } from '../components/movie-filters/sorts';
import { type MovieSort, filtersToQuery } from '../components/movie-filters/url';
import { useTitle } from '../use-title';

const SORTS: readonly SortOption<MovieSort>[] = [BEST_MATCH, ...MOVIE_SORTS, { value: '-createdAt', label: 'Recently added' }];

export default function DiscoverPage() {
  useTitle('Discover');
  const [params] = useSearchParams();
  const query = filtersToQuery<MovieSort>(params);
  // A new query is a new list, from the top.
  const pages = $api.useInfiniteQuery('get', '/api/v1/movies', { params: { query: { ...query, pageSize: LIST_PAGE_SIZE } } }, cursorPaging);
  return (
    <section>
      <h1>Discover</h1>
      <MovieFilters sorts={SORTS} defaultSort="-popularity" />
      <MovieList key={JSON.stringify(query)} pages={pages} label="Movies" empty="No movies match these filters." />
    </section>
  );
}
