// The short forms by which one record names another (a movie its country, director and genres, a
// character its performers), shared by the modules whose documents embed them.
import Type from 'typebox';
import { Nullable } from '../../http/types.js';
import type { Image } from '../files/files.schemas.js';

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
export interface PersonRef {
  id: number;
  firstName: string;
  lastName: string;
  photo: Image | null;
}

export const GenreRefSchema = Type.Object({ id: Type.Integer(), name: Type.String() });
