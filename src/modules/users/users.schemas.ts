import Type, { type Static } from 'typebox';
import { ROLES } from '../../http/principal.js';
import { Email, Password, Username } from '../auth/credentials.schemas.js';
import { PASSWORD_MAX_LENGTH } from '../auth/password-rule.js';
import type { ImageDefinitions } from '../files/files.schemas.js';
import { PageOf, pageQueryProperties } from '../../http/pagination.js';

const PersonName = Type.String({ minLength: 1, maxLength: 100 });
const RoleSchema = Type.Enum([...ROLES], { description: 'user, editor (changes the catalogue) or admin (also manages users).' });

export const UserSchema = Type.Object(
  {
    id: Type.Integer(),
    username: Type.String(),
    email: Type.String(),
    firstName: Type.Union([Type.String(), Type.Null()]),
    lastName: Type.Union([Type.String(), Type.Null()]),
    role: RoleSchema,
    avatar: Type.Union([Type.Ref('Image'), Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  { $id: 'User' },
);
export type User = Static<typeof UserSchema, ImageDefinitions>;

export const AdminUserSchema = Type.Object(
  {
    ...UserSchema.properties,
    favoriteMovieIds: Type.Array(Type.Integer(), { description: 'Most recently favorited first.' }),
  },
  { $id: 'AdminUser' },
);
export type AdminUser = User & { favoriteMovieIds: number[] };

export const UpdateMeBody = Type.Object(
  {
    username: Type.Optional(Username),
    email: Type.Optional(Email),
    firstName: Type.Optional(Type.Union([PersonName, Type.Null()])),
    lastName: Type.Optional(Type.Union([PersonName, Type.Null()])),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeBody = Static<typeof UpdateMeBody>;

export const ChangePasswordBody = Type.Object(
  { currentPassword: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }), newPassword: Password },
  { additionalProperties: false },
);
export type ChangePasswordBody = Static<typeof ChangePasswordBody>;

export const UserListQuery = Type.Object(
  {
    ...pageQueryProperties,
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'Part of the username or e-mail.' })),
    role: Type.Optional(RoleSchema),
  },
  { additionalProperties: false },
);
export type UserListQuery = Static<typeof UserListQuery>;

export const UserPage = PageOf(Type.Ref('AdminUser'), 'UserPage');

export const UpdateUserBody = Type.Object({ role: RoleSchema }, { additionalProperties: false });
export type UpdateUserBody = Static<typeof UpdateUserBody>;
