// The catalogue's movies: rich reads for anyone, writes for editors, each write one transaction.
import type { Principal } from '../../http/principal.js';
import type { Database } from '../../db/database.js';
import type { CreateRecord } from '../../db/idempotency.js';
import { checkReferences, referenceErrors } from '../../db/references.js';
import { BadRequestError, ConflictError, NotFoundError, notFound, unprocessable } from '../../errors.js';
import type { CursorPage } from '../../http/pagination.js';
import type { CursorCodec } from '../../http/cursor.js';
import { listPage } from '../../http/list-page.js';
import { chooseOrder } from '../../http/list-query.js';
import { resolveMovieFilter } from './movie-filters.js';
import { searchListSource } from '../../db/search-text.js';
import {
  countMovies,
  deleteCrewCredit,
  deleteMovie,
  findCrew,
  findCrewCredit,
  findMissingLanguages,
  insertCrewCredit,
  findMovieDetails,
  findMovieDetailsJson,
  findMoviePage,
  insertMovie,
  movieConditions,
  MOVIE_SEARCH,
  movieOrder,
  movieRelevanceOrder,
  type MovieSortKey,
  replaceMovieCompanies,
  replaceMovieCountries,
  replaceMovieGenres,
  replaceMovieKeywords,
  replaceMovieLanguages,
  setMoviePoster,
  updateMovie,
} from './movies.queries.js';
import type { FileService, ImageInput } from '../files/files.service.js';
import { rowExists } from '../../db/references.js';
import type {
  CreateCrewCreditBody,
  CreateMovieBody,
  CrewCredit,
  CrewList,
  MovieDetails,
  MovieListQuery,
  MovieSummary,
  UpdateMovieBody,
} from './movies.schemas.js';

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

/** `countryId` is the first of `countryIds`: given both, they must agree. */
function checkMainCountry(body: UpdateMovieBody): void {
  if (body.countryIds === undefined || body.countryId === undefined) return;
  if ((body.countryIds[0] ?? null) !== body.countryId) {
    const rule = 'must start with countryId (the main country), or be sent without it';
    throw unprocessable([{ in: 'body', field: 'countryIds', message: rule }]);
  }
}

/** The body's whole lists, which are written beside the movie row rather than in it. */
const LIST_FIELDS = ['genreIds', 'countryIds', 'languageCodes', 'keywordIds', 'companyIds'] as const;

function movieValuesOf<B extends UpdateMovieBody>(body: B): Omit<B, (typeof LIST_FIELDS)[number]> {
  const values: Record<string, unknown> = { ...body };
  for (const field of LIST_FIELDS) delete values[field];
  // A list of countries names the main one too.
  if (body.countryIds !== undefined) values.countryId = body.countryIds[0] ?? null;
  return values as Omit<B, (typeof LIST_FIELDS)[number]>;
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
    checkMainCountry(body);
    return db.transaction(async (tx) => {
      const errors = await referenceErrors(tx, [
        { field: 'directorId', table: 'person', ids: [body.directorId] },
        { field: 'countryId', table: 'country', ids: [body.countryId] },
        { field: 'countryIds', table: 'country', ids: body.countryIds ?? [] },
        { field: 'genreIds', table: 'genre', ids: body.genreIds ?? [] },
        { field: 'keywordIds', table: 'keyword', ids: body.keywordIds ?? [] },
        { field: 'companyIds', table: 'company', ids: body.companyIds ?? [] },
      ]);
      // Language codes are text keys, which referenceErrors (ids) does not cover.
      const languages = await findMissingLanguages(tx, body.languageCodes ?? []);
      if (languages.length) errors.push({ in: 'body', field: 'languageCodes', message: `names no language: ${languages.join(', ')}` });
      if (errors.length) throw unprocessable(errors);
      const movieId = await apply(tx);
      if (body.genreIds) await replaceMovieGenres(tx, movieId, body.genreIds);
      if (body.countryIds) await replaceMovieCountries(tx, movieId, body.countryIds);
      if (body.languageCodes) await replaceMovieLanguages(tx, movieId, body.languageCodes);
      if (body.keywordIds) await replaceMovieKeywords(tx, movieId, body.keywordIds);
      if (body.companyIds) await replaceMovieCompanies(tx, movieId, body.companyIds);
      // The director is a crew credit too (Directing, Director), kept by a trigger (drizzle/0017).
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
    createMovie: (body: CreateMovieBody, created?: CreateRecord) => write(body, (tx) => insertMovie(tx, movieValuesOf(body)), created),

    updateMovie: (movieId: number, body: UpdateMovieBody) =>
      write(body, async (tx) => {
        if (!(await updateMovie(tx, movieId, movieValuesOf(body)))) throw notFound('movie', movieId);
        return movieId;
      }),

    async listCrew(movieId: number): Promise<CrewList> {
      const items = await findCrew(db, movieId);
      if (items.length === 0 && !(await rowExists(db, 'movie', movieId))) throw notFound('movie', movieId);
      return { items };
    },

    addCrewCredit: (movieId: number, body: CreateCrewCreditBody): Promise<CrewCredit> =>
      db.transaction(async (tx) => {
        if (!(await rowExists(tx, 'movie', movieId))) throw notFound('movie', movieId);
        await checkReferences(tx, [
          { field: 'personId', table: 'person', ids: [body.personId] },
          { field: 'departmentId', table: 'department', ids: [body.departmentId] },
        ]);
        const creditId = await insertCrewCredit(tx, movieId, body);
        if (creditId === undefined) {
          throw new ConflictError(`Movie ${movieId} already credits person ${body.personId} as ${body.job} in that department.`);
        }
        return (await findCrewCredit(tx, creditId))!;
      }),

    async removeCrewCredit(movieId: number, creditId: number): Promise<void> {
      if (!(await deleteCrewCredit(db, movieId, creditId))) throw new NotFoundError(`Movie ${movieId} has no crew credit ${creditId}.`);
    },

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
