import Type, { type Static } from 'typebox';
import { PageOf, pageQueryProperties } from '../../http/pagination.js';

export const GenreSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String({ examples: ['Science Fiction'] }),
  },
  { $id: 'Genre' },
);
export type Genre = Static<typeof GenreSchema>;

export const GenreListQuery = Type.Object({ ...pageQueryProperties }, { additionalProperties: false });
export type GenreListQuery = Static<typeof GenreListQuery>;

export const GenrePage = PageOf(Type.Ref('Genre'), 'GenrePage');
