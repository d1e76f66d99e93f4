import Type, { type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const CountryRefSchema = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });

export const PersonRefSchema = Type.Object(
  {
    id: Type.Integer(),
    firstName: Type.String(),
    lastName: Type.String(),
    photo: Type.Null({ description: 'The primary photo (files arrive with the Files feature).' }),
  },
  { $id: 'PersonRef' },
);

export const GenreRefSchema = Type.Object({ id: Type.Integer(), name: Type.String() });

export const MovieSummarySchema = Type.Object(
  {
    id: Type.Integer(),
    tmdbId: Nullable(Type.Integer()),
    title: Type.String(),
    releaseDate: Nullable(Type.String({ format: 'date' })),
    durationMinutes: Nullable(Type.Integer()),
    budget: Nullable(Type.Number()),
    poster: Type.Null({ description: 'The poster (files arrive with the Files feature).' }),
    country: Nullable(CountryRefSchema),
    director: Nullable(Type.Ref('PersonRef')),
    genres: Type.Array(GenreRefSchema),
    actorsCount: Type.Integer({ description: 'How many people play in it.' }),
    favoritesCount: Type.Integer({ description: 'How many users keep it among their favorites.' }),
  },
  { $id: 'MovieSummary' },
);

export interface PersonRef {
  id: number;
  firstName: string;
  lastName: string;
  photo: null;
}

export interface MovieSummary {
  id: number;
  tmdbId: number | null;
  title: string;
  releaseDate: string | null;
  durationMinutes: number | null;
  budget: number | null;
  poster: null;
  country: Static<typeof CountryRefSchema> | null;
  director: PersonRef | null;
  genres: Static<typeof GenreRefSchema>[];
  actorsCount: number;
  favoritesCount: number;
}
