// The query strings and paths of the /3 surface, as TMDB names them. Unknown parameters are let
// through (TMDB ignores them, and clients send extra ones); a known one with a bad value is refused.
import Type, { type Static, type TProperties } from 'typebox';
import { ID_LIST_MAX_LENGTH } from '../../http/types.js';
import { MAX_TMDB_API_ID } from './tmdb-ids.js';

/** Results a page, as TMDB pages them. */
export const TMDB_PAGE_SIZE = 20;
/** No last page as TMDB's 500; a bound all the same, so that an offset stays a safe number. */
export const TMDB_PAGE_MAX = 10_000_000;
/** TMDB's own limit on append_to_response. */
export const MAX_APPENDS = 20;

const TmdbId = Type.Integer({ minimum: 1, maximum: MAX_TMDB_API_ID });
const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date', maxLength: 10 });
const Year = Type.Integer({ minimum: 1, maximum: 9999 });
/** Ids joined by `,` (all of them) or `|` (any of them). */
const IdList = Type.String({ pattern: '^\\d{1,10}([,|]\\d{1,10})*$', maxLength: ID_LIST_MAX_LENGTH });

/** Accepted everywhere and not acted on: moviedb has one language of text, and no regional releases. */
const localeProperties = {
  language: Type.Optional(Type.String({ maxLength: 35 })),
  region: Type.Optional(Type.String({ maxLength: 10 })),
};
const pageProperties = { page: Type.Optional(Type.Integer({ minimum: 1, maximum: TMDB_PAGE_MAX, default: 1 })) };

const query = <P extends TProperties>(properties: P) => Type.Object({ ...localeProperties, ...properties });

export const PlainQuery = query({});
export const PagedQuery = query(pageProperties);
export type PagedQuery = Static<typeof PagedQuery>;

export const AppendQuery = query({
  append_to_response: Type.Optional(Type.String({ pattern: '^[a-z_]+(,[a-z_]+)*$', maxLength: 500 })),
});
export type AppendQuery = Static<typeof AppendQuery>;

export const MovieIdParams = Type.Object({ movie_id: TmdbId });
export const PersonIdParams = Type.Object({ person_id: TmdbId });
export const CompanyIdParams = Type.Object({ company_id: TmdbId });
export const KeywordIdParams = Type.Object({ keyword_id: TmdbId });
export const TrendingParams = Type.Object({ time_window: Type.Union([Type.Literal('day'), Type.Literal('week')]) });

export const DISCOVER_SORTS = [
  'popularity',
  'release_date',
  'primary_release_date',
  'revenue',
  'vote_average',
  'vote_count',
  'original_title',
  'title',
] as const;
export type DiscoverSort = (typeof DISCOVER_SORTS)[number];

export const DiscoverQuery = query({
  ...pageProperties,
  sort_by: Type.Optional(Type.Enum(DISCOVER_SORTS.flatMap((sort) => [`${sort}.asc`, `${sort}.desc`]))),
  with_genres: Type.Optional(IdList),
  without_genres: Type.Optional(IdList),
  with_cast: Type.Optional(IdList),
  with_crew: Type.Optional(IdList),
  with_people: Type.Optional(IdList),
  with_companies: Type.Optional(IdList),
  without_companies: Type.Optional(IdList),
  with_keywords: Type.Optional(IdList),
  without_keywords: Type.Optional(IdList),
  with_original_language: Type.Optional(Type.String({ pattern: '^[a-z]{2,3}$' })),
  with_origin_country: Type.Optional(Type.String({ pattern: '^[A-Za-z]{2}$' })),
  certification: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
  certification_country: Type.Optional(Type.String({ maxLength: 10 })),
  include_adult: Type.Optional(Type.Boolean()),
  include_video: Type.Optional(Type.Boolean()),
  primary_release_year: Type.Optional(Year),
  year: Type.Optional(Year),
  'primary_release_date.gte': Type.Optional(DateText),
  'primary_release_date.lte': Type.Optional(DateText),
  'release_date.gte': Type.Optional(DateText),
  'release_date.lte': Type.Optional(DateText),
  'with_runtime.gte': Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  'with_runtime.lte': Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  'vote_average.gte': Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
  'vote_average.lte': Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
  'vote_count.gte': Type.Optional(Type.Number({ minimum: 0, maximum: 2_147_483_647 })),
  'vote_count.lte': Type.Optional(Type.Number({ minimum: 0, maximum: 2_147_483_647 })),
});
export type DiscoverQuery = Static<typeof DiscoverQuery>;

const SearchText = Type.String({ maxLength: 500 });

export const SearchQuery = query({ ...pageProperties, query: Type.Optional(SearchText), include_adult: Type.Optional(Type.Boolean()) });
export type SearchQuery = Static<typeof SearchQuery>;

export const SearchMovieQuery = query({
  ...pageProperties,
  query: Type.Optional(SearchText),
  include_adult: Type.Optional(Type.Boolean()),
  year: Type.Optional(Year),
  primary_release_year: Type.Optional(Year),
});
export type SearchMovieQuery = Static<typeof SearchMovieQuery>;

/** The image sizes a /3 image URL may ask for (TMDB's names) and the file name a path resolves. */
export const ImageParams = Type.Object({
  size: Type.String({ pattern: '^(original|[wh]\\d{1,4})$', maxLength: 8 }),
  file: Type.String({ pattern: '^[0-9a-f-]{36}\\.[a-z0-9]{1,10}$', maxLength: 47 }),
});
