import Type, { type Static } from 'typebox';
import type { PersonDefinitions } from '../persons/persons.schemas.js';

const MAX_SEARCH_LIMIT = 50;

export const SearchQuery = Type.Object(
  {
    q: Type.String({
      minLength: 1,
      maxLength: 200,
      pattern: '\\S',
      description: 'What the user typed: words of a title or a name; two letters already answer.',
    }),
    limit: Type.Integer({ minimum: 1, maximum: MAX_SEARCH_LIMIT, default: 10, description: 'Results of each kind, at most.' }),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const score = Type.Number({
  description:
    'Higher is better. The whole part is the kind of match: 4 the whole title or name, 3 its beginning, 2 every word ' +
    'whole, 1 the last word as a prefix, 0 with a misspelt word corrected; the fraction is the trigram similarity to one decimal.',
});

export const SearchResultsSchema = Type.Object(
  {
    movies: Type.Array(Type.Intersect([Type.Ref('MovieSummary'), Type.Object({ score })])),
    persons: Type.Array(Type.Intersect([Type.Ref('PersonSummary'), Type.Object({ score })])),
  },
  { title: 'SearchResults' },
);

export type SearchResults = Static<typeof SearchResultsSchema, PersonDefinitions>;
