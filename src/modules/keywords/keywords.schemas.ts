import Type, { type Static } from 'typebox';
import { nameListQueryProperties } from '../../http/list-query.js';
import { NonBlank } from '../../http/types.js';

export const KeywordSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Type.String({ examples: ['time travel'] }),
    moviesCount: Type.Integer({ minimum: 0, description: 'How many movies carry the keyword.' }),
  },
  { $id: 'Keyword' },
);
export type Keyword = Static<typeof KeywordSchema>;

export const KeywordListQuery = Type.Object(nameListQueryProperties, { additionalProperties: false });
export type KeywordListQuery = Static<typeof KeywordListQuery>;

export const KeywordList = Type.Object({ items: Type.Array(Type.Ref('Keyword')) }, { title: 'KeywordList' });

export const KeywordBody = Type.Object(
  { name: NonBlank(200, { description: 'Unique without regard to case; kept without surrounding spaces.' }) },
  { additionalProperties: false },
);
export type KeywordBody = Static<typeof KeywordBody>;
