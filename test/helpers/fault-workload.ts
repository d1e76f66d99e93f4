// The load the fault tests put on a real service process while they break its database: readers
// of movie pages and lists, and writers creating movies with three genres and a director (a
// transaction of several rows, sent with an Idempotency-Key), each answer kept for the checks.
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export interface Answer {
  kind: 'read' | 'create';
  /** The HTTP status, or 'error' when no answer came (connection refused or reset, timeout). */
  status: number | 'error';
  started: number;
  ms: number;
  contentType?: string;
  retryAfter?: string;
  detail?: string;
  error?: string;
  /** Creates: the unique title sent, the key, and the body for a retry. */
  title?: string;
  key?: string;
  body?: Record<string, unknown>;
  replayed?: boolean;
}

export interface Catalogue {
  token: string;
  genreIds: number[];
  directorId: number;
  movieIds: number[];
}

const CLIENT_TIMEOUT_MS = 20_000;

async function call(
  baseUrl: string,
  method: string,
  url: string,
  { token, body, headers = {} }: { token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(`${baseUrl}/api/v1${url}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { response, json: json as Record<string, unknown> | undefined };
}

/** Signs in the admin the service created at start (ADMIN_EMAIL), and makes what the load uses. */
export async function prepareCatalogue(baseUrl: string, admin: { email: string; password: string }): Promise<Catalogue> {
  const login = await call(baseUrl, 'POST', '/auth/login', { body: { login: admin.email, password: admin.password } });
  if (login.response.status !== 200) throw new Error(`sign-in failed: ${login.response.status} ${JSON.stringify(login.json)}`);
  const token = String(login.json!.accessToken);
  const genres = await call(baseUrl, 'GET', '/genres?pageSize=3');
  const genreIds = (genres.json!.items as { id: number }[]).map((genre) => genre.id);
  const director = await call(baseUrl, 'POST', '/persons', { token, body: { firstName: 'Fault', lastName: 'Director' } });
  const directorId = Number(director.json!.id);
  const movieIds: number[] = [];
  for (let n = 0; n < 20; n++) {
    const movie = await call(baseUrl, 'POST', '/movies', { token, body: { title: `steady-${n}`, genreIds, directorId } });
    movieIds.push(Number(movie.json!.id));
  }
  return { token, genreIds, directorId, movieIds };
}

/** Sends one request and keeps what the checks need of its answer, or that none came. */
async function answered(
  kind: Answer['kind'],
  send: () => ReturnType<typeof call>,
  extra: Pick<Answer, 'title' | 'key' | 'body'> = {},
): Promise<Answer> {
  const started = Date.now();
  try {
    const { response, json } = await send();
    return {
      kind,
      status: response.status,
      started,
      ms: Date.now() - started,
      contentType: response.headers.get('content-type') ?? '',
      retryAfter: response.headers.get('retry-after') ?? undefined,
      detail: typeof json?.detail === 'string' ? json.detail : undefined,
      replayed: response.headers.get('idempotent-replayed') === 'true',
      ...extra,
    };
  } catch (error) {
    return { kind, status: 'error', started, ms: Date.now() - started, error: describe(error), ...extra };
  }
}

/** Sends one create; the answer says whether it was stored (2xx), refused, or left in doubt. */
export async function createMovie(baseUrl: string, catalogue: Catalogue, title: string, key: string = randomUUID()): Promise<Answer> {
  const body = { title, genreIds: catalogue.genreIds, directorId: catalogue.directorId, durationMinutes: 90 };
  return answered('create', () => call(baseUrl, 'POST', '/movies', { token: catalogue.token, body, headers: { 'idempotency-key': key } }), {
    title,
    key,
    body,
  });
}

async function read(baseUrl: string, catalogue: Catalogue, n: number): Promise<Answer> {
  const url =
    n % 3 === 0
      ? `/movies?genre=${catalogue.genreIds[n % catalogue.genreIds.length]}&pageSize=5`
      : `/movies/${catalogue.movieIds[n % catalogue.movieIds.length]}`;
  return answered('read', () => call(baseUrl, 'GET', url));
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause ? `${error.message}: ${cause.code ?? cause.message}` : error.message;
}

export interface Workload {
  answers: Answer[];
  /** Stops the workers after their current request; resolves when all have stopped. */
  stop(): Promise<Answer[]>;
}

/** `workers` loops, each alternating reads and creates (`writeShare` of its requests are creates). */
export function startWorkload(
  baseUrl: string,
  catalogue: Catalogue,
  { workers = 6, writeShare = 0.4, prefix = 'fault' }: { workers?: number; writeShare?: number; prefix?: string } = {},
): Workload {
  const answers: Answer[] = [];
  let running = true;
  const loops = Array.from({ length: workers }, async (_, worker) => {
    for (let n = 0; running; n++) {
      const write = (n * 7919 + worker * 31) % 100 < writeShare * 100;
      const answer = write ? await createMovie(baseUrl, catalogue, `${prefix}-${worker}-${n}`) : await read(baseUrl, catalogue, n + worker);
      answers.push(answer);
      // A refused request is tried again a little later, not at once (a client would wait for
      // Retry-After; this waits less, to keep asking while the database is away).
      if (answer.status !== 200 && answer.status !== 201) await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  return {
    answers,
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return answers;
    },
  };
}

/** Polls /ready every 50 ms; resolves with the milliseconds until it answered 200. */
export async function waitUntilReady(baseUrl: string, limitMs = 30_000): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    try {
      const response = await fetch(`${baseUrl}/ready`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) return Date.now() - started;
    } catch {
      // Not answering: keep polling.
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`/ready did not answer 200 within ${limitMs} ms`);
}

/** The movies the creates of a prefix stored: title, how many genres, the director. */
export async function storedCreates(
  url: string,
  prefix: string,
): Promise<Map<string, { rows: number; genres: number; directorId: number | null }>> {
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => {});
  await client.connect();
  try {
    const { rows } = await client.query<{ title: string; rows: number; genres: number; director_id: number | null }>(
      `select m.title, count(distinct m.movie_id)::int as rows, count(mg.genre_id)::int as genres, max(m.director_id) as director_id
       from movie m left join movie_genre mg on mg.movie_id = m.movie_id
       where m.title like $1 group by m.title`,
      [`${prefix}-%`],
    );
    return new Map(rows.map((row) => [row.title, { rows: row.rows, genres: row.genres, directorId: row.director_id }]));
  } finally {
    await client.end();
  }
}
