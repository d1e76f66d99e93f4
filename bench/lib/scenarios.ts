// The benchmark's scenarios: what each one asks of the API, and what it must obtain before the
// clock starts (tokens, cursors). Every request draws its own random ids, words and filters.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type autocannon from 'autocannon';
import type { Sql } from 'postgres';
import { type Database, MIGRATIONS_FOLDER } from '../../src/db/database.js';
import type { CursorCodec } from '../../src/http/cursor.js';
import { loadConfig } from '../../src/config.js';
import { fileServiceFor } from '../../src/modules/files/files.module.js';
import { findMovieDetailsJson } from '../../src/modules/movies/movies.queries.js';
import type { MovieListQuery } from '../../src/modules/movies/movies.schemas.js';
import { createMovieService } from '../../src/modules/movies/movies.service.js';
import { findPersonDetails } from '../../src/modules/persons/persons.queries.js';
import { createSearchService } from '../../src/modules/search/search.service.js';
import { createConfiguredStorage } from '../../src/storage/configured-storage.js';
import { BENCH_PASSWORD } from './catalogue.js';
import type { DirectCall } from './ceiling.js';
import { type Random, createRandom } from './random.js';
import { searchFragments } from './search-terms.js';

/** What the generated catalogue holds, read from the database once before the run. */
export interface CatalogueFacts {
  movies: number;
  movieIds: { min: number; max: number };
  personIds: { min: number; max: number };
  /** Generated users are user1..userN. */
  users: number;
  genreIds: number[];
}

/**
 * The server would try to migrate a catalogue generated before the migrations changed, and fail
 * or stall: say so plainly instead.
 */
export async function checkMigrationsCurrent(sql: Sql): Promise<void> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as { entries: { when: number }[] };
  const newest = Math.max(...journal.entries.map((entry) => entry.when));
  const [applied] = await sql<{ newest: string | null }[]>`select max(created_at)::text as newest from drizzle.__drizzle_migrations`;
  if (Number(applied?.newest ?? 0) !== newest) {
    throw new Error('The catalogue was generated with other migrations than those under drizzle/: run bench/generate.ts again');
  }
}

export async function readCatalogueFacts(sql: Sql): Promise<CatalogueFacts> {
  const [facts] = await sql<
    { movies: number; minMovie: number; maxMovie: number; minPerson: number; maxPerson: number; users: number; genreIds: number[] }[]
  >`
    select (select count(*)::int from movie) as movies,
      (select min(movie_id) from movie) as "minMovie", (select max(movie_id) from movie) as "maxMovie",
      (select min(person_id) from person) as "minPerson", (select max(person_id) from person) as "maxPerson",
      (select count(*)::int from user_account where email like 'user%@bench.example') as users,
      array(select genre_id from genre order by genre_id) as "genreIds"`;
  if (!facts || facts.movies === 0 || facts.users === 0) {
    throw new Error('The database holds no generated catalogue: run bench/generate.ts first');
  }
  return {
    movies: facts.movies,
    movieIds: { min: facts.minMovie, max: facts.maxMovie },
    personIds: { min: facts.minPerson, max: facts.maxPerson },
    users: facts.users,
    genreIds: facts.genreIds,
  };
}

export interface ScenarioContext {
  baseUrl: string;
  sql: Sql;
  facts: CatalogueFacts;
  connections: number;
  /** For the scenario's work without HTTP: a pool like the server's, and the server's cursor key. */
  db: Database;
  cursors: CursorCodec;
}

/** What autocannon runs: the requests of one round (repeated), and per-connection setup. */
export interface LoadPlan {
  requests: autocannon.Request[];
  setupClient?: (client: autocannon.Client) => void;
  /** Connections of this scenario's load when not the run's (1: one request at a time). */
  connections?: number;
  /** The same work as one request, through the services the route calls, without HTTP (see ceiling.ts). */
  direct?: DirectCall;
}

export interface Scenario {
  slug: string;
  name: string;
  /** Throws when the API cannot give what the scenario needs. */
  prepare(context: ScenarioContext): Promise<LoadPlan>;
}

export const API = '/api/v1';

export const between = (random: Random, range: { min: number; max: number }) => random.int(range.min, range.max);

const DISCOVER_SORTS = ['-popularity', '-releaseDate', 'releaseDate', 'title', '-budget'];
const DEEP_SORTS = ['-popularity', 'title', '-releaseDate', 'createdAt'];
export const PAGE_SIZE = 20;
/** About 200,000 rows in: page 10,000 of 20, or the middle of a smaller catalogue. */
export const DEEP_PAGE = 10_000;

/** One GET a round, its path drawn anew for every request; `direct`, the same work without HTTP. */
export function getEach(path: (random: Random) => string, part: number, direct?: DirectCall): LoadPlan {
  const random = createRandom(7, part);
  return { requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path(random) }) }], direct };
}

/** The movie service as the app builds it, its file service over local files in a temporary folder (listing never uses them). */
async function movieService(db: Database, cursors: CursorCodec) {
  const config = loadConfig({ DATA_DIR: path.join(tmpdir(), 'moviedb-bench-direct') });
  const files = fileServiceFor(config, { db, storage: await createConfiguredStorage(config) });
  return createMovieService({ db, cursors, files });
}

/** A discover query: a random genre, a window of 5 to 30 years, a sort. */
function discoverQuery(random: Random, facts: CatalogueFacts) {
  const years = random.int(5, 30);
  const from = random.int(1920, 2026 - years + 1);
  return {
    genre: String(random.pick(facts.genreIds)),
    releasedFrom: `${from}-01-01`,
    releasedTo: `${from + years - 1}-12-31`,
    sort: random.pick(DISCOVER_SORTS) as MovieListQuery['sort'],
    pageSize: PAGE_SIZE,
  };
}

/** Top rated in a genre: enough votes, the best average first (the rating sort's index). */
function ratedQuery(random: Random, facts: CatalogueFacts) {
  return {
    genre: String(random.pick(facts.genreIds)),
    minVoteCount: random.pick([50, 200, 1000]),
    sort: '-voteAverage' as const,
    pageSize: PAGE_SIZE,
  };
}

/** The most popular movies first released in one language over a window of years. */
function languageQuery(random: Random) {
  const years = random.int(5, 30);
  const from = random.int(1920, 2026 - years + 1);
  return {
    originalLanguage: random.pick(['fr', 'ja', 'de', 'ko', 'sv']),
    releasedFrom: `${from}-01-01`,
    releasedTo: `${from + years - 1}-12-31`,
    sort: random.pick(['-popularity', '-releaseDate', '-revenue'] as const),
    pageSize: PAGE_SIZE,
  };
}

/**
 * Ids of the `count` keywords or companies at ranks `from`.. by their movies (the most common
 * first), so a scenario reads lists of a known size. A rank below 1 is a share of them all (0.01:
 * the top 1% skipped, at 20,000 companies rank 200), so that a small catalogue has such ranks too.
 */
async function idsByMovies(sql: Sql, link: 'keyword' | 'company', from: number, count: number): Promise<number[]> {
  const table = link === 'keyword' ? 'movie_keyword' : 'movie_company';
  const [{ n } = { n: 0 }] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${link}`);
  const rank = (value: number) => (value < 1 ? Math.floor(Number(n) * value) : value);
  const rows = await sql.unsafe<{ id: number; movies: number }[]>(
    `select ${link}_id as id, count(*)::int as movies from ${table} group by ${link}_id order by movies desc, id offset $1 limit $2`,
    [rank(from), Math.max(1, rank(count))],
  );
  if (rows.length === 0) throw new Error(`The catalogue has no ${table} rows: run bench/generate.ts again`);
  return rows.map((row) => row.id);
}

/** The most popular movies with one keyword or company: one list through the link table's index. */
function linkQuery(link: 'keyword' | 'company', ids: number[]) {
  return (random: Random) => ({ [link]: String(random.pick(ids)), sort: '-popularity' as const, pageSize: PAGE_SIZE });
}

/** The words held by the most titles (the dictionary's words of three letters and more). */
async function commonestTitleWords(sql: Sql, count: number): Promise<string[]> {
  const rows = await sql<{ word: string }[]>`
    select word from movie_search_word where length(word) >= 3 group by word order by count(*) desc, word limit ${count}`;
  if (rows.length === 0) throw new Error('The catalogue has no title words: run bench/generate.ts again');
  return rows.map((row) => row.word);
}

const asPath = (query: Record<string, string | number>) =>
  `${API}/movies?${new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()}`;

const found = (what: string) => (value: unknown) => {
  if (value === undefined) throw new Error(`${what} not found`);
};

export const SCENARIOS: Scenario[] = [
  {
    slug: 'movie-details',
    name: 'movie details',
    prepare: async ({ facts, db }) =>
      getEach(
        (r) => `${API}/movies/${between(r, facts.movieIds)}`,
        1,
        // The one statement GET /movies/{id} runs: the raw-SQL ceiling.
        (r) => findMovieDetailsJson(db, between(r, facts.movieIds)).then(found('movie')),
      ),
  },
  {
    slug: 'discover-page-1',
    name: 'discover page 1',
    prepare: async ({ facts, db, cursors }) => {
      const movies = await movieService(db, cursors);
      return getEach(
        (r) => {
          const query = discoverQuery(r, facts);
          return `${API}/movies?${new URLSearchParams({ ...query, sort: query.sort!, pageSize: String(query.pageSize) }).toString()}`;
        },
        2,
        async (r) => {
          await movies.listMovies(discoverQuery(r, facts));
        },
      );
    },
  },
  {
    slug: 'discover-rated',
    name: 'discover top rated (votes, rating)',
    prepare: async ({ facts, db, cursors }) => {
      const movies = await movieService(db, cursors);
      return getEach(
        (r) => asPath(ratedQuery(r, facts)),
        9,
        async (r) => {
          await movies.listMovies(ratedQuery(r, facts));
        },
      );
    },
  },
  {
    slug: 'discover-language',
    name: 'discover by original language',
    prepare: async ({ db, cursors }) => {
      const movies = await movieService(db, cursors);
      return getEach(
        (r) => asPath(languageQuery(r)),
        10,
        async (r) => {
          await movies.listMovies(languageQuery(r));
        },
      );
    },
  },
  {
    // At 1M the ten most common keywords are in 3% to 8% of the movies each.
    slug: 'discover-keyword',
    name: 'discover by a common keyword',
    prepare: async ({ sql, db, cursors }) => {
      const query = linkQuery('keyword', await idsByMovies(sql, 'keyword', 0, 10));
      const movies = await movieService(db, cursors);
      return getEach(
        (r) => asPath(query(r)),
        11,
        async (r) => {
          await movies.listMovies(query(r));
        },
      );
    },
  },
  {
    // Ranks 1% to 2% of the companies (200 to 399 of 20,000 at 1M): a few hundred movies each.
    slug: 'discover-company',
    name: 'discover by a mid-frequency company',
    prepare: async ({ sql, db, cursors }) => {
      const query = linkQuery('company', await idsByMovies(sql, 'company', 0.01, 0.01));
      const movies = await movieService(db, cursors);
      return getEach(
        (r) => asPath(query(r)),
        12,
        async (r) => {
          await movies.listMovies(query(r));
        },
      );
    },
  },
  {
    slug: 'discover-deep',
    name: 'discover deep (cursor)',
    prepare: async ({ baseUrl, facts, db, cursors }) => {
      const page = Math.max(1, Math.min(DEEP_PAGE, Math.floor(facts.movies / PAGE_SIZE / 2)));
      const paths: string[] = [];
      const queries: MovieListQuery[] = [];
      // An offset that deep is slow (seconds): paid once here, for the cursor that follows it.
      for (const sort of DEEP_SORTS) {
        const body = await getJson<{ nextCursor?: unknown }>(`${baseUrl}${API}/movies?sort=${sort}&page=${page}&pageSize=${PAGE_SIZE}`);
        if (typeof body.nextCursor !== 'string' || body.nextCursor === '') {
          throw new Error(`GET /movies?sort=${sort}&page=${page} answered no nextCursor`);
        }
        paths.push(`${API}/movies?sort=${sort}&pageSize=${PAGE_SIZE}&cursor=${encodeURIComponent(body.nextCursor)}`);
        queries.push({ sort: sort, pageSize: PAGE_SIZE, cursor: body.nextCursor });
      }
      const movies = await movieService(db, cursors);
      return getEach(
        (r) => r.pick(paths),
        3,
        async (r) => {
          await movies.listMovies(r.pick(queries));
        },
      );
    },
  },
  {
    slug: 'search',
    name: 'search',
    prepare: async ({ db }) => {
      const fragments = searchFragments(createRandom(7, 4), 2000);
      const search = createSearchService({ db });
      return getEach(
        (r) => `${API}/search?q=${encodeURIComponent(r.pick(fragments))}&limit=10`,
        5,
        async (r) => {
          await search.search({ q: r.pick(fragments), limit: 10 });
        },
      );
    },
  },
  {
    slug: 'search-one',
    name: 'search, one at a time',
    prepare: () => {
      const fragments = searchFragments(createRandom(7, 4), 2000);
      return Promise.resolve({ ...getEach((r) => `${API}/search?q=${encodeURIComponent(r.pick(fragments))}&limit=10`, 6), connections: 1 });
    },
  },
  {
    slug: 'search-movies-filtered',
    name: 'q on /movies with a genre and a sort',
    prepare: ({ facts }) => {
      const fragments = searchFragments(createRandom(7, 7), 2000);
      return Promise.resolve(
        getEach(
          (r) =>
            asPath({
              q: r.pick(fragments),
              genre: r.pick(facts.genreIds),
              sort: r.pick(['-releaseDate', '-popularity', 'title']),
              pageSize: PAGE_SIZE,
            }),
          7,
        ),
      );
    },
  },
  {
    slug: 'search-persons-filtered',
    name: 'q on /persons with a filter and a sort',
    prepare: () => {
      const fragments = searchFragments(createRandom(7, 8), 2000);
      return Promise.resolve(
        getEach((r) => {
          const query = new URLSearchParams({
            q: r.pick(fragments),
            ...(r.chance(0.5) ? { gender: r.pick(['female', 'male']) } : { role: 'actor' }),
            sort: r.pick(['-moviesActed', 'birthDate', 'name']),
            pageSize: String(PAGE_SIZE),
          });
          return `${API}/persons?${query.toString()}`;
        }, 8),
      );
    },
  },
  {
    slug: 'search-common-word-by-title',
    name: 'q of the commonest title word, by title',
    prepare: async ({ sql }) => {
      const [word] = await commonestTitleWords(sql, 1);
      return getEach(() => asPath({ q: word!, sort: 'title', pageSize: PAGE_SIZE }), 9);
    },
  },
  {
    slug: 'search-common-word-rare-genre',
    name: 'q of a common title word in the rarest genre',
    prepare: async ({ sql }) => {
      const words = await commonestTitleWords(sql, 5);
      const [rare] = await sql<
        { id: number }[]
      >`select genre_id as id from movie_genre group by genre_id order by count(*), genre_id limit 1`;
      return getEach((r) => asPath({ q: r.pick(words), genre: rare!.id, pageSize: PAGE_SIZE }), 10);
    },
  },
  {
    slug: 'person-details',
    name: 'person details',
    prepare: async ({ facts, db }) =>
      getEach(
        (r) => `${API}/persons/${between(r, facts.personIds)}`,
        6,
        (r) => findPersonDetails(db, between(r, facts.personIds)).then(found('person')),
      ),
  },
  {
    slug: 'login',
    name: 'login (argon2)',
    prepare: async ({ facts }) => {
      const random = createRandom(7, 7);
      return {
        requests: [
          {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({
              ...request,
              path: `${API}/auth/login`,
              body: JSON.stringify({ login: `user${random.int(1, facts.users)}`, password: BENCH_PASSWORD }),
            }),
          },
        ],
      };
    },
  },
  {
    slug: 'favorites',
    name: 'favorite add/remove',
    prepare: async ({ baseUrl, sql, facts, connections }) => {
      // One signed-in user a connection; each adds a movie it does not keep yet, then removes it,
      // so the catalogue ends the run as it began.
      const users = Math.min(connections, facts.users);
      const tokens: string[] = [];
      for (let n = 1; n <= users; n++) tokens.push(await signIn(baseUrl, `user${n}`));
      const kept = new Set(
        (await sql<{ movieId: number }[]>`select distinct movie_id as "movieId" from favorite_movies where user_id <= ${users}`).map(
          (row) => row.movieId,
        ),
      );
      const random = createRandom(7, 8);
      const notKept = () => {
        let movieId = between(random, facts.movieIds);
        while (kept.has(movieId)) movieId = between(random, facts.movieIds);
        return movieId;
      };
      let nextClient = 0;
      return {
        setupClient: (client) => client.setHeaders({ authorization: `Bearer ${tokens[nextClient++ % tokens.length]!}` }),
        requests: [
          {
            method: 'PUT',
            setupRequest: (request, context: { movieId?: number }) => {
              context.movieId = notKept();
              return { ...request, path: `${API}/me/favorites/${context.movieId}` };
            },
          },
          {
            method: 'DELETE',
            setupRequest: (request, context: { movieId?: number }) => ({ ...request, path: `${API}/me/favorites/${context.movieId}` }),
          },
        ],
      };
    },
  },
];

export async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok)
    throw new Error(`GET ${new URL(url).pathname}${new URL(url).search} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function signIn(baseUrl: string, login: string): Promise<string> {
  const response = await fetch(`${baseUrl}${API}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: BENCH_PASSWORD }),
  });
  const body = (await response.json()) as { accessToken?: string };
  if (!response.ok || !body.accessToken) throw new Error(`Signing in as ${login} answered ${response.status}: ${JSON.stringify(body)}`);
  return body.accessToken;
}
