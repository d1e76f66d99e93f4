import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { noContent, noContentResponses, problemResponses } from '../../http/problem.js';
import { IdParams } from '../../http/types.js';
import { CountryListQuery, CountryPage, CreateCountryBody, UpdateCountryBody } from './countries.schemas.js';
import type { CountryService } from './countries.service.js';

const countriesRoutes: FastifyPluginAsyncTypebox<{ countries: CountryService }> = async (app, { countries }) => {
  app.get(
    '/countries',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['reference'],
        summary: 'List countries',
        description: 'Every ISO 3166-1 country and any an admin added, ordered by name.',
        querystring: CountryListQuery,
        response: { 200: CountryPage, ...problemResponses },
      },
    },
    (request) => countries.listCountries(request.query),
  );

  const country = { $ref: 'Country' } as const;

  app.post(
    '/countries',
    {
      config: { access: 'admin', idempotent: true },
      schema: {
        tags: ['reference'],
        summary: 'Add a country',
        body: CreateCountryBody,
        response: { 201: country, ...problemResponses },
      },
    },
    async (request, reply) => reply.code(201).send(await countries.createCountry(request.body, request.idempotency)),
  );

  app.patch(
    '/countries/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['reference'],
        summary: 'Change a country',
        params: IdParams,
        body: UpdateCountryBody,
        response: { 200: country, ...problemResponses },
      },
    },
    (request) => countries.updateCountry(request.params.id, request.body),
  );

  app.delete(
    '/countries/:id',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['reference'],
        summary: 'Delete a country',
        description: 'Refused (409) while a movie or a person names it.',
        params: IdParams,
        response: noContentResponses,
      },
    },
    async (request, reply) => {
      await countries.deleteCountry(request.params.id);
      return noContent(reply);
    },
  );
};

export default countriesRoutes;
