// The filters of discover and favorites live in the address's query string, under the API's own
// parameter names: a filtered list is a link to share, back and forward step through the filters
// chosen, and the links other pages make (/discover?genre=Drama, ?sort=-releaseDate) land on the
// right list. This file maps the address to the API's query and a change back to an address; it is
// plain code (no React), which the unit tests import.
import type { paths } from '../../api/schema.js';

type MovieQuery = NonNullable<paths['/api/v1/movies']['get']['parameters']['query']>;
type FavoritesQuery = NonNullable<paths['/api/v1/me/favorites']['get']['parameters']['query']>;

/** The filters GET /movies and GET /me/favorites share: everything but paging and the sort. */
export type MovieFilterQuery = Omit<MovieQuery, 'page' | 'pageSize' | 'cursor' | 'includeTotal' | 'sort'>;
export type MovieSort = NonNullable<MovieQuery['sort']>;
export type FavoriteSort = NonNullable<FavoritesQuery['sort']>;

// Every filter of the API is read from the address, also those the panel has no field for
// (withoutGenre, ids, ...), so that a hand-made link works too.
const TEXT_FILTERS = [
  'genre',
  'withoutGenre',
  'country',
  'productionCountry',
  'cast',
  'keyword',
  'company',
  'language',
  'crew',
  'job',
  'originalLanguage',
  'releasedFrom',
  'releasedTo',
  'ids',
  'q',
] as const;
const NUMBER_FILTERS = [
  'director',
  'releasedWithinYears',
  'minDuration',
  'maxDuration',
  'minBudget',
  'maxBudget',
  'minRevenue',
  'maxRevenue',
  'minVoteCount',
  'minVoteAverage',
  'maxVoteAverage',
  'tmdbId',
] as const;
/** Checked by the service against its list of them: an unknown one gets its 400. */
const STATUS = 'status';
const FILTERS: readonly string[] = [...TEXT_FILTERS, ...NUMBER_FILTERS, STATUS];

/**
 * The API query the address asks for. Values go out as they are: a malformed one (minDuration=abc
 * goes as NaN, an unknown sort or genre) gets the service's 400 or 422, whose message the list
 * shows, rather than being dropped here without a word. Blank values and parameters the API does
 * not filter by (page, cursor, anything else) are left out.
 */
export function filtersToQuery<S extends string>(params: URLSearchParams): MovieFilterQuery & { sort?: S } {
  const query: MovieFilterQuery & { sort?: S } = {};
  for (const key of TEXT_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) query[key] = value;
  }
  for (const key of NUMBER_FILTERS) {
    const value = params.get(key)?.trim();
    if (value) query[key] = Number(value);
  }
  const status = params.get(STATUS)?.trim();
  if (status) query.status = status as MovieFilterQuery['status'];
  const sort = params.get('sort')?.trim();
  // Not checked against the page's list: the service says which sorts it knows.
  if (sort) query.sort = sort as S;
  return query;
}

/** How many filters (not the sort) the address sets. */
export function activeFilterCount(params: URLSearchParams): number {
  return FILTERS.filter((key) => params.get(key)?.trim()).length;
}

/** The address without its filters; the sort stays, unless it ranks a text search that goes. */
export function clearedSearch(params: URLSearchParams): string {
  const sort = params.get('sort');
  return sort && sort !== 'relevance' ? `?${new URLSearchParams({ sort }).toString()}` : '';
}

/**
 * The address after some parameters changed (null or blank removes one), or null when it stays
 * the same. A changed list starts from the top (no cursor or page), and relevance, which ranks a
 * text search, goes with the search.
 */
export function changedSearch(current: URLSearchParams, changes: Record<string, string | null>): URLSearchParams | null {
  const next = new URLSearchParams(current);
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value.trim() === '') next.delete(key);
    else next.set(key, value.trim());
  }
  if (!next.get('q') && next.get('sort') === 'relevance') next.delete('sort');
  next.delete('cursor');
  next.delete('page');
  return next.toString() === current.toString() ? null : next;
}

/** A `,` (all of them) or `|` (any of them) list of the API. */
export function splitList(raw: string | null): { values: string[]; any: boolean } {
  const text = raw ?? '';
  return {
    values: text
      .split(/[,|]/)
      .map((v) => v.trim())
      .filter(Boolean),
    any: text.includes('|'),
  };
}

export const joinList = (values: string[], any: boolean) => values.join(any ? '|' : ',');

/** A person named in the address by id (a name typed into a hand-made link is not one). */
export const isPersonId = (value: string) => /^\d{1,10}$/.test(value);

/** The year a releasedFrom or releasedTo date shows in its field; anything else as it is. */
export const yearOf = (date: string | null) => (date && /^\d{4}/.test(date) ? date.slice(0, 4) : (date ?? ''));

/** The date a year typed in the release fields stands for: its first day as the start, its last as the end. */
export function yearBound(year: string, end: 'from' | 'to'): string {
  if (!year) return '';
  return `${year.padStart(4, '0')}-${end === 'from' ? '01-01' : '12-31'}`;
}
