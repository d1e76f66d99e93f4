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
          '"The Godfather", "johnny deep" Johnny Depp), and the last word also matches as a prefix, so that a search box can ask ' +
          'as the user types. Movies and people are ranked in one order (`results`): the kind of match first (the whole title ' +
          'or name, a surname typed alone, every word whole, the last word as a prefix, a corrected word, some of the words), ' +
          'then how well known each is (votes and favorites; for a person, the votes of the movies of their key credits). ' +
          'A phrase that matches nothing whole answers its best partial matches. See docs/search.md. For paging through ' +
          'every match, use `q` on GET /movies or GET /persons.',
        querystring: SearchQuery,
        response: { 200: SearchResultsSchema, ...problemResponses },
      },
    },
    (request) => search.search(request.query),
  );
};

export default searchRoutes;
