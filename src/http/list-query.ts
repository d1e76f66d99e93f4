// Reading a list's query parameters the same way on every list: lists of values (`a,b` all of
// them, `a|b` any of them), ids in query text, and the sort (a field, `-field` descending, or
// relevance when there is a search).
import Type from 'typebox';
import { BadRequestError } from '../errors.js';
import { MAX_ID } from './types.js';

export interface ParsedList {
  values: string[];
  mode: 'all' | 'any';
}

/** `a,b` means all of them, `a|b` any of them; one separator per list. */
export function parseList(raw: string, field: string): ParsedList {
  if (raw.includes(',') && raw.includes('|')) {
    throw new BadRequestError(`Query parameter ${field} mixes "," (all of) and "|" (any of): use one.`, [
      { in: 'query', field, message: 'must use either "," (all of) or "|" (any of), not both' },
    ]);
  }
  const values = raw.split(/[,|]/).map((value) => value.trim());
  if (values.some((value) => value === '')) {
    throw new BadRequestError(`Query parameter ${field} has an empty item.`, [{ in: 'query', field, message: 'has an empty item' }]);
  }
  return { values, mode: raw.includes('|') ? 'any' : 'all' };
}

/** Ids from query text, each a key PostgreSQL can hold (1 to 2147483647), else 400 naming the field. */
export function idsOf(values: string[], field: string): number[] {
  return values.map((value) => {
    const id = Number(value);
    if (!/^\d+$/.test(value) || id < 1 || id > MAX_ID) {
      throw new BadRequestError(`Query parameter ${field} has ${value}, which is no id.`, [
        { in: 'query', field, message: `must hold ids from 1 to ${MAX_ID}` },
      ]);
    }
    return id;
  });
}

function parseSort<K extends string>(sort: string): { key: K; descending: boolean } {
  return sort.startsWith('-') ? { key: sort.slice(1) as K, descending: true } : { key: sort as K, descending: false };
}

/** The order a list asks for: a field, or relevance (the default with a search). */
export function chooseOrder<K extends string, O>(
  sort: string | undefined,
  fallback: string,
  text: unknown,
  byField: (key: K, descending: boolean) => O,
  byRelevance: () => O,
): O {
  const chosen = sort ?? (text === undefined ? fallback : 'relevance');
  if (chosen === 'relevance') {
    if (text === undefined) {
      throw new BadRequestError('Sorting by relevance needs a search: give q.', [
        { in: 'query', field: 'sort', message: 'relevance needs q' },
      ]);
    }
    return byRelevance();
  }
  const { key, descending } = parseSort<K>(chosen);
  return byField(key, descending);
}

/** The most a name list answers, and what it answers without a limit. */
const NAME_LIST_MAX_LIMIT = 100;
const NAME_LIST_DEFAULT_LIMIT = 20;

/** `q` and `limit` of a list looked up by part of a name (keywords, companies). */
export const nameListQueryProperties = {
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Part of the name, anywhere in it, without regard to case. Names that begin with it come first.',
    }),
  ),
  limit: Type.Integer({
    minimum: 1,
    maximum: NAME_LIST_MAX_LIMIT,
    default: NAME_LIST_DEFAULT_LIMIT,
    description: `How many to answer, at most ${NAME_LIST_MAX_LIMIT}.`,
  }),
};
