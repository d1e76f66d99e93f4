import Type, { type Static } from 'typebox';
import { Id, NonBlank, Nullable } from '../../http/types.js';
import type { ImageDefinitions } from '../files/files.schemas.js';
import { nameListQueryProperties } from '../../http/list-query.js';
import { CountryRefSchema, MovieRefSchema } from '../refs/refs.schemas.js';

/** The movies a company page lists: its most popular. */
export const COMPANY_PAGE_MOVIES = 50;

const companyProperties = {
  id: Type.Integer(),
  name: Type.String({ examples: ['Pixar Animation Studios'] }),
  originCountry: Nullable(CountryRefSchema),
  moviesCount: Type.Integer({ minimum: 0, description: 'How many movies it produced.' }),
};

export const CompanySchema = Type.Object(companyProperties, { $id: 'Company' });
export type Company = Static<typeof CompanySchema>;

export const CompanyDetailsSchema = Type.Object(
  {
    ...companyProperties,
    movies: Type.Array(MovieRefSchema, {
      description: `Its ${COMPANY_PAGE_MOVIES} most popular movies (GET /movies?sort=-popularity); all of them: GET /movies?company=id.`,
    }),
  },
  { $id: 'CompanyDetails' },
);
export type CompanyDetails = Static<typeof CompanyDetailsSchema, ImageDefinitions>;

export const CompanyListQuery = Type.Object(nameListQueryProperties, { additionalProperties: false });
export type CompanyListQuery = Static<typeof CompanyListQuery>;

export const CompanyList = Type.Object({ items: Type.Array(Type.Ref('Company')) }, { title: 'CompanyList' });

export const CreateCompanyBody = Type.Object(
  {
    name: NonBlank(300, { description: 'Kept without surrounding spaces; several companies may share a name (TMDB has such).' }),
    originCountryId: Type.Optional(Nullable(Id)),
  },
  { additionalProperties: false },
);
export type CreateCompanyBody = Static<typeof CreateCompanyBody>;
