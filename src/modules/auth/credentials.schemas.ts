// What an account signs in with: its username or e-mail and its password. The one definition of
// each rule, for sign-up, the account's own changes and the configuration (ADMIN_EMAIL).
import Type from 'typebox';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULE } from './password-rule.js';

export const USERNAME_PATTERN = '^[A-Za-z0-9_.-]{3,30}$';

export const Username = Type.String({
  minLength: 3,
  maxLength: 30,
  pattern: USERNAME_PATTERN,
  description: '3 to 30 of a-z, 0-9, _ . - (kept in lower case; unique without regard to case).',
  examples: ['ana_lopez'],
});
/** An e-mail address, for accounts and for ADMIN_EMAIL alike. */
export const EMAIL_RULE = { format: 'email', maxLength: 254 } as const;
export const Email = Type.String({ ...EMAIL_RULE, examples: ['ana@example.com'] });
export const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: `${PASSWORD_RULE}.` });

/** Usernames are kept in lower case. */
export function normalizeUsername(username: string): string {
  return username.toLowerCase();
}
