import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/problem.js';
import { IdParams } from '../../http/types.js';
import { CompanyList, CompanyListQuery, CreateCompanyBody } from './companies.schemas.js';
import type { CompanyService } from './companies.service.js';

const details = { $ref: 'CompanyDetails' } as const;

const companiesRoutes: FastifyPluginAsyncTypebox<{ companies: CompanyService }> = async (app, { companies }) => {
  app.get(
    '/companies',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['reference'],
        summary: 'Find production companies',
        description:
          'Companies whose name contains `q` (without regard to case): those beginning with it first, then those with the most ' +
          'movies (moviesCount), then by name. Without `q`, those with the most movies. Movies by company: GET /movies?company=id.',
        querystring: CompanyListQuery,
        response: { 200: CompanyList, ...problemResponses },
      },
    },
    (request) => companies.listCompanies(request.query),
  );

  app.get(
    '/companies/:id',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['reference'],
        summary: 'One production company, with its most popular movies',
        params: IdParams,
        response: { 200: details, ...problemResponses },
      },
    },
    (request) => companies.getCompany(request.params.id),
  );

  app.post(
    '/companies',
    {
      config: { access: 'editor', idempotent: true },
      schema: {
        tags: ['reference'],
        summary: 'Add a production company',
        description: 'An unknown originCountryId is refused (422).',
        body: CreateCompanyBody,
        response: { 201: details, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await companies.createCompany(request.body, request.idempotency)),
  );
};

export default companiesRoutes;
