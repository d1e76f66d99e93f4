// The app's one store of server data: TanStack Query over the typed client. Pages read with
// $api.useQuery (the key is the call: method, path and parameters) and write with $api.useMutation;
// after a write, the answers it may have changed are dropped or fetched again.
import { type Query, QueryClient, queryOptions } from '@tanstack/react-query';
import createQueryHooks from 'openapi-react-query';
import { type Genre, api, unwrap } from './client';
import type { paths } from './schema';

export const queryClient = new QueryClient({
  defaultOptions: {
    // A failed read shows its message with a retry button rather than trying again by itself, and
    // nothing is read again because the window got the focus or the network back: an answer is
    // asked again after a write or a change of caller only (and the forms keep what they opened with).
    queries: { retry: false, refetchOnWindowFocus: false, refetchOnReconnect: false },
  },
});

export const $api = createQueryHooks(api);

type ApiPath = keyof paths;

/** What a change to a movie, a person or a genre may show up in: the catalogue's every read. */
export const CATALOGUE: readonly ApiPath[] = [
  '/api/v1/movies',
  '/api/v1/movies/{id}',
  '/api/v1/me/favorites',
  '/api/v1/search',
  '/api/v1/persons',
  '/api/v1/persons/{id}',
];

/** What a favorite added or removed changes besides the movie itself: my list, and popularity. */
export const FAVORITES: readonly ApiPath[] = ['/api/v1/me/favorites', '/api/v1/movies', '/api/v1/search'];

/** What an account deleted changes: its favorites go with it, so every movie's count of them. */
export const FAVORITE_COUNTS: readonly ApiPath[] = [...FAVORITES, '/api/v1/movies/{id}'];

const readsOf = (targets: readonly ApiPath[]) => (query: Query) => targets.includes(query.queryKey[1] as ApiPath);

/**
 * After a write: the answers from these paths that no page shows are dropped, so that none shows
 * out of date later, and those on screen are fetched again (the promise waits for them).
 */
export async function invalidate(targets: readonly ApiPath[]): Promise<void> {
  queryClient.removeQueries({ predicate: readsOf(targets), type: 'inactive' });
  await queryClient.invalidateQueries({ predicate: readsOf(targets) });
}

/**
 * After a change of who is signed in: answers depend on the caller (isFavorite, my favorites), so
 * the answers no page shows are dropped, and what is on screen is asked again for the new caller.
 * Nothing is asked again when the session just ended: the page stays as it was, under its sign-in
 * form.
 */
export function callerChanged(signedIn: boolean): void {
  queryClient.removeQueries({ type: 'inactive' });
  if (signedIn) void queryClient.invalidateQueries();
}

/** One movie's page, which its editor reads too. */
export const movieDetails = (id: number) => $api.queryOptions('get', '/api/v1/movies/{id}', { params: { path: { id } } });

/** One person's page, which their editor reads too. */
export const personDetails = (id: number) => $api.queryOptions('get', '/api/v1/persons/{id}', { params: { path: { id } } });

/** Every genre: the list is paged (100 at most a page), and a catalogue may hold more. */
export const allGenres = queryOptions({
  queryKey: ['get', '/api/v1/genres', 'all'],
  queryFn: async ({ signal }) => {
    const all: Genre[] = [];
    for (let page = 1; ; page++) {
      const found = await unwrap(api.GET('/api/v1/genres', { params: { query: { page, pageSize: 100 } }, signal }));
      all.push(...found.items);
      if (found.items.length === 0 || all.length >= found.total) return all;
    }
  },
});
