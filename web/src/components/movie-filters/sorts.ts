// The sorts the lists offer, as the sort field shows them.
import type { FavoriteSort, MovieSort } from './url';

export interface SortOption<S extends string> {
  value: S;
  label: string;
}

/** The movie sorts discover and my favorites share, in the order the sort list shows them. */
export const MOVIE_SORTS = [
  { value: '-popularity', label: 'Most popular' },
  { value: '-voteAverage', label: 'Top rated' },
  { value: '-voteCount', label: 'Most votes' },
  { value: '-releaseDate', label: 'Newest first' },
  { value: 'releaseDate', label: 'Oldest first' },
  { value: 'title', label: 'Title, A to Z' },
  { value: '-title', label: 'Title, Z to A' },
  { value: '-budget', label: 'Biggest budget' },
  { value: 'budget', label: 'Smallest budget' },
  { value: '-revenue', label: 'Highest revenue' },
  { value: '-duration', label: 'Longest' },
  { value: 'duration', label: 'Shortest' },
] as const satisfies readonly SortOption<MovieSort & FavoriteSort>[];

export const BEST_MATCH = { value: 'relevance', label: 'Best match' } as const;
