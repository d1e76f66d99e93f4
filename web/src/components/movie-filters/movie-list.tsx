// The movies of a query as a poster grid, with "Load more" for the next page. After the first
// click, the next pages also come by themselves as the end of the list scrolls into view; the
// button stays for keyboards and for browsers without IntersectionObserver.
import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/api-error';
import type { MovieSummary } from '../../api/client';
import { MovieGrid } from '../movie-grid';
import { Empty, ErrorState, Loading } from '../states';
import { type CursorPage, uniqueItems } from './paging';
import { clearedSearch } from './url';

/** A refusal of the address's parameters: trying again would get the same answer. */
const badParameters = (error: unknown) => error instanceof ApiError && (error.status === 400 || error.status === 422);

export interface MovieListProps<T extends MovieSummary> {
  /** The list's pages, from $api.useInfiniteQuery with cursorPaging. */
  pages: UseInfiniteQueryResult<InfiniteData<CursorPage<T>>, unknown>;
  label: string;
  /** What an empty first page says. */
  empty: ReactNode;
}

export function MovieList<T extends MovieSummary>({ pages, label, empty }: MovieListProps<T>) {
  const [params] = useSearchParams();
  const [auto, setAuto] = useState(false);
  const sentinel = useRef<HTMLDivElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  // After "Load more", focus goes to the first new movie, so that the keyboard carries on from there.
  const focusFrom = useRef<number | null>(null);
  const { data, error, fetchNextPage, hasNextPage, isFetching, isFetchingNextPage, isFetchNextPageError } = pages;
  const items = useMemo(() => uniqueItems(data?.pages ?? []), [data]);
  const loadMore = useCallback(() => {
    if (!isFetching) void fetchNextPage();
  }, [isFetching, fetchNextPage]);

  useEffect(() => {
    const index = focusFrom.current;
    if (index === null || isFetchingNextPage) return;
    focusFrom.current = null;
    gridRef.current?.querySelectorAll<HTMLAnchorElement>('.movie-card')[index]?.focus();
  }, [items, isFetchingNextPage]);

  useEffect(() => {
    const target = sentinel.current;
    if (!auto || !target || !hasNextPage || isFetching || isFetchNextPageError || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) loadMore();
      },
      { rootMargin: '600px 0px' },
    );
    observer.observe(target);
    return () => observer.disconnect();
  }, [auto, hasNextPage, isFetching, isFetchNextPageError, loadMore]);

  if (pages.isPending) return <Loading label="Loading movies…" />;
  if (pages.isError && !isFetchNextPageError) {
    return badParameters(error) ? (
      <div className="state state-error" role="alert">
        <p>
          <strong>These filters do not work.</strong> {error instanceof Error ? error.message : ''}
        </p>
        <p>
          <Link to={{ search: clearedSearch(params) }}>Clear filters</Link>
        </p>
      </div>
    ) : (
      <ErrorState error={error} retry={() => void pages.refetch()} />
    );
  }
  if (items.length === 0) return <Empty>{empty}</Empty>;
  return (
    <>
      <div ref={gridRef}>
        <MovieGrid movies={items} label={label} />
      </div>
      <div ref={sentinel} className="list-more">
        <p className="muted list-count" role="status" aria-live="polite">
          {items.length} {items.length === 1 ? 'movie' : 'movies'} shown{hasNextPage ? '' : ', the end of the list'}.
        </p>
        {isFetchNextPageError && <ErrorState error={error} retry={loadMore} />}
        {hasNextPage && !isFetchNextPageError && (
          <button
            type="button"
            disabled={isFetchingNextPage}
            onClick={() => {
              focusFrom.current = items.length;
              setAuto(true);
              loadMore();
            }}
          >
            {isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        )}
      </div>
    </>
  );
}
