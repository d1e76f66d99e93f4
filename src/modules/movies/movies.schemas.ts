import Type, { type Static } from 'typebox';
import { DateString, ID_LIST_MAX_LENGTH, Id, NonBlank, Nullable } from '../../http/types.js';
import { CursorPageOf, cursorListPagingProperties } from '../../http/pagination.js';
import type { CharacterDefinitions } from '../characters/characters.schemas.js';
import { CountryRefSchema, GenreRefSchema } from '../refs/refs.schemas.js';

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
};

export const MovieSummarySchema = Type.Object(summaryProperties, { $id: 'MovieSummary' });

export type MovieDefinitions = CharacterDefinitions & { MovieSummary: typeof MovieSummarySchema };
export type MovieSummary = Static<typeof MovieSummarySchema, MovieDefinitions>;

export const MovieDetailsSchema = Type.Object(
  {
    ...summaryProperties,
    description: Nullable(Type.String()),
    characters: Type.Array(Type.Ref('Character'), { description: 'In credits order.' }),
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

const movieWriteProperties = {
  description: Type.Optional(Description),
  budget: Type.Optional(Budget),
  releaseDate: Type.Optional(Nullable(DateString)),
  durationMinutes: Type.Optional(Minutes),
  directorId: Type.Optional(Nullable(Id)),
  countryId: Type.Optional(Nullable(Id)),
  genreIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
};

export const CreateMovieBody = Type.Object({ title: Title, ...movieWriteProperties }, { additionalProperties: false });
export type CreateMovieBody = Static<typeof CreateMovieBody>;

export const UpdateMovieBody = Type.Object(
  { title: Type.Optional(Title), ...movieWriteProperties },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMovieBody = Static<typeof UpdateMovieBody>;

export const MOVIE_SORTS = ['title', 'releaseDate', 'budget', 'duration', 'popularity', 'createdAt'] as const;

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
    Type.String({ maxLength: 10, pattern: '^(\\d{1,10}|[A-Za-z]{2})$', description: 'Country id or ISO 3166-1 code.' }),
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
  tmdbId: Type.Optional(Id),
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
          'A field, ascending, or with `-` descending; ties go by id. Popularity is the number of favorites. ' +
          'Default: `relevance` with `q` (best match first, then popularity, then credits), else `-popularity`. ' +
          'A `q` so common that it matches over 20,000 movies lists only its best candidates by relevance (at most ' +
          '3,000: whole-title matches, the 1,000 most popular title-beginning matches and of all matches); a field sort lists every match.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type MovieListQuery = Static<typeof MovieListQuery>;
export type MovieFilterQuery = Pick<MovieListQuery, keyof typeof movieFilterProperties>;

export const MoviePage = CursorPageOf(Type.Ref('MovieSummary'), 'MoviePage');
