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

export const GenreBody = Type.Object(
  {
    name: Type.String({
      minLength: 1,
      maxLength: 100,
      // "," and "|" separate genres in filters, and a name of digits would read as an id there.
      pattern: '^(?!\\s*\\d+\\s*$)[^,|]*[^,|\\s][^,|]*$',
      description: 'Unique without regard to case; not only digits; no "," or "|".',
    }),
  },
  { additionalProperties: false },
);
export type GenreBody = Static<typeof GenreBody>;
