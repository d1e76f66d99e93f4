// Paging shared by every list: `{ items, total, page, pageSize }` (DESIGN.md section 3); the big
// lists (movies, people) also page by cursor: `{ items, nextCursor, pageSize }`, at any depth.
import Type, { type TSchema } from 'typebox';

const MAX_PAGE_SIZE = 100;

export const pageQueryProperties = {
  page: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, default: 1, description: 'Page number, from 1.' }),
  pageSize: Type.Integer({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: 20,
    description: `Items per page, at most ${MAX_PAGE_SIZE}.`,
  }),
};

const cursorQueryProperties = {
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 2000,
      description:
        "The previous answer's `nextCursor`: the page after it. Send the same filters and sort with it (else 400); " + 'not with `page`.',
    }),
  ),
};

/** A list that pages by cursor (and by offset for the first pages). */
export function CursorPageOf<T extends TSchema>(item: T, name: string) {
  return Type.Object(
    {
      items: Type.Array(item),
      nextCursor: Type.Union([Type.String(), Type.Null()], {
        description: 'Pass as `cursor` for the next page; null on the last page.',
      }),
      total: Type.Optional(Type.Integer({ minimum: 0, description: 'How many items match, over all pages: with includeTotal=true.' })),
      page: Type.Optional(Type.Integer({ minimum: 1, description: 'Offset pages only.' })),
      pageSize: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE }),
    },
    { title: name },
  );
}

export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
  total?: number;
  page?: number;
  pageSize: number;
}

export function PageOf<T extends TSchema>(item: T, name: string) {
  return Type.Object(
    {
      items: Type.Array(item),
      total: Type.Integer({ minimum: 0, description: 'How many items match, over all pages.' }),
      page: Type.Integer({ minimum: 1 }),
      pageSize: Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE }),
    },
    { title: name },
  );
}

export interface PageRequest {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export function pageWindow({ page, pageSize }: PageRequest): { limit: number; offset: number } {
  return { limit: pageSize, offset: (page - 1) * pageSize };
}

/** page and pageSize for the lists that also page by cursor: page has no default, so that it can be refused with a cursor. */
export const cursorListPagingProperties = {
  page: Type.Optional(
    Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Page number, from 1 (default). Deep pages: use `cursor`.' }),
  ),
  pageSize: pageQueryProperties.pageSize,
  ...cursorQueryProperties,
  includeTotal: Type.Optional(
    Type.Boolean({
      description:
        'true: the answer also says how many items match over all pages (`total`). Off by default: in a big ' +
        'catalogue, counting every match costs more than the page.',
    }),
  ),
};
