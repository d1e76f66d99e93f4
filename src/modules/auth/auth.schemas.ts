import Type, { type Static } from 'typebox';
import { PASSWORD_MAX_LENGTH } from './password-rule.js';
import { Email, Password, Username } from './credentials.schemas.js';

const Cookie = Type.Optional(
  Type.Boolean({
    description:
      'For browser apps: true sends the refresh token as an httpOnly, SameSite=Strict cookie scoped to /api/v1/auth/refresh ' +
      '(Secure over HTTPS), which no script can read, and leaves it out of the answer.',
  }),
);

export const RegisterBody = Type.Object(
  {
    username: Username,
    email: Email,
    password: Password,
    firstName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    lastName: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    cookie: Cookie,
  },
  { additionalProperties: false },
);
export type RegisterBody = Static<typeof RegisterBody>;

export const LoginBody = Type.Object(
  {
    login: Type.String({ minLength: 1, maxLength: 254, description: 'The username or the e-mail address.' }),
    password: Type.String({ minLength: 1, maxLength: PASSWORD_MAX_LENGTH }),
    cookie: Cookie,
  },
  { additionalProperties: false },
);
export type LoginBody = Static<typeof LoginBody>;

export const RefreshBody = Type.Object(
  {
    refreshToken: Type.Optional(
      Type.String({ minLength: 1, maxLength: 200, description: 'Leave it out to use the refresh cookie instead.' }),
    ),
    cookie: Cookie,
  },
  { additionalProperties: false },
);
export type RefreshBody = Static<typeof RefreshBody>;

export const LogoutBody = Type.Object(
  { refreshToken: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })) },
  { additionalProperties: false },
);

export const AuthResultSchema = Type.Object(
  {
    user: Type.Ref('User'),
    accessToken: Type.String({ description: 'Send as `Authorization: Bearer <token>`.' }),
    refreshToken: Type.Optional(
      Type.String({
        description: 'Single use: POST it to /auth/refresh for new tokens. Absent when it was sent as a cookie instead.',
      }),
    ),
    expiresIn: Type.Integer({ description: 'Seconds until the access token expires.' }),
  },
  { $id: 'AuthResult' },
);
