import Type, { type Static } from 'typebox';
import { genderEnum } from '../../db/schema.js';
import { DateString, ID_LIST_MAX_LENGTH, Id, NonBlank, Nullable } from '../../http/types.js';
import { CursorPageOf, cursorListPagingProperties } from '../../http/pagination.js';
import { CharacterRole } from '../characters/characters.schemas.js';
import type { MovieDefinitions } from '../movies/movies.schemas.js';
import { CountryRefSchema, DepartmentRefSchema, MovieRefSchema } from '../refs/refs.schemas.js';

const GENDERS = genderEnum.enumValues;
const Gender = Type.Enum([...GENDERS]);

const figureProperties = {
  moviesActed: Type.Integer({ description: 'Distinct movies they play in.' }),
  actingBudgetTotal: Type.Number({ description: 'Sum of the known budgets of the distinct movies they play in.' }),
  moviesDirected: Type.Integer(),
  directingBudgetAverage: Nullable(
    Type.Number({ description: 'Average budget of the movies they directed whose budget is known; null if none.' }),
  ),
};

const personProperties = {
  id: Type.Integer(),
  tmdbId: Nullable(Type.Integer()),
  firstName: Type.String(),
  lastName: Type.String(),
  gender: Gender,
  birthDate: Nullable(Type.String({ format: 'date' })),
  country: Nullable(CountryRefSchema),
  photo: Nullable(Type.Ref('Image', { description: 'The primary photo.' })),
  ...figureProperties,
};

export const PersonPhotoSchema = Type.Object(
  {
    id: Type.Integer({ description: 'The photo id (not the file id).' }),
    isPrimary: Type.Boolean(),
    image: Type.Ref('Image'),
  },
  { $id: 'PersonPhoto' },
);

export type PersonPhoto = Static<typeof PersonPhotoSchema, MovieDefinitions>;

export const PhotoParams = Type.Object({ id: Id, photoId: Id }, { additionalProperties: false });

export const PrimaryPhotoBody = Type.Object({ photoId: Id }, { additionalProperties: false });
export type PrimaryPhotoBody = Static<typeof PrimaryPhotoBody>;

export const PersonSummarySchema = Type.Object(personProperties, { $id: 'PersonSummary' });

export const PersonDetailsSchema = Type.Object(
  {
    ...personProperties,
    biography: Nullable(Type.String()),
    photos: Type.Array(Type.Ref('PersonPhoto'), { description: 'The gallery, oldest first.' }),
    acting: Type.Array(
      Type.Object({
        movie: Type.Ref('MovieSummary'),
        character: Type.Object({
          id: Type.Integer(),
          name: Nullable(Type.String()),
          role: CharacterRole,
          billingOrder: Nullable(Type.Integer()),
        }),
      }),
      { description: 'Every character they played, newest movie first.' },
    ),
    directing: Type.Array(Type.Ref('MovieSummary'), { description: 'Newest first.' }),
    knownForDepartment: Nullable(
      Type.String({
        description:
          "'Acting' when they play at least as many characters as they have crew credits in their largest department (and " +
          'play some); else the name of that department (the first by id when two are as large); null without any credit.',
        examples: ['Acting', 'Directing'],
      }),
    ),
    crew: Type.Array(
      Type.Object({
        id: Type.Integer({ description: 'The crew credit (DELETE /movies/{movieId}/crew/{id}).' }),
        job: Type.String({ examples: ['Screenplay'] }),
        department: DepartmentRefSchema,
        movie: MovieRefSchema,
      }),
      { description: 'Every crew credit: newest movie first, undated ones last, then by title; in one movie by department and job.' },
    ),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'PersonDetails' },
);

export type PersonDefinitions = MovieDefinitions & {
  PersonPhoto: typeof PersonPhotoSchema;
  PersonSummary: typeof PersonSummarySchema;
};
export type PersonSummary = Static<typeof PersonSummarySchema, PersonDefinitions>;
export type PersonDetails = Static<typeof PersonDetailsSchema, PersonDefinitions>;

const personWriteProperties = {
  biography: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
  birthDate: Type.Optional(Nullable(DateString)),
  gender: Type.Optional(Gender),
  countryId: Type.Optional(Nullable(Id)),
};
const FirstName = NonBlank(100);
const LastName = Type.String({ maxLength: 100, description: 'May be empty: many people go by one name.' });

export const CreatePersonBody = Type.Object(
  { firstName: FirstName, lastName: LastName, ...personWriteProperties },
  { additionalProperties: false },
);
export type CreatePersonBody = Static<typeof CreatePersonBody>;

export const UpdatePersonBody = Type.Object(
  { firstName: Type.Optional(FirstName), lastName: Type.Optional(LastName), ...personWriteProperties },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdatePersonBody = Static<typeof UpdatePersonBody>;

export const PERSON_SORTS = ['name', 'birthDate', 'moviesActed', 'actingBudgetTotal', 'moviesDirected', 'directingBudgetAverage'] as const;

export const PersonListQuery = Type.Object(
  {
    ...cursorListPagingProperties,
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 200,
        description:
          'Words of the name, as GET /search matches them: case and accents ignored, the last word also as a prefix, ' +
          'a misspelt word corrected.',
      }),
    ),
    country: Type.Optional(
      Type.String({ maxLength: 10, pattern: '^(\\d{1,10}|[A-Za-z]{2})$', description: 'Country id or ISO 3166-1 code.' }),
    ),
    gender: Type.Optional(Gender),
    role: Type.Optional(Type.Enum(['actor', 'director'], { description: 'Only people who play in, or direct, some movie.' })),
    tmdbId: Type.Optional(Id),
    ids: Type.Optional(
      Type.String({ maxLength: ID_LIST_MAX_LENGTH, pattern: '^\\d{1,10}(,\\d{1,10}){0,99}$', description: 'Up to 100 person ids.' }),
    ),
    sort: Type.Optional(
      Type.Enum([...PERSON_SORTS.flatMap((key) => [key, `-${key}`]), 'relevance'], {
        description:
          'A field, ascending, or with `-` descending; unknown values come last, ties go by id. ' +
          'Default: `relevance` with `q` (the score of GET /search: the kind of match, a surname alone above a first name, then how ' +
          'well known the person is), else `name` (last name, then first name). ' +
          'A `q` so common that it matches over 20,000 people lists only its best candidates by relevance (at most ' +
          '3,000: whole-name matches, the 1,000 best-known name-beginning matches and of all matches); a field sort lists every match.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type PersonListQuery = Static<typeof PersonListQuery>;

export const PersonPage = CursorPageOf(Type.Ref('PersonSummary'), 'PersonPage');
