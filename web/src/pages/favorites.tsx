// My favorites: the movies I keep, newest kept first, with the same filters as discover and the
// favorites' own sort (the date I kept them).
import { Link, useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client';
import {
  type FavoriteSort,
  type SortOption,
  MovieFilters,
  MovieList,
  BEST_MATCH,
  LIST_PAGE_SIZE,
  MOVIE_SORTS,
  activeFilterCount,
  filtersToQuery,
} from '../components/movie-filters';
import { useTitle } from '../use-api';

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
  return (
    <section>
      <h1>My favorites</h1>
      <MovieFilters sorts={SORTS} defaultSort="-favoritedAt" />
      <MovieList
        key={JSON.stringify(query)}
        label="My favorite movies"
        load={(cursor, signal) =>
          unwrap(api.GET('/api/v1/me/favorites', { params: { query: { ...query, pageSize: LIST_PAGE_SIZE, cursor } }, signal }))
        }
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
