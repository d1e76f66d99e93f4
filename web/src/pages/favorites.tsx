// My favorites: the movies I keep, newest kept first, with the same filters as discover and the
// favorites' own sort (the date I kept them).
import { Link, useSearchParams } from 'react-router';
import { $api } from '../api/queries';
import { MovieList } from '../components/movie-filters/movie-list';
import { LIST_PAGE_SIZE, cursorPaging } from '../components/movie-filters/paging';
import { MovieFilters } from '../components/movie-filters/panel';
import { BEST_MATCH, MOVIE_SORTS, type SortOption } from '../components/movie-filters/sorts';
import { type FavoriteSort, activeFilterCount, filtersToQuery } from '../components/movie-filters/url';
import { useTitle } from '../use-title';

const SORTS: readonly SortOption<FavoriteSort>[] = [
  BEST_MATCH,
  { value: '-favoritedAt', label: 'Recently added to favorites' },
  { value: 'favoritedAt', label: 'First added to favorites' },
  ...MOVIE_SORTS,
];

export default function FavoritesPage() {
  useTitle('My favorites');
  const [params] = useSearchParams();
  const query = filtersToQuery<FavoriteSort>(params);
  const filtered = activeFilterCount(params) > 0;
  const pages = $api.useInfiniteQuery(
    'get',
    '/api/v1/me/favorites',
    { params: { query: { ...query, pageSize: LIST_PAGE_SIZE } } },
    cursorPaging,
  );
  return (
    <section>
      <h1>My favorites</h1>
      <MovieFilters sorts={SORTS} defaultSort="-favoritedAt" />
      <MovieList
        key={JSON.stringify(query)}
        pages={pages}
        label="My favorite movies"
        empty={
          filtered ? (
            'None of your favorites match these filters.'
          ) : (
            <>
              You have no favorites yet. <Link to="/discover">Discover movies</Link> and add the ones you like.
            </>
          )
        }
      />
    </section>
  );
}
