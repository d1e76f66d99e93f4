import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Database } from '../../db/database.js';
import { problemResponses } from '../../http/problem.js';
import { CountryListQuery, CountryPage } from './countries.schemas.js';
import { createCountryService } from './countries.service.js';

const countriesRoutes: FastifyPluginAsyncTypebox<{ db: Database }> = async (app, { db }) => {
  const countries = createCountryService({ db });

  app.get(
    '/countries',
    {
      config: { access: 'public' },
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
};

export default countriesRoutes;
