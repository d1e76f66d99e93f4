// The short forms by which one record names another (a movie its country, director and genres, a
// character its performers), shared by the modules whose documents embed them.
import Type from 'typebox';
import { Nullable } from '../../http/types.js';
import type { ImageDefinitions } from '../files/files.schemas.js';

export const CountryRefSchema = Type.Object({ id: Type.Integer(), code: Type.String(), name: Type.String() });

export const PersonRefSchema = Type.Object(
  {
    id: Type.Integer(),
    firstName: Type.String(),
    lastName: Type.String(),
    photo: Nullable(Type.Ref('Image', { description: 'The primary photo.' })),
  },
  { $id: 'PersonRef' },
);
export type PersonRefDefinitions = ImageDefinitions & { PersonRef: typeof PersonRefSchema };

export const GenreRefSchema = Type.Object({ id: Type.Integer(), name: Type.String() });

/** A spoken language: ISO 639-1 code (TMDB's own cn and xx too) and English name. */
export const LanguageRefSchema = Type.Object({ code: Type.String(), name: Type.String() });

export const KeywordRefSchema = Type.Object({ id: Type.Integer(), name: Type.String() });

export const CompanyRefSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  originCountry: Nullable(CountryRefSchema),
});

/** One of TMDB's twelve crew departments (GET /departments). */
export const DepartmentRefSchema = Type.Object({ id: Type.Integer(), name: Type.String() });

/** The short form of a movie that another record names (a person's crew work, a company's films). */
export const MovieRefSchema = Type.Object({
  id: Type.Integer(),
  title: Type.String(),
  releaseDate: Nullable(Type.String({ format: 'date' })),
  poster: Nullable(Type.Ref('Image')),
});
