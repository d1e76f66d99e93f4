import Type, { type Static } from 'typebox';
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

/** The most a name list answers, and what it answers without a limit. */
const NAME_LIST_MAX_LIMIT = 100;
const NAME_LIST_DEFAULT_LIMIT = 20;

/** `q` and `limit` of a list looked up by part of a name (keywords, companies). */
export const nameListQueryProperties = {
  q: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: 'Part of the name, anywhere in it, without regard to case. Names that begin with it come first.',
    }),
  ),
  limit: Type.Integer({
    minimum: 1,
    maximum: NAME_LIST_MAX_LIMIT,
    default: NAME_LIST_DEFAULT_LIMIT,
    description: `How many to answer, at most ${NAME_LIST_MAX_LIMIT}.`,
  }),
};

export const KeywordListQuery = Type.Object(nameListQueryProperties, { additionalProperties: false });
export type KeywordListQuery = Static<typeof KeywordListQuery>;

export const KeywordList = Type.Object({ items: Type.Array(Type.Ref('Keyword')) }, { title: 'KeywordList' });

export const KeywordBody = Type.Object(
  { name: NonBlank(200, { description: 'Unique without regard to case; kept without surrounding spaces.' }) },
  { additionalProperties: false },
);
export type KeywordBody = Static<typeof KeywordBody>;
