// Walking a list through the service's cursor: the options every paged movie list passes to
// $api.useInfiniteQuery, and the movies of the pages loaded so far.

/** Movies a page: divides into rows of 2, 3, 4 and 6 posters. */
export const LIST_PAGE_SIZE = 24;

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The first page goes without a cursor (null is left out of the address), each next one with the
 * cursor the page before gave, until it gives none. A list no page shows is forgotten at once, so
 * that coming back to a list (another filter, Back) starts it from the top, as a reload does.
 */
export const cursorPaging = {
  pageParamName: 'cursor',
  initialPageParam: null,
  getNextPageParam: (last: CursorPage<unknown>) => last.nextCursor,
  gcTime: 0,
};

/** The movies of the pages in order. One whose sort value changed during the walk may come twice: it is shown once. */
export function uniqueItems<T extends { id: number }>(pages: readonly CursorPage<T>[]): T[] {
  const seen = new Set<number>();
  const items: T[] = [];
  for (const item of pages.flatMap((page) => page.items)) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    items.push(item);
  }
  return items;
}
