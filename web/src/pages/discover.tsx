// Discover: the whole catalogue through the filters (kept in the address, so a list is a link),
// a page at a time through the service's cursor.
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import { type MovieSort, type SortOption, MovieFilters, MovieList, filtersToQuery } from '../components/movie-filters';
import { useTitle } from '../use-api';

const SORTS: readonly SortOption<MovieSort>[] = [
  { value: 'relevance', label: 'Best match' },
  { value: '-popularity', label: 'Most popular' },
  { value: '-releaseDate', label: 'Newest first' },
  { value: 'releaseDate', label: 'Oldest first' },
  { value: 'title', label: 'Title, A to Z' },
  { value: '-title', label: 'Title, Z to A' },
  { value: '-budget', label: 'Biggest budget' },
  { value: 'budget', label: 'Smallest budget' },
  { value: '-duration', label: 'Longest' },
  { value: 'duration', label: 'Shortest' },
  { value: '-createdAt', label: 'Recently added' },
];

// Divides into rows of 2, 3, 4 and 6 posters.
const PAGE_SIZE = 24;

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
        load={(cursor, signal) => unwrap(api.GET('/api/v1/movies', { params: { query: { ...query, pageSize: PAGE_SIZE, cursor } }, signal }))}
        empty="No movies match these filters."
      />
    </section>
  );
}
