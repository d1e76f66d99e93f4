// A page of a list that pages both ways: by offset for the first pages, by cursor at any depth.
// The total is counted only when asked for: over a million rows it costs more than the page.
import { BadRequestError } from '../errors.js';
import type { CursorPosition } from '../db/keyset.js';
import type { CursorCodec } from './cursor.js';
import { queryFingerprint } from './cursor.js';
import type { CursorPage } from './pagination.js';

export interface PagedQuery {
  page?: number | undefined;
  pageSize: number;
  cursor?: string | undefined;
  includeTotal?: boolean | undefined;
}

export interface ListPageOptions<T> {
  cursors: CursorCodec;
  /** Names the list, so that a cursor of one list is refused by another. */
  list: string;
  query: PagedQuery & object;
  fetch: (window: { limit: number; offset?: number; after?: CursorPosition }) => Promise<{ documents: T[]; next: CursorPosition | null }>;
  count: () => Promise<number>;
}

export async function listPage<T>({ cursors, list, query, fetch, count }: ListPageOptions<T>): Promise<CursorPage<T>> {
  const fingerprint = queryFingerprint(list, query);
  const nextCursor = (next: CursorPosition | null) => (next === null ? null : cursors.encode(fingerprint, next));
  if (query.cursor !== undefined) {
    if (query.page !== undefined) {
      throw new BadRequestError('Query parameters page and cursor cannot be used together.', [
        { in: 'query', field: 'page', message: 'must not be given with cursor' },
      ]);
    }
    const after = cursors.decode(fingerprint, query.cursor);
    const [rows, total] = await Promise.all([fetch({ limit: query.pageSize, after }), query.includeTotal ? count() : undefined]);
    return {
      items: rows.documents,
      nextCursor: nextCursor(rows.next),
      ...(total === undefined ? {} : { total }),
      pageSize: query.pageSize,
    };
  }
  const page = query.page ?? 1;
  const offset = (page - 1) * query.pageSize;
  if (!Number.isSafeInteger(offset)) {
    throw new BadRequestError('Query parameter page is too large.', [{ in: 'query', field: 'page', message: 'is too large' }]);
  }
  const [rows, total] = await Promise.all([fetch({ limit: query.pageSize, offset }), query.includeTotal ? count() : undefined]);
  return {
    items: rows.documents,
    nextCursor: nextCursor(rows.next),
    ...(total === undefined ? {} : { total }),
    page,
    pageSize: query.pageSize,
  };
}
