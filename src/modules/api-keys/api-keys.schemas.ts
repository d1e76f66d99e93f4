import Type, { type Static } from 'typebox';
import { NonBlank } from '../../http/types.js';

const Timestamp = Type.String({ format: 'date-time' });

const keyFields = {
  id: Type.Integer(),
  name: Type.String({ examples: ['Radarr'], description: 'The label its owner gave it.' }),
  keyPrefix: Type.String({ examples: ['3f9a1c'], description: "The key's first characters, to tell it apart; the key is not kept." }),
  createdAt: Timestamp,
};

export const ApiKeySchema = Type.Object(
  {
    ...keyFields,
    lastUsedAt: Type.Union([Timestamp, Type.Null()], {
      description: 'When the key was last used (a use is recorded at most once a minute); null before its first use.',
    }),
    revokedAt: Type.Union([Timestamp, Type.Null()], { description: 'When it was revoked (it works no more); null while it is live.' }),
  },
  { $id: 'ApiKey' },
);
export type ApiKey = Static<typeof ApiKeySchema>;

export const CreatedApiKey = Type.Object(
  {
    ...keyFields,
    key: Type.String({
      pattern: '^[0-9a-f]{32}$',
      examples: ['3f9a1c0d5e7b42a8961f0c3d2b4e5a67'],
      description: "The key itself: shown in this answer only, and stored only as its hash. TMDB's api_key on /3.",
    }),
  },
  { title: 'CreatedApiKey' },
);
export type CreatedApiKey = Static<typeof CreatedApiKey>;

export const ApiKeyList = Type.Object({ items: Type.Array(Type.Ref('ApiKey')) }, { title: 'ApiKeyList' });

export const CreateApiKeyBody = Type.Object(
  { name: NonBlank(100, { description: 'A label to know the key by (the app that uses it); kept without surrounding spaces.' }) },
  { additionalProperties: false },
);
export type CreateApiKeyBody = Static<typeof CreateApiKeyBody>;
