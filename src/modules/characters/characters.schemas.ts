import Type, { type Static } from 'typebox';
import { CHARACTER_ROLES } from '../../db/schema.js';
import { Id, NonBlank, Nullable } from '../../http/types.js';
import { PageOf, pageQueryProperties } from '../../http/pagination.js';
import type { PersonRefDefinitions } from '../refs/refs.schemas.js';

export const CharacterRole = Type.Enum([...CHARACTER_ROLES]);
export type CharacterRole = Static<typeof CharacterRole>;

export const CharacterSchema = Type.Object(
  {
    id: Type.Integer(),
    name: Nullable(Type.String()),
    description: Nullable(Type.String()),
    role: CharacterRole,
    billingOrder: Nullable(Type.Integer({ description: 'Order in the credits, 0 first.' })),
    actor: Nullable(Type.Ref('PersonRef')),
    performers: Type.Array(Type.Ref('PersonRef'), { description: 'Everyone who played the character, the actor first.' }),
  },
  { $id: 'Character' },
);

export type CharacterDefinitions = PersonRefDefinitions & { Character: typeof CharacterSchema };
export type Character = Static<typeof CharacterSchema, CharacterDefinitions>;

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

export const CharacterListQuery = Type.Object({ ...pageQueryProperties }, { additionalProperties: false });
export type CharacterListQuery = Static<typeof CharacterListQuery>;
export const CharacterPage = PageOf(Type.Ref('Character'), 'CharacterPage');

/** The columns of a character that a write may set. */
export interface CharacterValues {
  name?: string;
  description?: string | null;
  role?: CharacterRole;
  actorId?: number | null;
  billingOrder?: number | null;
}

const CastRow = Type.Object(
  {
    id: Type.Optional(Id),
    name: Type.Optional(Name),
    description: Type.Optional(Description),
    role: Type.Optional(CharacterRole),
    actorId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);

export const MAX_CAST = 1000;

export const ReplaceCastBody = Type.Object(
  {
    characters: Type.Array(CastRow, {
      maxItems: MAX_CAST,
      description:
        'The whole cast in credits order: the place in the list becomes billingOrder (0 first). A row with an id keeps that ' +
        'character of this movie (fields left out stay as they are); a row without one adds a character (name and role ' +
        'required); characters of the movie not listed are deleted. A new actorId replaces the principal performer, who ' +
        'leaves the performers; others who played the character stay.',
    }),
  },
  { additionalProperties: false },
);
export type ReplaceCastBody = Static<typeof ReplaceCastBody>;

export const CharacterList = Type.Object({ items: Type.Array(Type.Ref('Character')) }, { additionalProperties: false });
