// Schema pieces every feature uses, declared once.
import Type, { type TSchema } from 'typebox';

export const MAX_ID = 2_147_483_647;

/** The longest list of ids a query takes: 100 ids of up to 10 digits, and their separators. */
export const ID_LIST_MAX_LENGTH = 100 * 11 - 1;

export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

/** A row id: PostgreSQL integer keys, 1 to 2147483647. */
export const Id = Type.Integer({ minimum: 1, maximum: MAX_ID });

/** The path parameters of a route on one row: `{id}`. */
export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

/** A calendar date that PostgreSQL can store (year 1 onwards); `2023-02-29` is refused. */
export const DateString = Type.String({ format: 'date', maxLength: 10, pattern: '^(?!0000)\\d{4}-', description: 'YYYY-MM-DD' });

/** Text with something in it besides spaces. */
export const NonBlank = (maxLength: number, options: { description?: string } = {}) =>
  Type.String({ minLength: 1, maxLength, pattern: '\\S', ...options });
