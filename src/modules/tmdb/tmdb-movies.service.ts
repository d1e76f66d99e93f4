// The /3 movie reads: a movie and what may be appended to it, and the movie lists (popular, top
// rated, now playing, upcoming, trending, discover), over the native movie conditions and sorts.
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/database.js';
import { RATING_VOTE_FLOOR } from '../../db/schema.js';
import { catalogueGeneration } from '../../db/list-memory.js';
import { intArray } from '../../db/sql.js';
import { movieConditions, movieOrder } from '../movies/movies.queries.js';
import { discoverConditions, discoverOrder } from './tmdb-discover.js';
import { TmdbError } from './tmdb-errors.js';
import { type TmdbPage, findRecentlyFavorited, findTmdbPage, findTmdbWindow, movieList } from './tmdb-lists.queries.js';
import {
  findLatestMovieId,
  findMovieResults,
  findMovieTopics,
  findOwnId,
  findReleaseFacts,
  findTmdbMovieCredits,
  findTmdbMovieJson,
  findTmdbMovieDocument,
  findTmdbMovieKeywords,
  findTmdbMoviePosters,
  type MovieTopics,
  type TmdbMovieDocument,
} from './tmdb-movies.queries.js';
import { type DiscoverQuery, MAX_APPENDS, TMDB_PAGE_SIZE } from './tmdb.schemas.js';

type Json = Record<string, unknown>;

/** How far around "today" now_playing and upcoming reach, in days (TMDB's lists span about a month). */
const NOW_PLAYING_DAYS = 42;
const UPCOMING_DAYS = 42;

/** Trending's windows, in days, and how many recently favorited movies it puts first at most. */
const TRENDING_DAYS = { day: 1, week: 7 } as const;
const TRENDING_FAVORITED_MAX = 1_000;

export interface TmdbMovieServiceDeps {
  db: Database;
  /** Today as YYYY-MM-DD: the clock's, or TMDB_API_TODAY for a frozen catalogue. */
  today: () => string;
}

/** The appends TMDB allows, at most MAX_APPENDS, each once; names this surface has no answer for are left out, as TMDB does. */
export function parseAppends<K extends string>(raw: string | undefined, known: readonly K[]): K[] {
  if (!raw) return [];
  const names = raw.split(',');
  if (names.length > MAX_APPENDS) throw new TmdbError('tooManyAppends');
  return [...new Set(names)].filter((name): name is K => (known as readonly string[]).includes(name));
}

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const MOVIE_APPENDS = ['credits', 'keywords', 'images', 'similar', 'recommendations', 'external_ids', 'release_dates'] as const;
type MovieAppend = (typeof MOVIE_APPENDS)[number];

export function createTmdbMovieService({ db, today }: TmdbMovieServiceDeps) {
  async function ownMovieId(id: number): Promise<number> {
    const own = await findOwnId(db, 'movie', id);
    if (own === undefined) throw new TmdbError('notFound');
    return own;
  }

  const popularity = movieOrder('popularity', true);

  /** Movies that share a keyword with it (its genres, when it has no keywords), the most popular first. */
  async function similar(movieId: number, page: number, topics?: MovieTopics): Promise<TmdbPage> {
    const { genreIds, keywordIds } = topics ?? (await findMovieTopics(db, movieId));
    const shared = keywordIds.length ? sql`m.keyword_ids && ${intArray(keywordIds)}` : sql`m.genre_ids && ${intArray(genreIds)}`;
    return findTmdbPage(db, movieList(db, [shared, sql`m.movie_id <> ${movieId}`], popularity), page);
  }

  /** Movies of every genre it has (any genre when it has none), the most popular first. */
  async function recommendations(movieId: number, page: number, topics?: MovieTopics): Promise<TmdbPage> {
    const { genreIds } = topics ?? (await findMovieTopics(db, movieId));
    const conditions = [
      ...(genreIds.length ? movieConditions({ genreIds: { ids: genreIds, mode: 'all' } }) : []),
      sql`m.movie_id <> ${movieId}`,
    ];
    return findTmdbPage(db, movieList(db, conditions, popularity), page);
  }

  async function releaseDates(movieId: number): Promise<Json[]> {
    const { releaseDate, certification } = await findReleaseFacts(db, movieId);
    if (releaseDate === null && certification === null) return [];
    // The release moviedb knows, in the country whose ratings moviedb keeps (type 3: theatrical).
    const entry = {
      certification: certification ?? '',
      descriptors: [],
      iso_639_1: '',
      note: '',
      release_date: releaseDate === null ? '' : `${releaseDate}T00:00:00.000Z`,
      type: 3,
    };
    return [{ iso_3166_1: 'US', release_dates: [entry] }];
  }

  const externalIds = () => ({ imdb_id: null, wikidata_id: null, facebook_id: null, instagram_id: null, twitter_id: null });
  const images = async (movieId: number) => ({ backdrops: [], logos: [], posters: await findTmdbMoviePosters(db, movieId) });

  const appendParts: Record<MovieAppend, (movie: TmdbMovieDocument) => Promise<Json>> = {
    credits: (movie) => findTmdbMovieCredits(db, movie.own),
    keywords: async (movie) => ({ keywords: await findTmdbMovieKeywords(db, movie.own) }),
    images: (movie) => images(movie.own),
    similar: (movie) => similar(movie.own, 1, movie.topics) as unknown as Promise<Json>,
    recommendations: (movie) => recommendations(movie.own, 1, movie.topics) as unknown as Promise<Json>,
    external_ids: async () => externalIds(),
    release_dates: async (movie) => ({ results: await releaseDates(movie.own) }),
  };

  /**
   * The movie's document with its appends, as JSON text: the details and the credits come in one
   * statement as PostgreSQL built them, and each other append is added after them, as TMDB adds them.
   */
  async function details(movie: TmdbMovieDocument, appends: MovieAppend[]): Promise<string> {
    const parts = await Promise.all(
      appends.map(async (name) => {
        if (name === 'credits' && movie.credits !== null) return movie.credits;
        return JSON.stringify(await appendParts[name](movie));
      }),
    );
    const appended = appends.map((name, i) => `,${JSON.stringify(name)}:${parts[i]}`).join('');
    return `${movie.doc.slice(0, -1)}${appended}}`;
  }

  async function movieDocument(id: number, appends: MovieAppend[]): Promise<TmdbMovieDocument> {
    const found = await findTmdbMovieDocument(db, id, appends.includes('credits'));
    if (found === undefined) throw new TmdbError('notFound');
    return found;
  }

  /**
   * The movies favorited within the window first (the most favorited first), then every other
   * movie in popularity order: page by page over the two lists as one.
   */
  async function trending(days: number, page: number): Promise<TmdbPage> {
    const recent = await findRecentlyFavorited(db, days, TRENDING_FAVORITED_MAX);
    const start = (page - 1) * TMDB_PAGE_SIZE;
    const first = recent.slice(start, start + TMDB_PAGE_SIZE);
    const rest = await findTmdbWindow(db, movieList(db, recent.length ? [sql`m.movie_id <> all(${intArray(recent)})`] : [], popularity), {
      offset: Math.max(0, start - recent.length),
      limit: TMDB_PAGE_SIZE - first.length,
    });
    const total = rest.total_results + recent.length;
    return {
      page,
      results: [...(first.length ? await findMovieResults(db, first) : []), ...rest.results],
      total_pages: Math.ceil(total / TMDB_PAGE_SIZE),
      total_results: total,
    };
  }

  const dated = async (page: number, minimum: string, maximum: string) => ({
    dates: { maximum, minimum },
    ...(await findTmdbPage(db, movieList(db, movieConditions({ releasedFrom: minimum, releasedTo: maximum }), popularity), page)),
  });

  return {
    /** The movie's document as JSON text. */
    async movie(id: number, append: string | undefined): Promise<string> {
      const appends = parseAppends(append, MOVIE_APPENDS);
      return details(await movieDocument(id, appends), appends);
    },
    /** The latest movie's document as JSON text. */
    async latest(): Promise<string> {
      const movieId = await findLatestMovieId(db);
      const json = movieId === undefined ? undefined : await findTmdbMovieJson(db, movieId);
      if (json === undefined) throw new TmdbError('notFound');
      return json;
    },
    async credits(id: number) {
      return { id, ...(await findTmdbMovieCredits(db, await ownMovieId(id))) };
    },
    async keywords(id: number) {
      return { id, keywords: await findTmdbMovieKeywords(db, await ownMovieId(id)) };
    },
    async images(id: number) {
      return { id, ...(await images(await ownMovieId(id))) };
    },
    async externalIds(id: number) {
      await ownMovieId(id);
      return { id, ...externalIds() };
    },
    async releaseDates(id: number) {
      return { id, results: await releaseDates(await ownMovieId(id)) };
    },
    similar: async (id: number, page: number) => similar(await ownMovieId(id), page),
    recommendations: async (id: number, page: number) => recommendations(await ownMovieId(id), page),

    popular: (page: number) => findTmdbPage(db, movieList(db, [], popularity), page),
    /** Among movies with enough votes for their average to count (RATING_VOTE_FLOOR), the best rated. */
    topRated: (page: number) =>
      findTmdbPage(db, movieList(db, [sql`m.vote_count >= ${RATING_VOTE_FLOOR}`], movieOrder('voteAverage', true)), page),
    nowPlaying: (page: number) => dated(page, addDays(today(), -NOW_PLAYING_DAYS), today()),
    upcoming: (page: number) => dated(page, addDays(today(), 1), addDays(today(), UPCOMING_DAYS)),
    /** moviedb's popularity: TMDB's score for imported movies, favorites (then votes) for the others. */
    trending: async (window: 'day' | 'week', page: number) => {
      const found = await trending(TRENDING_DAYS[window], page);
      return { ...found, results: found.results.map((movie) => ({ ...movie, media_type: 'movie' })) };
    },
    async discover(query: DiscoverQuery) {
      const generation = await catalogueGeneration(db);
      const conditions = await discoverConditions(db, query, generation);
      return findTmdbPage(db, movieList(db, conditions, discoverOrder(query.sort_by)), query.page ?? 1, generation);
    },
    async keywordMovies(id: number, page: number) {
      const keywordId = await findOwnId(db, 'keyword', id);
      if (keywordId === undefined) throw new TmdbError('notFound');
      return {
        id,
        ...(await findTmdbPage(db, movieList(db, movieConditions({ keywordIds: { ids: [keywordId], mode: 'all' } }), popularity), page)),
      };
    },
  };
}

export type TmdbMovieService = ReturnType<typeof createTmdbMovieService>;
