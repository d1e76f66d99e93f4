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
    limit: Type.Integer({
      minimum: 1,
      maximum: MAX_SEARCH_LIMIT,
      default: 10,
      description: 'Results at most: in `results`, and of each kind in `movies` and `persons`.',
    }),
  },
  { additionalProperties: false },
);
export type SearchQuery = Static<typeof SearchQuery>;

const score = Type.Number({
  description:
    'Higher is better, comparable across movies and people (docs/search.md): the kind of match (100 the whole title ' +
    'or name, 85 a surname typed alone, 80 a word of the surname, 65 every word whole, 45 the last word as a prefix, 30 with a misspelt word ' +
    'corrected, up to 20 for some of the words; 5 more when the text begins with what was typed), plus 3 ln(1 + weight) ' +
    'for how well known it is (votes and favorites; for a person, the votes of the movies of their key credits), plus ' +
    'the trigram similarity of the whole text.',
});

const MovieResult = Type.Intersect([Type.Ref('MovieSummary'), Type.Object({ kind: Type.Literal('movie'), score })]);
const PersonResult = Type.Intersect([Type.Ref('PersonSummary'), Type.Object({ kind: Type.Literal('person'), score })]);

export const SearchResultsSchema = Type.Object(
  {
    results: Type.Array(Type.Union([MovieResult, PersonResult]), {
      description: 'Movies and people in one order, the best first: what a search box suggests.',
    }),
    movies: Type.Array(MovieResult, { description: 'The movies of the best answers, best first.' }),
    persons: Type.Array(PersonResult, { description: 'The people of the best answers, best first.' }),
  },
  { title: 'SearchResults' },
);

export type SearchResults = Static<typeof SearchResultsSchema, PersonDefinitions>;
