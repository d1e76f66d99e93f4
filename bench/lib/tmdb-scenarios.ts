// The TMDB-compatible surface (/3, docs/tmdb-compatible.md) beside its /api/v1 twins: a movie with
// its credits, a discover page 1 and a discover page far in. Each request carries an API key of a
// generated user, made before the clock starts (the bench user's earlier bench keys revoked first,
// so that runs on one catalogue never reach the limit of live keys).
import type { Random } from './random.js';
import { API, type CatalogueFacts, DEEP_PAGE, PAGE_SIZE, type Scenario, between, getEach, getJson, signIn } from './scenarios.js';

const TMDB = '/3';
/** A generated movie has no TMDB id: /3 shows it as this plus its own id (src/modules/tmdb/tmdb-ids.ts). */
const NATIVE_ID_OFFSET = 1_000_000_000;
const KEY_NAME = 'bench';

async function benchApiKey(baseUrl: string): Promise<string> {
  const token = await signIn(baseUrl, 'user1');
  const headers = { authorization: `Bearer ${token}` };
  const listed = await fetch(`${baseUrl}${API}/me/api-keys`, { headers });
  if (!listed.ok) throw new Error(`GET /me/api-keys answered ${listed.status}: ${await listed.text()}`);
  const { items } = (await listed.json()) as { items: { id: number; name: string; revokedAt: string | null }[] };
  for (const key of items.filter((k) => k.name === KEY_NAME && k.revokedAt === null)) {
    await fetch(`${baseUrl}${API}/me/api-keys/${key.id}`, { method: 'DELETE', headers });
  }
  const made = await fetch(`${baseUrl}${API}/me/api-keys`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ name: KEY_NAME }),
  });
  const body = (await made.json()) as { key?: string };
  if (!made.ok || !body.key) throw new Error(`POST /me/api-keys answered ${made.status}: ${JSON.stringify(body)}`);
  return body.key;
}

/** The /3 genre ids of the catalogue's genres (TMDB's own where the name is one of them). */
async function tmdbGenreIds(baseUrl: string, key: string): Promise<number[]> {
  const { genres } = await getJson<{ genres: { id: number }[] }>(`${baseUrl}${TMDB}/genre/movie/list?api_key=${key}`);
  if (genres.length === 0) throw new Error('GET /3/genre/movie/list answered no genres');
  return genres.map((g) => g.id);
}

/** As discover page 1 of /api/v1: a genre, a window of 5 to 30 years, a sort. */
function discoverQuery(random: Random, genreIds: number[], key: string) {
  const years = random.int(5, 30);
  const from = random.int(1920, 2026 - years + 1);
  return new URLSearchParams({
    with_genres: String(random.pick(genreIds)),
    'primary_release_date.gte': `${from}-01-01`,
    'primary_release_date.lte': `${from + years - 1}-12-31`,
    sort_by: random.pick(['popularity.desc', 'primary_release_date.desc', 'primary_release_date.asc', 'title.asc', 'revenue.desc']),
    api_key: key,
  });
}

const deepPage = (facts: CatalogueFacts) => Math.max(1, Math.min(DEEP_PAGE, Math.floor(facts.movies / PAGE_SIZE / 2)));
/** How many pages from the deep page on the deep scenario reads. */
const DEEP_PAGES = 100;

export const TMDB_SCENARIOS: Scenario[] = [
  {
    slug: 'tmdb-movie-details',
    name: '/3 movie with credits',
    prepare: async ({ baseUrl, facts }) => {
      const key = await benchApiKey(baseUrl);
      return getEach((r) => `${TMDB}/movie/${NATIVE_ID_OFFSET + between(r, facts.movieIds)}?append_to_response=credits&api_key=${key}`, 11);
    },
  },
  {
    slug: 'tmdb-discover-page-1',
    name: '/3 discover page 1',
    prepare: async ({ baseUrl }) => {
      const key = await benchApiKey(baseUrl);
      const genreIds = await tmdbGenreIds(baseUrl, key);
      return getEach((r) => `${TMDB}/discover/movie?${discoverQuery(r, genreIds, key).toString()}&page=1`, 12);
    },
  },
  {
    slug: 'tmdb-discover-deep',
    name: '/3 discover deep (page number)',
    // Any of the hundred pages from page 10,000 on, by number, in three sorts: the first page a
    // node serves in a sort skips every row before it; the others start from the end of the
    // nearest page before them that it served (src/db/list-memory.ts).
    prepare: async ({ baseUrl, facts }) => {
      const key = await benchApiKey(baseUrl);
      const page = deepPage(facts);
      return getEach(
        (r) =>
          `${TMDB}/discover/movie?sort_by=${r.pick(['popularity.desc', 'title.asc', 'primary_release_date.desc'])}&page=${page + r.int(0, DEEP_PAGES - 1)}&api_key=${key}`,
        13,
      );
    },
  },
];
