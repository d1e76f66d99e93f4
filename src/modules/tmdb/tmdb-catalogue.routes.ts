// /3 routes besides movies: search, people, companies, keywords, reference lists, configuration.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { TmdbCatalogueService } from './tmdb-catalogue.service.js';
import { tmdbRead } from './tmdb-route-options.js';
import {
  AppendQuery,
  CompanyIdParams,
  KeywordIdParams,
  PagedQuery,
  PersonIdParams,
  PlainQuery,
  SearchMovieQuery,
  SearchQuery,
} from './tmdb.schemas.js';

const tmdbCatalogueRoutes: FastifyPluginAsyncTypebox<{ catalogue: TmdbCatalogueService }> = async (app, { catalogue }) => {
  app.get('/search/movie', tmdbRead({ querystring: SearchMovieQuery }), (request) => catalogue.searchMovies(request.query));
  const search = tmdbRead({ querystring: SearchQuery });
  app.get('/search/person', search, (request) => catalogue.searchPersons(request.query));
  app.get('/search/multi', search, (request) => catalogue.searchMulti(request.query));
  app.get('/search/keyword', search, (request) => catalogue.searchKeywords(request.query));
  app.get('/search/company', search, (request) => catalogue.searchCompanies(request.query));

  app.get('/person/popular', tmdbRead({ querystring: PagedQuery }), (request) => catalogue.personPopular(request.query.page ?? 1));
  app.get('/person/:person_id', tmdbRead({ params: PersonIdParams, querystring: AppendQuery }), (request) =>
    catalogue.person(request.params.person_id, request.query.append_to_response),
  );
  const part = tmdbRead({ params: PersonIdParams, querystring: PlainQuery });
  app.get('/person/:person_id/movie_credits', part, (request) => catalogue.personMovieCredits(request.params.person_id));
  app.get('/person/:person_id/combined_credits', part, (request) => catalogue.personCombinedCredits(request.params.person_id));
  app.get('/person/:person_id/images', part, (request) => catalogue.personImages(request.params.person_id));
  app.get('/person/:person_id/external_ids', part, (request) => catalogue.personExternalIds(request.params.person_id));

  app.get('/company/:company_id', tmdbRead({ params: CompanyIdParams, querystring: PlainQuery }), (request) =>
    catalogue.company(request.params.company_id),
  );
  app.get('/keyword/:keyword_id', tmdbRead({ params: KeywordIdParams, querystring: PlainQuery }), (request) =>
    catalogue.keyword(request.params.keyword_id),
  );

  const plain = tmdbRead({ querystring: PlainQuery });
  app.get('/genre/movie/list', plain, () => catalogue.genres());
  app.get('/configuration', plain, () => catalogue.configuration());
  app.get('/configuration/countries', plain, () => catalogue.countries());
  app.get('/configuration/languages', plain, () => catalogue.languages());
  app.get('/configuration/jobs', plain, () => catalogue.jobs());
};

export default tmdbCatalogueRoutes;
