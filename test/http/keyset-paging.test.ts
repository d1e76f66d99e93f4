// Cursor paging on GET /movies, /persons and /me/favorites: every sort, walked page by page over
// rows with many equal sort values and unknown ones, gives every row exactly once, in the order
// of the same list read in one page; and a cursor that this service did not make is refused.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { type Client, clientFor, signInAs } from '../helpers/builders.js';
import { query } from '../helpers/database.js';
import { createCursorCodec, queryFingerprint } from '../../src/http/cursor.js';
import { MOVIE_SORTS } from '../../src/modules/movies/movies.schemas.js';
import { PERSON_SORTS } from '../../src/modules/persons/persons.schemas.js';

interface Page {
  items: { id: number }[];
  nextCursor: string | null;
  total?: number;
  page?: number;
  pageSize: number;
}

const t = useTestApp();
let anonymous: Client;
const MOVIES = 45;
const PERSONS = 30;

beforeAll(async () => {
  anonymous = clientFor(t);
  // One statement: every row shares created_at. Titles, dates, budgets and durations repeat, and
  // some are unknown, so that most pages end in the middle of a run of equal values.
  await query(
    t.database.handle,
    sql`insert into movie (title, release_date, budget, duration)
      select (array['Same Title', 'same title', 'Sàme Title', 'Other'])[1 + i % 4],
        case when i % 5 = 0 then null else date '2000-01-01' + (i % 3) end,
        case when i % 4 = 0 then null else (i % 2) * 1000 end,
        case when i % 6 = 0 then null else make_interval(mins => 90 + i % 2) end
      from generate_series(1, ${MOVIES}) as i`,
  );
  await query(
    t.database.handle,
    sql`insert into person (first_name, last_name, birth_date)
      select (array['Ana', 'ana', 'Ána'])[1 + i % 3], (array['Silva', 'Silva', ''])[1 + i % 3],
        case when i % 4 = 0 then null else date '1970-01-01' + (i % 2) end
      from generate_series(1, ${PERSONS}) as i`,
  );
  // A few favorites, so that popularity has both ties and differences.
  const fans = await Promise.all([1, 2].map(() => signInAs(t, 'user')));
  const [first] = await query<{ id: number }>(t.database.handle, 'select min(movie_id) as id from movie');
  for (const [n, fan] of fans.entries()) {
    for (let k = 0; k <= n * 3; k++) await clientFor(t, fan).put(`/me/favorites/${first!.id + k}`);
  }
});

async function get(url: string): Promise<Page> {
  const response = await anonymous.get(url);
  expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
  return response.json<Page>();
}

/** Walks a list by cursor; answers the ids in the order they came. */
async function walk(list: string, params: string, pageSize: number, client: Client = anonymous): Promise<number[]> {
  const ids: number[] = [];
  let cursor: string | null = null;
  for (let pages = 0; pages < 100; pages++) {
    const url: string = `${list}?${params}&pageSize=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const response = await client.get(url);
    expect(response.statusCode, `${url}: ${response.body}`).toBe(200);
    const page = response.json<Page>();
    expect(page.items.length).toBeLessThanOrEqual(pageSize);
    ids.push(...page.items.map((item) => item.id));
    if (page.nextCursor === null) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('the walk did not end');
}

describe('cursor walks', () => {
  const movieSorts = MOVIE_SORTS.flatMap((key) => [key, `-${key}`]);
  it.each(movieSorts)('GET /movies?sort=%s gives every movie once, in the one-page order', async (sort) => {
    const whole = await get(`/movies?sort=${sort}&pageSize=100&includeTotal=true`);
    expect(whole.total).toBe(MOVIES);
    expect(whole.nextCursor).toBeNull();
    const walked = await walk('/movies', `sort=${sort}`, 7);
    expect(walked).toEqual(whole.items.map((m) => m.id));
    expect(new Set(walked).size).toBe(MOVIES);
  });

  const personSorts = PERSON_SORTS.flatMap((key) => [key, `-${key}`]);
  it.each(personSorts)('GET /persons?sort=%s gives every person once, in the one-page order', async (sort) => {
    const whole = await get(`/persons?sort=${sort}&pageSize=100&includeTotal=true`);
    expect(whole.total).toBe(PERSONS);
    const walked = await walk('/persons', `sort=${sort}`, 4);
    expect(walked).toEqual(whole.items.map((p) => p.id));
    expect(new Set(walked).size).toBe(PERSONS);
  });

  it('puts unknown values last in both directions, and ties in id order', async () => {
    for (const sort of ['releaseDate', '-releaseDate']) {
      const rows = await query<{ id: number; release_date: string | null }>(
        t.database.handle,
        `select movie_id as id, release_date::text from movie
         order by release_date ${sort.startsWith('-') ? 'desc' : 'asc'} nulls last, movie_id ${sort.startsWith('-') ? 'desc' : 'asc'}`,
      );
      expect(await walk('/movies', `sort=${sort}`, 5)).toEqual(rows.map((r) => r.id));
    }
  });

  it('keeps filters across pages: a cursor walk of a filtered list equals its one page', async () => {
    const params = 'sort=-budget&releasedFrom=2000-01-02&minDuration=91';
    const whole = await get(`/movies?${params}&pageSize=100&includeTotal=true`);
    expect(whole.total).toBeGreaterThan(3);
    expect(await walk('/movies', params, 2)).toEqual(whole.items.map((m) => m.id));
  });

  it("pages the caller's favorites by cursor too", async () => {
    const fan = await signInAs(t, 'user');
    const client = clientFor(t, fan);
    const [first] = await query<{ id: number }>(t.database.handle, 'select min(movie_id) as id from movie');
    for (let k = 0; k < 7; k++) await client.put(`/me/favorites/${first!.id + k}`);
    const whole = (await client.get('/me/favorites?pageSize=100')).json<Page>();
    expect(whole.items).toHaveLength(7);
    expect(await walk('/me/favorites', 'sort=-favoritedAt', 3, client)).toEqual(whole.items.map((m) => m.id));
    // Another user's cursor means nothing in this list.
    const other = clientFor(t, await signInAs(t, 'user'));
    const { nextCursor } = (await client.get('/me/favorites?pageSize=2')).json<Page>();
    expect((await other.get(`/me/favorites?pageSize=2&cursor=${encodeURIComponent(nextCursor!)}`)).statusCode).toBe(400);
  });

  it('goes on by cursor from an offset page, where the offset page ended', async () => {
    const third = await get('/movies?sort=title&page=3&pageSize=5&includeTotal=true');
    expect(third).toMatchObject({ page: 3, pageSize: 5, total: MOVIES });
    const fourth = await get(`/movies?sort=title&pageSize=5&cursor=${encodeURIComponent(third.nextCursor!)}`);
    const whole = await get('/movies?sort=title&pageSize=100');
    expect(fourth.items.map((m) => m.id)).toEqual(whole.items.slice(15, 20).map((m) => m.id));
    // Cursor pages carry no page number, and a total only when asked for.
    expect(fourth.total).toBeUndefined();
    expect(fourth.page).toBeUndefined();
    const counted = await get(`/movies?sort=title&pageSize=5&includeTotal=true&cursor=${encodeURIComponent(third.nextCursor!)}`);
    expect(counted.total).toBe(MOVIES);
    expect(counted.items).toEqual(fourth.items);
  });
});

describe('cursors that this service did not make', () => {
  let cursor: string;
  beforeAll(async () => {
    cursor = (await get('/movies?sort=title&pageSize=5')).nextCursor!;
  });

  const refused = async (url: string, field = 'cursor') => {
    const response = await anonymous.get(url);
    expect(response.statusCode, url).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 400, errors: [{ in: 'query', field }] });
  };

  it('refuses a forged one', async () => {
    const [body, signature] = cursor.split('.');
    // Another position, signed with nothing: the client moved the cursor by hand.
    const moved = Buffer.from(JSON.stringify(['a', 1])).toString('base64url');
    await refused(`/movies?sort=title&cursor=${moved}.${signature}`);
    const flipped = signature!.startsWith('A') ? `B${signature!.slice(1)}` : `A${signature!.slice(1)}`;
    await refused(`/movies?sort=title&cursor=${body}.${flipped}`);
    await refused(`/movies?sort=title&cursor=${body}`);
    await refused('/movies?sort=title&cursor=not-a-cursor');
    await refused(`/movies?sort=title&cursor=${encodeURIComponent('{"a":1}')}`);
  });

  it('refuses one made for another query, list or service', async () => {
    await refused(`/movies?sort=-title&cursor=${encodeURIComponent(cursor)}`);
    await refused(`/movies?sort=title&genre=Drama&cursor=${encodeURIComponent(cursor)}`);
    await refused(`/persons?sort=name&cursor=${encodeURIComponent(cursor)}`);
    // A service with another secret: the same query, the same position, another signature.
    const fingerprint = queryFingerprint('movies', { sort: 'title' });
    const ours = createCursorCodec(t.config.jwtSecret);
    const theirs = createCursorCodec('another secret, another installation');
    expect(ours.decode(fingerprint, cursor)).toEqual(JSON.parse(Buffer.from(cursor.split('.')[0]!, 'base64url').toString()));
    await refused(`/movies?sort=title&cursor=${encodeURIComponent(theirs.encode(fingerprint, ['same title', 1]))}`);
    expect(() => theirs.decode(fingerprint, cursor)).toThrow(/cursor/);
  });

  it('refuses page and cursor together', async () => {
    await refused(`/movies?sort=title&page=2&cursor=${encodeURIComponent(cursor)}`, 'page');
  });

  it('accepts the same query with its parameters in another order', async () => {
    const first = await get('/movies?sort=title&releasedFrom=2000-01-01&pageSize=3');
    const next = await get(`/movies?releasedFrom=2000-01-01&pageSize=3&sort=title&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(next.items).toHaveLength(3);
    expect(next.items[0]!.id).not.toBe(first.items[0]!.id);
  });
});
