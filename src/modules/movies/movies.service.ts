// The catalogue's movies: rich reads for anyone, writes for editors, each write one transaction.
import type { Principal } from '../../http/principal.js';
import type { Database } from '../../db/database.js';
import type { CreateRecord } from '../../db/idempotency.js';
import { checkReferences } from '../../db/references.js';
import { BadRequestError, notFound } from '../../errors.js';
import type { CursorPage } from '../../http/pagination.js';
import type { CursorCodec } from '../../http/cursor.js';
import { listPage } from '../../http/list-page.js';
import { chooseOrder } from '../../http/list-query.js';
import { resolveMovieFilter } from './movie-filters.js';
import { searchListSource } from '../../db/search-text.js';
import {
  countMovies,
  deleteMovie,
  findMovieDetails,
  findMovieDetailsJson,
  findMoviePage,
  insertMovie,
  movieConditions,
  MOVIE_SEARCH,
  movieOrder,
  movieRelevanceOrder,
  type MovieSortKey,
  replaceMovieGenres,
  setMoviePoster,
  updateMovie,
} from './movies.queries.js';
import type { FileService, ImageInput } from '../files/files.service.js';
import type { CreateMovieBody, MovieDetails, MovieListQuery, MovieSummary, UpdateMovieBody } from './movies.schemas.js';

/** Money is stored in cents (numeric(14,2)), a rating to one decimal: more decimals are refused rather than rounded. */
const DECIMALS = { budget: 2, revenue: 2, voteAverage: 1 } as const;

function checkDecimals(body: UpdateMovieBody): void {
  for (const [field, digits] of Object.entries(DECIMALS) as [keyof typeof DECIMALS, number][]) {
    const value = body[field];
    const scale = 10 ** digits;
    if (typeof value === 'number' && Math.abs(value * scale - Math.round(value * scale)) > 1e-6) {
      const rule = `must have at most ${digits === 1 ? 'one decimal' : 'two decimals'}`;
      throw new BadRequestError(`Invalid body fields: ${field} ${rule}.`, [{ in: 'body', field, message: rule }]);
    }
  }
}

export interface MovieServiceDeps {
  db: Database;
  files: Pick<FileService, 'attach' | 'removeIfUnused'>;
  cursors: CursorCodec;
  /** Matches above which a search phrase is broad (see searchListSource); tests lower it. */
  broadMatches?: number;
}

export function createMovieService({ db, files, cursors, broadMatches }: MovieServiceDeps) {
  async function details(movieId: number, principal?: Principal | null, tx: Database = db): Promise<MovieDetails> {
    const movie = await findMovieDetails(tx, movieId, principal?.userId);
    if (!movie) throw notFound('movie', movieId);
    return movie;
  }

  async function write(body: UpdateMovieBody, apply: (tx: Database) => Promise<number>, created?: CreateRecord): Promise<MovieDetails> {
    checkDecimals(body);
    return db.transaction(async (tx) => {
      await checkReferences(tx, [
        { field: 'directorId', table: 'person', ids: [body.directorId] },
        { field: 'countryId', table: 'country', ids: [body.countryId] },
        { field: 'genreIds', table: 'genre', ids: body.genreIds ?? [] },
      ]);
      const movieId = await apply(tx);
      if (body.genreIds) await replaceMovieGenres(tx, movieId, body.genreIds);
      const movie = await details(movieId, null, tx);
      await created?.record(tx, movie);
      return movie;
    });
  }

  return {
    getMovie: (movieId: number, principal: Principal | null) => details(movieId, principal),

    /** The movie page as JSON text, for sending as it is: no parsing, no serializing. */
    async getMovieJson(movieId: number, principal: Principal | null): Promise<string> {
      const json = await findMovieDetailsJson(db, movieId, principal?.userId);
      if (json === undefined) throw notFound('movie', movieId);
      return json;
    },

    async listMovies(query: MovieListQuery): Promise<CursorPage<MovieSummary>> {
      const filter = await resolveMovieFilter(db, query);
      const { text } = filter;
      const order = chooseOrder<MovieSortKey, ReturnType<typeof movieOrder>>(query.sort, '-popularity', text, movieOrder, () =>
        movieRelevanceOrder(text!),
      );
      const conditions = movieConditions(filter, { withText: false });
      const source = await searchListSource(db, MOVIE_SEARCH, text, { sort: query.sort, conditions, broadMatches });
      return listPage({
        cursors,
        list: 'movies',
        query,
        fetch: (window) => findMoviePage(db, source, conditions, order, window),
        count: () => countMovies(db, source, conditions),
      });
    },

    /** `created`: the request's Idempotency-Key, recorded with the movie. */
    createMovie: (body: CreateMovieBody, created?: CreateRecord) =>
      write(
        body,
        (tx) => {
          const { genreIds: _genres, ...values } = body;
          return insertMovie(tx, values);
        },
        created,
      ),

    updateMovie: (movieId: number, body: UpdateMovieBody) =>
      write(body, async (tx) => {
        const { genreIds: _genres, ...values } = body;
        if (!(await updateMovie(tx, movieId, values))) throw notFound('movie', movieId);
        return movieId;
      }),

    async deleteMovie(movieId: number): Promise<void> {
      // Its characters, genre links and favorites go with it (ON DELETE CASCADE); its poster too,
      // unless something else uses that file.
      const poster = (await findMovieDetails(db, movieId))?.poster;
      if (!(await deleteMovie(db, movieId))) throw notFound('movie', movieId);
      await files.removeIfUnused(poster?.id);
    },

    /** Editors may use any uploaded file as a poster. */
    setPoster: (movieId: number, input: ImageInput, principal: Principal) =>
      files.attach(input, principal, { anyUploader: true }, async (fileId) => {
        const outcome = await db.transaction((tx) => setMoviePoster(tx, movieId, fileId));
        if (!outcome) throw notFound('movie', movieId);
        return { replaced: outcome.replaced, result: await details(movieId, principal) };
      }),

    async removePoster(movieId: number): Promise<void> {
      const outcome = await db.transaction((tx) => setMoviePoster(tx, movieId, null));
      if (!outcome) throw notFound('movie', movieId);
      await files.removeIfUnused(outcome.replaced);
    },
  };
}

export type MovieService = ReturnType<typeof createMovieService>;
