import Type, { type Static } from 'typebox';
import { Id, NonBlank, Nullable } from '../../http/types.js';
import { PageOf, pageQueryProperties } from '../../http/pagination.js';
import { CharacterRole } from '../movies/movies.schemas.js';


const Name = NonBlank(300);
const Description = Nullable(Type.String({ maxLength: 10_000 }));
const BillingOrder = Nullable(Type.Integer({ minimum: 0, maximum: 100_000, description: 'Order in the credits, 0 first.' }));

export const CreateCharacterBody = Type.Object(
  {
    name: Name,
    description: Type.Optional(Description),
    role: CharacterRole,
    actorId: Type.Optional(Nullable(Id)),
    billingOrder: Type.Optional(BillingOrder),
  },
  { additionalProperties: false },
);
export type CreateCharacterBody = Static<typeof CreateCharacterBody>;

export const UpdateCharacterBody = Type.Object(
  {
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    role: Type.Optional(CharacterRole),
    actorId: Type.Optional(Nullable(Id)),
    billingOrder: Type.Optional(BillingOrder),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCharacterBody = Static<typeof UpdateCharacterBody>;

export const SetPerformersBody = Type.Object(
  {
    actorIds: Type.Array(Id, {
      maxItems: 50,
      uniqueItems: true,
      description: 'Everyone who played the character; it must include the principal actor, if there is one.',
    }),
  },
  { additionalProperties: false },
);
export type SetPerformersBody = Static<typeof SetPerformersBody>;

export const CharacterIdParams = Type.Object({ id: Id }, { additionalProperties: false });
export const CharacterListQuery = Type.Object({ ...pageQueryProperties }, { additionalProperties: false });
export type CharacterListQuery = Static<typeof CharacterListQuery>;
export const CharacterPage = PageOf(Type.Ref('Character'), 'CharacterPage');
