import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { problemResponses } from '../../http/problem.js';
import { SearchQuery, SearchResultsSchema } from './search.schemas.js';
import type { SearchService } from './search.service.js';

const searchRoutes: FastifyPluginAsyncTypebox<{ search: SearchService }> = async (app, { search }) => {
  app.get(
    '/search',
    {
      config: { access: 'public', cache: true },
      schema: {
        tags: ['search'],
        summary: 'Movies and people for what was typed',
        description:
          'Case and accents are ignored ("amelie" finds "Amélie"), a misspelt word is corrected ("godfater" finds ' +
          '"The Godfather"), and the last word also matches as a prefix, so that a search box can ask as the user types. ' +
          'Best matches first: the whole title or name, then its beginning, then every word whole, then the last word as ' +
          'a prefix, then corrected words; closer texts first within each kind, then the more popular (favorites), then ' +
          'the more credited. For paging through every match, use `q` on GET /movies or GET /persons.',
        querystring: SearchQuery,
        response: { 200: SearchResultsSchema, ...problemResponses },
      },
    },
    (request) => search.search(request.query),
  );
};

export default searchRoutes;
