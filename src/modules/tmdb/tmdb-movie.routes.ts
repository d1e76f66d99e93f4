// /3 movie routes: a movie and its parts, the movie lists, discover and trending.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { TmdbMovieService } from './tmdb-movies.service.js';
import { tmdbRead } from './tmdb-route-options.js';
import { AppendQuery, DiscoverQuery, KeywordIdParams, MovieIdParams, PagedQuery, PlainQuery, TrendingParams } from './tmdb.schemas.js';

const tmdbMovieRoutes: FastifyPluginAsyncTypebox<{ movies: TmdbMovieService }> = async (app, { movies }) => {
  const paged = tmdbRead({ querystring: PagedQuery });
  app.get('/movie/popular', paged, (request) => movies.popular(request.query.page ?? 1));
  app.get('/movie/top_rated', paged, (request) => movies.topRated(request.query.page ?? 1));
  app.get('/movie/now_playing', paged, (request) => movies.nowPlaying(request.query.page ?? 1));
  app.get('/movie/upcoming', paged, (request) => movies.upcoming(request.query.page ?? 1));
  // A movie's document is JSON text as PostgreSQL built it: it goes out as it came.
  const sendJson = (reply: FastifyReply, text: string) => reply.type('application/json; charset=utf-8').send(text);
  app.get('/movie/latest', tmdbRead({ querystring: PlainQuery }), async (_request, reply) => sendJson(reply, await movies.latest()));
  app.get('/trending/movie/:time_window', tmdbRead({ params: TrendingParams, querystring: PagedQuery }), (request) =>
    movies.trending(request.params.time_window, request.query.page ?? 1),
  );
  app.get('/discover/movie', tmdbRead({ querystring: DiscoverQuery }), (request) => movies.discover(request.query));

  app.get('/movie/:movie_id', tmdbRead({ params: MovieIdParams, querystring: AppendQuery }), async (request, reply) =>
    sendJson(reply, await movies.movie(request.params.movie_id, request.query.append_to_response)),
  );
  const part = tmdbRead({ params: MovieIdParams, querystring: PlainQuery });
  app.get('/movie/:movie_id/credits', part, (request) => movies.credits(request.params.movie_id));
  app.get('/movie/:movie_id/keywords', part, (request) => movies.keywords(request.params.movie_id));
  app.get('/movie/:movie_id/images', part, (request) => movies.images(request.params.movie_id));
  app.get('/movie/:movie_id/external_ids', part, (request) => movies.externalIds(request.params.movie_id));
  app.get('/movie/:movie_id/release_dates', part, (request) => movies.releaseDates(request.params.movie_id));
  const pagedPart = tmdbRead({ params: MovieIdParams, querystring: PagedQuery });
  app.get('/movie/:movie_id/similar', pagedPart, (request) => movies.similar(request.params.movie_id, request.query.page ?? 1));
  app.get('/movie/:movie_id/recommendations', pagedPart, (request) =>
    movies.recommendations(request.params.movie_id, request.query.page ?? 1),
  );
  app.get('/keyword/:keyword_id/movies', tmdbRead({ params: KeywordIdParams, querystring: PagedQuery }), (request) =>
    movies.keywordMovies(request.params.keyword_id, request.query.page ?? 1),
  );
};

export default tmdbMovieRoutes;
