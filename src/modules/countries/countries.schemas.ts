import Type, { type Static } from 'typebox';
import { PageOf, pageQueryProperties } from '../../http/pagination.js';

export const CountrySchema = Type.Object(
  {
    id: Type.Integer(),
    code: Type.String({ description: 'ISO 3166-1 alpha-2 code.', examples: ['US'] }),
    name: Type.String({ examples: ['United States of America'] }),
  },
  { $id: 'Country' },
);
export type Country = Static<typeof CountrySchema>;

export const CountryListQuery = Type.Object(
  {
    ...pageQueryProperties,
    q: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 100,
        description: 'Part of the name (case and accents ignored) or the exact ISO code.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type CountryListQuery = Static<typeof CountryListQuery>;

export const CountryPage = PageOf(Type.Ref('Country'), 'CountryPage');

const Code = Type.String({
  minLength: 2,
  maxLength: 2,
  pattern: '^[A-Za-z]{2}$',
  description: 'ISO 3166-1 alpha-2 code (kept in capitals).',
});
const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

export const CreateCountryBody = Type.Object({ code: Code, name: Name }, { additionalProperties: false });
export type CreateCountryBody = Static<typeof CreateCountryBody>;

export const UpdateCountryBody = Type.Object(
  { code: Type.Optional(Code), name: Type.Optional(Name) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateCountryBody = Static<typeof UpdateCountryBody>;
