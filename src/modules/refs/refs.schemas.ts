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
