import Type, { type Static } from 'typebox';
import { RATING_VOTE_FLOOR, movieStatusEnum } from '../../db/schema.js';
import { DateString, ID_LIST_MAX_LENGTH, Id, NonBlank, Nullable } from '../../http/types.js';
import { CursorPageOf, cursorListPagingProperties } from '../../http/pagination.js';
import type { CharacterDefinitions } from '../characters/characters.schemas.js';
import {
  CompanyRefSchema,
  CountryRefSchema,
  DepartmentRefSchema,
  GenreRefSchema,
  KeywordRefSchema,
  LanguageRefSchema,
} from '../refs/refs.schemas.js';

const MovieStatus = Type.Enum([...movieStatusEnum.enumValues], {
  description: 'Where the movie stands (TMDB: Rumored ... Canceled).',
});

const summaryProperties = {
  id: Type.Integer(),
  tmdbId: Nullable(Type.Integer()),
  title: Type.String(),
  releaseDate: Nullable(Type.String({ format: 'date' })),
  durationMinutes: Nullable(Type.Integer()),
  budget: Nullable(Type.Number()),
  poster: Nullable(Type.Ref('Image')),
  country: Nullable(CountryRefSchema),
  director: Nullable(Type.Ref('PersonRef')),
  genres: Type.Array(GenreRefSchema),
  actorsCount: Type.Integer({ description: 'How many people play in it.' }),
  favoritesCount: Type.Integer({ description: 'How many users keep it among their favorites.' }),
  originalTitle: Nullable(Type.String({ description: 'The title of the original release, as TMDB has it.' })),
  originalLanguage: Nullable(Type.String({ description: 'The language of the original release: an ISO 639-1 code (TMDB: xx, none).' })),
  voteAverage: Nullable(
    Type.Number({ description: "The average rating, 0 to 10, one decimal (TMDB's on imported data, IMDb's on the demo)." }),
  ),
  voteCount: Nullable(Type.Integer({ description: 'How many votes voteAverage is made of.' })),
  popularity: Nullable(Type.Number({ description: "TMDB's popularity score, when imported." })),
};

export const MovieSummarySchema = Type.Object(summaryProperties, { $id: 'MovieSummary' });

/** One crew credit of a movie: who did which job in which department. */
export const CrewCreditSchema = Type.Object(
  {
    id: Type.Integer(),
    job: Type.String({ description: "TMDB's job title: Director, Screenplay, Original Music Composer..." }),
    department: DepartmentRefSchema,
    person: Type.Ref('PersonRef'),
  },
  { $id: 'CrewCredit' },
);

export type MovieDefinitions = CharacterDefinitions & { MovieSummary: typeof MovieSummarySchema; CrewCredit: typeof CrewCreditSchema };
export type CrewCredit = Static<typeof CrewCreditSchema, MovieDefinitions>;
export type MovieSummary = Static<typeof MovieSummarySchema, MovieDefinitions>;

export const MovieDetailsSchema = Type.Object(
  {
    ...summaryProperties,
    description: Nullable(Type.String()),
    tagline: Nullable(Type.String()),
    certification: Nullable(
      Type.String({ description: 'The US rating (MPAA: G, PG, PG-13, R, NC-17, Not Rated), as the source spells it.' }),
    ),
    status: Nullable(MovieStatus),
    homepage: Nullable(Type.String({ format: 'uri' })),
    revenue: Nullable(Type.Number({ description: 'Box office, in US dollars.' })),
    characters: Type.Array(Type.Ref('Character'), { description: 'In credits order.' }),
    countries: Type.Array(CountryRefSchema, { description: 'Every production country, in order; `country` is the first.' }),
    languages: Type.Array(LanguageRefSchema, { description: 'The spoken languages, in order.' }),
    keywords: Type.Array(KeywordRefSchema, { description: 'By name.' }),
    companies: Type.Array(CompanyRefSchema, { description: 'The production companies, in order.' }),
    crew: Type.Array(
      Type.Object({
        department: DepartmentRefSchema,
        credits: Type.Array(Type.Object({ id: Type.Integer(), job: Type.String(), person: Type.Ref('PersonRef') }), {
          description: "By job, then the person's name (last, first).",
        }),
      }),
      { description: 'The crew by department, in department id order; only departments with credits.' },
    ),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
    isFavorite: Type.Optional(Type.Boolean({ description: 'Only for a signed-in caller: is it among my favorites?' })),
  },
  { $id: 'MovieDetails' },
);

export type MovieDetails = Static<typeof MovieDetailsSchema, MovieDefinitions>;

const Title = NonBlank(300);
const Description = Nullable(Type.String({ maxLength: 10_000 }));
/** numeric(14,2): the largest budget the catalogue stores. */
const MAX_BUDGET = 999_999_999_999.99;
const Budget = Nullable(Type.Number({ minimum: 0, maximum: MAX_BUDGET, description: 'In US dollars, at most two decimals.' }));
const Minutes = Nullable(Type.Integer({ minimum: 1, maximum: 1440 }));
const Revenue = Nullable(Type.Number({ minimum: 0, maximum: MAX_BUDGET, description: 'Box office, in US dollars, at most two decimals.' }));

const MAX_MOVIE_COUNTRIES = 50;
const MAX_MOVIE_LANGUAGES = 50;
const MAX_MOVIE_KEYWORDS = 200;
const MAX_MOVIE_COMPANIES = 100;

/** An ISO 639-1 code as the language table keys it (TMDB's own cn, sh and xx too). */
const LanguageCode = Type.String({ pattern: '^[a-z]{2,3}$', maxLength: 3 });

/** TMDB's job titles are short; crew_credit holds at most this many characters. */
const MAX_JOB_LENGTH = 200;
const Job = NonBlank(MAX_JOB_LENGTH, { description: 'The job, as TMDB names it: Director, Screenplay, Editor...' });

const movieWriteProperties = {
  originalTitle: Type.Optional(Nullable(NonBlank(300))),
  originalLanguage: Type.Optional(
    Nullable(Type.String({ pattern: '^[a-z]{2,3}$', maxLength: 3, description: 'ISO 639-1 code, lower case (TMDB: xx, none).' })),
  ),
  tagline: Type.Optional(Nullable(Type.String({ maxLength: 1_000 }))),
  certification: Type.Optional(Nullable(NonBlank(20))),
  status: Type.Optional(Nullable(MovieStatus)),
  homepage: Type.Optional(Nullable(Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2_000 }))),
  revenue: Type.Optional(Revenue),
  voteAverage: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 10, description: 'At most one decimal.' }))),
  voteCount: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 2_147_483_647 }))),
  popularity: Type.Optional(Nullable(Type.Number({ minimum: 0, maximum: 1e9 }))),
  description: Type.Optional(Description),
  budget: Type.Optional(Budget),
  releaseDate: Type.Optional(Nullable(DateString)),
  durationMinutes: Type.Optional(Minutes),
  directorId: Type.Optional(Nullable(Id)),
  countryId: Type.Optional(Nullable(Id)),
  genreIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  countryIds: Type.Optional(
    Type.Array(Id, {
      maxItems: MAX_MOVIE_COUNTRIES,
      uniqueItems: true,
      description: 'Every production country, in order: the first is the main one (`countryId`). Replaces the list.',
    }),
  ),
  languageCodes: Type.Optional(
    Type.Array(LanguageCode, {
      maxItems: MAX_MOVIE_LANGUAGES,
      uniqueItems: true,
      description: 'The spoken languages, in order. Replaces the list.',
    }),
  ),
  keywordIds: Type.Optional(Type.Array(Id, { maxItems: MAX_MOVIE_KEYWORDS, uniqueItems: true, description: 'Replaces the keywords.' })),
  companyIds: Type.Optional(
    Type.Array(Id, {
      maxItems: MAX_MOVIE_COMPANIES,
      uniqueItems: true,
      description: 'The production companies, in order. Replaces the list.',
    }),
  ),
};

export const CreateMovieBody = Type.Object({ title: Title, ...movieWriteProperties }, { additionalProperties: false });
export type CreateMovieBody = Static<typeof CreateMovieBody>;

export const UpdateMovieBody = Type.Object(
  { title: Type.Optional(Title), ...movieWriteProperties },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMovieBody = Static<typeof UpdateMovieBody>;

export const MOVIE_SORTS = [
  'title',
  'releaseDate',
  'budget',
  'duration',
  'popularity',
  'createdAt',
  'voteAverage',
  'voteCount',
  'revenue',
] as const;

const idListPattern = (what: string) =>
  Type.String({
    maxLength: ID_LIST_MAX_LENGTH,
    pattern: '^\\d{1,10}([,|]\\d{1,10}){0,99}$',
    description: `${what} ids: \`1,2\` all of them, \`1|2\` any of them.`,
  });

/** The filters of GET /movies, also accepted by GET /me/favorites. */
export const movieFilterProperties = {
  genre: Type.Optional(
    Type.String({
      pattern: '^[^,|]+([,|][^,|]+)*$',
      maxLength: 500,
      description: 'Genre ids or names: `Action,Drama` all of them, `Action|Drama` any of them.',
    }),
  ),
  withoutGenre: Type.Optional(
    Type.String({ pattern: '^[^,|]+([,|][^,|]+)*$', maxLength: 500, description: 'None of these genres (ids or names).' }),
  ),
  country: Type.Optional(
    Type.String({
      maxLength: 10,
      pattern: '^(\\d{1,10}|[A-Za-z]{2})$',
      description: 'The main country (`country`, the first production country): its id or ISO 3166-1 code.',
    }),
  ),
  productionCountry: Type.Optional(
    Type.String({
      maxLength: 10,
      pattern: '^(\\d{1,10}|[A-Za-z]{2})$',
      description: 'Any of the production countries (`countries`): its id or ISO 3166-1 code.',
    }),
  ),
  director: Type.Optional(Id),
  cast: Type.Optional(idListPattern('Person')),
  releasedFrom: Type.Optional(DateString),
  releasedTo: Type.Optional(DateString),
  releasedWithinYears: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, description: 'Released in the last N years, up to today.' })),
  minDuration: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440, description: 'Minutes.' })),
  maxDuration: Type.Optional(Type.Integer({ minimum: 0, maximum: 1440, description: 'Minutes.' })),
  minBudget: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_BUDGET })),
  maxBudget: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_BUDGET })),
  minRevenue: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_BUDGET })),
  maxRevenue: Type.Optional(Type.Number({ minimum: 0, maximum: MAX_BUDGET })),
  minVoteCount: Type.Optional(Type.Integer({ minimum: 0, maximum: 2_147_483_647, description: 'At least this many votes.' })),
  minVoteAverage: Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
  maxVoteAverage: Type.Optional(Type.Number({ minimum: 0, maximum: 10 })),
  status: Type.Optional(MovieStatus),
  originalLanguage: Type.Optional(
    Type.String({ pattern: '^[a-z]{2,3}$', maxLength: 3, description: 'The original language: an ISO 639-1 code, lower case.' }),
  ),
  tmdbId: Type.Optional(Id),
  keyword: Type.Optional(idListPattern('Keyword')),
  company: Type.Optional(idListPattern('Company')),
  language: Type.Optional(
    Type.String({
      maxLength: 100 * 4 - 1,
      pattern: '^[a-z]{2,3}([,|][a-z]{2,3}){0,99}$',
      description: 'Spoken languages (ISO 639-1 codes, lower case): `en,fr` all of them, `en|fr` any of them.',
    }),
  ),
  crew: Type.Optional(idListPattern('Person (crew credits)')),
  job: Type.Optional({ ...Job, description: 'Only with `crew`: the crew credit must be this job (exact, e.g. Director).' }),
  ids: Type.Optional(
    Type.String({
      maxLength: ID_LIST_MAX_LENGTH,
      pattern: '^\\d{1,10}(,\\d{1,10}){0,99}$',
      description: 'Up to 100 movie ids, comma-separated.',
    }),
  ),
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 200,
      description:
        'Words of the title, as GET /search matches them: case and accents ignored, the last word also as a prefix, ' +
        'a misspelt word corrected.',
    }),
  ),
};

export const MovieListQuery = Type.Object(
  {
    ...cursorListPagingProperties,
    ...movieFilterProperties,
    sort: Type.Optional(
      Type.Enum([...MOVIE_SORTS.flatMap((key) => [key, `-${key}`]), 'relevance'], {
        description:
          "A field, ascending, or with `-` descending; ties go by id. Popularity is TMDB's popularity score where the movie has " +
          'one, else the number of favorites, votes breaking ties between equal favorites. ' +
          `voteAverage ranks movies with at least ${RATING_VOTE_FLOOR} votes; the others come last, as movies without a value do. ` +
          'Default: `relevance` with `q` (the score of GET /search: the kind of match, then how well known the movie is), else `-popularity`. ' +
          'A `q` so common that it matches over 20,000 movies lists only its best candidates by relevance (at most ' +
          '3,000: whole-title matches, the 1,000 best-known title-beginning matches and of all matches); a field sort lists every match.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type MovieListQuery = Static<typeof MovieListQuery>;
export type MovieFilterQuery = Pick<MovieListQuery, keyof typeof movieFilterProperties>;

export const MoviePage = CursorPageOf(Type.Ref('MovieSummary'), 'MoviePage');

export const CrewList = Type.Object({ items: Type.Array(Type.Ref('CrewCredit')) }, { additionalProperties: false });
export type CrewList = Static<typeof CrewList, MovieDefinitions>;

export const CreateCrewCreditBody = Type.Object({ personId: Id, departmentId: Id, job: Job }, { additionalProperties: false });
export type CreateCrewCreditBody = Static<typeof CreateCrewCreditBody>;

export const CrewCreditParams = Type.Object({ id: Id, creditId: Id }, { additionalProperties: false });
