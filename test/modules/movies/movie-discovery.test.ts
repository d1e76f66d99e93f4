// GET /movies: every filter and sort, each checked against what the fixture data says it should find.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { type Client, clientFor, created, signInAs } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

interface Fixture {
  title: string;
  genres: string[];
  country?: string;
  releaseDate?: string;
  durationMinutes?: number;
  budget?: number;
  director?: 'nolan' | 'bigelow';
  cast?: ('pugh' | 'oh')[];
  favorites?: number;
  revenue?: number;
  voteAverage?: number;
  voteCount?: number;
  status?: string;
  originalLanguage?: string;
}

/** The rating the voteAverage sort ranks: only with 50 votes or more (RATING_VOTE_FLOOR). */
const rated = (f: Fixture) => (f.voteCount !== undefined && f.voteCount >= 50 ? f.voteAverage : undefined);

const today = new Date();
const yearsAgo = (years: number, extraDays = 0) => {
  const date = new Date(Date.UTC(today.getUTCFullYear() - years, today.getUTCMonth(), today.getUTCDate() + extraDays));
  return date.toISOString().slice(0, 10);
};

const FIXTURES: Fixture[] = [
  {
    title: 'Amélie',
    genres: ['Comedy', 'Romance'],
    country: 'FR',
    releaseDate: '2001-04-25',
    durationMinutes: 122,
    budget: 10_000_000,
    cast: ['pugh'],
    favorites: 2,
    revenue: 173_921_954,
    voteAverage: 7.8,
    voteCount: 3_310,
    status: 'released',
    originalLanguage: 'fr',
  },
  {
    title: 'Dune Part Two',
    genres: ['Science Fiction', 'Adventure', 'Drama'],
    country: 'US',
    releaseDate: '2024-02-27',
    durationMinutes: 166,
    budget: 190_000_000,
    cast: ['pugh', 'oh'],
    favorites: 3,
    revenue: 714_444_358,
    voteAverage: 8.2,
    voteCount: 6_000,
    status: 'released',
    originalLanguage: 'en',
  },
  {
    title: 'Oppenheimer',
    genres: ['Drama', 'History'],
    country: 'US',
    releaseDate: '2023-07-19',
    durationMinutes: 180,
    budget: 100_000_000,
    director: 'nolan',
    cast: ['pugh'],
    favorites: 1,
    revenue: 975_311_333,
    voteAverage: 8.1,
    voteCount: 9_000,
    status: 'released',
    originalLanguage: 'en',
  },
  {
    title: 'The Hurt Locker',
    genres: ['Action', 'Drama', 'War'],
    country: 'US',
    releaseDate: '2008-09-04',
    durationMinutes: 131,
    budget: 15_000_000,
    director: 'bigelow',
    cast: ['oh'],
    revenue: 49_230_772,
    // The best average, but too few votes to be ranked by it.
    voteAverage: 9.5,
    voteCount: 40,
    status: 'released',
    originalLanguage: 'en',
  },
  {
    title: 'Tenet',
    genres: ['Action', 'Science Fiction'],
    country: 'GB',
    releaseDate: '2020-08-22',
    durationMinutes: 150,
    budget: 205_000_000,
    director: 'nolan',
    revenue: 365_304_105,
    voteAverage: 7.2,
    voteCount: 8_000,
    status: 'released',
    originalLanguage: 'en',
  },
  {
    title: 'Recent Short',
    genres: ['Animation'],
    country: 'JP',
    releaseDate: yearsAgo(1),
    durationMinutes: 12,
    voteAverage: 6.4,
    voteCount: 55,
    status: 'post_production',
    originalLanguage: 'ja',
  },
  { title: 'Almost Six Years Old', genres: ['Documentary'], releaseDate: yearsAgo(6, 2), durationMinutes: 95, budget: 1_000 },
  {
    title: 'Announced',
    genres: ['Action'],
    country: 'US',
    releaseDate: yearsAgo(-2),
    voteCount: 0,
    status: 'planned',
    originalLanguage: 'en',
  },
  { title: 'No Data At All', genres: [] },
  {
    title: 'Action Epic 2022',
    genres: ['Action'],
    country: 'US',
    releaseDate: '2022-01-01',
    durationMinutes: 136,
    budget: 0.5,
    director: 'bigelow',
  },
  { title: 'Drama Epic 2022', genres: ['Drama'], country: 'US', releaseDate: '2022-06-30', durationMinutes: 135 },
];

const t = useTestApp();
let anonymous: Client;
const ids = new Map<string, number>();
const people = new Map<string, number>();
const countries = new Map<string, number>();

beforeAll(async () => {
  const editor = clientFor(t, await signInAs(t, 'editor'));
  anonymous = clientFor(t);
  const genreIds = new Map(
    (await query<{ id: number; name: string }>(t.database.handle, 'select genre_id as id, genre_name as name from genre')).map((g) => [
      g.name,
      g.id,
    ]),
  );
  for (const row of await query<{ id: number; code: string }>(t.database.handle, 'select country_id as id, code from country')) {
    countries.set(row.code.trim(), row.id);
  }
  for (const [key, first, last] of [
    ['nolan', 'Christopher', 'Nolan'],
    ['bigelow', 'Kathryn', 'Bigelow'],
    ['pugh', 'Florence', 'Pugh'],
    ['oh', 'Sandra', 'Oh'],
  ]) {
    people.set(key!, (await created<{ id: number }>(await editor.post('/persons', { firstName: first, lastName: last }))).id);
  }
  const fans = await Promise.all([1, 2, 3].map(() => signInAs(t, 'user')));
  for (const fixture of FIXTURES) {
    const movie = await created<{ id: number }>(
      await editor.post('/movies', {
        title: fixture.title,
        genreIds: fixture.genres.map((g) => genreIds.get(g)),
        ...(fixture.country ? { countryId: countries.get(fixture.country) } : {}),
        ...(fixture.releaseDate ? { releaseDate: fixture.releaseDate } : {}),
        ...(fixture.durationMinutes ? { durationMinutes: fixture.durationMinutes } : {}),
        ...(fixture.budget !== undefined ? { budget: fixture.budget } : {}),
        ...(fixture.director ? { directorId: people.get(fixture.director) } : {}),
        revenue: fixture.revenue ?? null,
        voteAverage: fixture.voteAverage ?? null,
        voteCount: fixture.voteCount ?? null,
        status: fixture.status ?? null,
        originalLanguage: fixture.originalLanguage ?? null,
      }),
    );
    ids.set(fixture.title, movie.id);
    for (const [order, actor] of (fixture.cast ?? []).entries()) {
      await created(
        await editor.post(`/movies/${movie.id}/characters`, {
          name: `Role ${order}`,
          role: 'leading',
          actorId: people.get(actor),
          billingOrder: order,
        }),
      );
    }
    for (const fan of fans.slice(0, fixture.favorites ?? 0)) await clientFor(t, fan).put(`/me/favorites/${movie.id}`);
  }
});

interface Page {
  items: { id: number; title: string; [key: string]: unknown }[];
  total: number;
}

const titles = async (queryString: string) => {
  const response = await anonymous.get(`/movies?pageSize=100&sort=title&includeTotal=true&${queryString}`);
  expect(response.statusCode, `${queryString}: ${response.body}`).toBe(200);
  const page = response.json<Page>();
  expect(page.total).toBe(page.items.length);
  return page.items.map((m) => m.title);
};
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const byTitle = (list: Fixture[]) => list.map((f) => f.title).sort((a, b) => (fold(a) < fold(b) ? -1 : 1));
const where = (predicate: (f: Fixture) => boolean) => byTitle(FIXTURES.filter(predicate));

describe('GET /movies filters', () => {
  it('genre: all of them with ",", any of them with "|", by name or id', async () => {
    expect(await titles('genre=Action,Drama')).toEqual(where((f) => f.genres.includes('Action') && f.genres.includes('Drama')));
    expect(await titles('genre=Action|Drama')).toEqual(where((f) => f.genres.includes('Action') || f.genres.includes('Drama')));
    const [drama] = await query<{ id: number }>(t.database.handle, `select genre_id as id from genre where genre_name = 'Drama'`);
    expect(await titles(`genre=${drama!.id},action`)).toEqual(where((f) => f.genres.includes('Action') && f.genres.includes('Drama')));
    expect(await titles('withoutGenre=Action|Drama')).toEqual(where((f) => !f.genres.includes('Action') && !f.genres.includes('Drama')));
  });

  it('country by ISO code or id; director; cast with all or any', async () => {
    expect(await titles('country=us')).toEqual(where((f) => f.country === 'US'));
    expect(await titles(`country=${countries.get('FR')}`)).toEqual(['Amélie']);
    expect(await titles(`director=${people.get('nolan')}`)).toEqual(where((f) => f.director === 'nolan'));
    const [pugh, oh] = [people.get('pugh'), people.get('oh')];
    expect(await titles(`cast=${pugh},${oh}`)).toEqual(where((f) => !!f.cast?.includes('pugh') && !!f.cast.includes('oh')));
    expect(await titles(`cast=${pugh}|${oh}`)).toEqual(where((f) => !!f.cast?.length));
  });

  it('release dates: from, to, and within the last N years (never the future)', async () => {
    expect(await titles('releasedFrom=2020-08-22&releasedTo=2023-07-19')).toEqual(
      where((f) => !!f.releaseDate && f.releaseDate >= '2020-08-22' && f.releaseDate <= '2023-07-19'),
    );
    const since = yearsAgo(5);
    const todayIso = today.toISOString().slice(0, 10);
    expect(await titles('releasedWithinYears=5')).toEqual(
      where((f) => !!f.releaseDate && f.releaseDate >= since && f.releaseDate <= todayIso),
    );
    expect(await titles('releasedWithinYears=5')).not.toContain('Announced');
  });

  it('duration and budget ranges', async () => {
    expect(await titles('minDuration=131&maxDuration=166')).toEqual(
      where((f) => f.durationMinutes !== undefined && f.durationMinutes >= 131 && f.durationMinutes <= 166),
    );
    expect(await titles('minBudget=15000000&maxBudget=190000000')).toEqual(
      where((f) => f.budget !== undefined && f.budget >= 15_000_000 && f.budget <= 190_000_000),
    );
    expect(await titles('maxBudget=1')).toEqual(['Action Epic 2022']);
  });

  it("TMDB's facts: revenue, votes and rating ranges, status and original language", async () => {
    expect(await titles('minRevenue=173921954&maxRevenue=714444358')).toEqual(
      where((f) => f.revenue !== undefined && f.revenue >= 173_921_954 && f.revenue <= 714_444_358),
    );
    expect(await titles('minVoteCount=3310')).toEqual(where((f) => (f.voteCount ?? -1) >= 3_310));
    expect(await titles('minVoteCount=0')).toEqual(where((f) => f.voteCount !== undefined));
    expect(await titles('minVoteAverage=7.8&maxVoteAverage=9.5')).toEqual(
      where((f) => f.voteAverage !== undefined && f.voteAverage >= 7.8 && f.voteAverage <= 9.5),
    );
    expect(await titles('minVoteAverage=7.8&minVoteCount=50')).toEqual(where((f) => (rated(f) ?? 0) >= 7.8));
    expect(await titles('status=post_production')).toEqual(['Recent Short']);
    expect(await titles('status=released')).toEqual(where((f) => f.status === 'released'));
    expect(await titles('originalLanguage=fr')).toEqual(['Amélie']);
    expect(await titles('originalLanguage=en&genre=Action')).toEqual(
      where((f) => f.originalLanguage === 'en' && f.genres.includes('Action')),
    );
    expect(await titles('originalLanguage=de')).toEqual([]);
  });

  it('ids, tmdbId and the title search (case and accents ignored)', async () => {
    const some = ['Tenet', 'Amélie', 'Oppenheimer'].map((title) => ids.get(title));
    expect(await titles(`ids=${some.join(',')}`)).toEqual(
      byTitle(FIXTURES.filter((f) => ['Tenet', 'Amélie', 'Oppenheimer'].includes(f.title))),
    );
    await query(t.database.handle, `update movie set tmdb_id = 27205 where movie_id = ${ids.get('Tenet')}`);
    expect(await titles('tmdbId=27205')).toEqual(['Tenet']);
    expect(await titles('q=AMELIE')).toEqual(['Amélie']);
    expect(await titles('q=epic')).toEqual(['Action Epic 2022', 'Drama Epic 2022']);
    expect(await titles('q=100%25')).toEqual([]);
  });

  it('combines filters', async () => {
    expect(await titles('country=US&releasedFrom=2022-01-01&minDuration=136&genre=Action|Drama')).toEqual(
      where(
        (f) =>
          f.country === 'US' &&
          !!f.releaseDate &&
          f.releaseDate >= '2022-01-01' &&
          (f.durationMinutes ?? 0) >= 136 &&
          (f.genres.includes('Action') || f.genres.includes('Drama')),
      ),
    );
  });
});

describe('GET /movies sorts and paging', () => {
  const order = async (sort: string) => (await anonymous.get(`/movies?pageSize=100&sort=${sort}`)).json<Page>().items.map((m) => m.title);

  it.each([
    ['releaseDate', (f: Fixture) => f.releaseDate],
    ['duration', (f: Fixture) => f.durationMinutes],
    ['budget', (f: Fixture) => f.budget],
    ['revenue', (f: Fixture) => f.revenue],
    ['voteCount', (f: Fixture) => f.voteCount],
    ['voteAverage', rated],
  ] as const)('sorts by %s both ways, unknown values last either way', async (sort, value) => {
    const known = FIXTURES.filter((f) => value(f) !== undefined);
    const unknown = FIXTURES.filter((f) => value(f) === undefined).map((f) => f.title);
    const ascending = [...known].sort((a, b) => (value(a)! < value(b)! ? -1 : 1)).map((f) => f.title);
    const up = await order(sort);
    expect(up.slice(0, known.length)).toEqual(ascending);
    expect(new Set(up.slice(known.length))).toEqual(new Set(unknown));
    const down = await order(`-${sort}`);
    expect(down.slice(0, known.length)).toEqual([...ascending].reverse());
  });

  it('sorts by title, by popularity (favorites) and by creation', async () => {
    expect(await order('title')).toEqual(byTitle(FIXTURES));
    expect(await order('-title')).toEqual(byTitle(FIXTURES).reverse());
    const popular = (await order('-popularity')).slice(0, 3);
    expect(popular).toEqual(['Dune Part Two', 'Amélie', 'Oppenheimer']);
    expect(await order('createdAt')).toEqual(FIXTURES.map((f) => f.title));
  });

  it('pages with a total when asked, and the default sort is by popularity', async () => {
    const first = (await anonymous.get('/movies?pageSize=4&includeTotal=true')).json<Page & { page: number; pageSize: number }>();
    expect(first).toMatchObject({ total: FIXTURES.length, page: 1, pageSize: 4 });
    expect((await anonymous.get('/movies?pageSize=4')).json<Page>().total).toBeUndefined();
    expect(first.items.slice(0, 3).map((m) => m.title)).toEqual(['Dune Part Two', 'Amélie', 'Oppenheimer']);
    const all = (await anonymous.get('/movies?pageSize=100')).json<Page>().items.map((m) => m.id);
    const third = (await anonymous.get('/movies?pageSize=4&page=3')).json<Page>().items.map((m) => m.id);
    expect(third).toEqual(all.slice(8, 12));
  });

  it('answers items as movie summaries with counts', async () => {
    const [dune] = (await anonymous.get('/movies?q=dune')).json<Page>().items;
    expect(dune).toMatchObject({
      title: 'Dune Part Two',
      releaseDate: '2024-02-27',
      durationMinutes: 166,
      budget: 190_000_000,
      country: { code: 'US' },
      director: null,
      poster: null,
      actorsCount: 2,
      favoritesCount: 3,
    });
    expect(dune!.genres).toEqual([
      { id: expect.any(Number) as number, name: 'Adventure' },
      { id: expect.any(Number) as number, name: 'Drama' },
      { id: expect.any(Number) as number, name: 'Science Fiction' },
    ]);
  });
});

describe('GET /movies refusals', () => {
  it.each([
    ['genre=Action,Drama|War', 'genre', 400],
    ['genre=Westerns', 'genre', 422],
    ['withoutGenre=Nope', 'withoutGenre', 422],
    ['country=XX', 'country', 422],
    ['country=USA', 'country', 400],
    ['cast=abc', 'cast', 400],
    ['releasedFrom=2023-02-30', 'releasedFrom', 400],
    ['releasedWithinYears=0', 'releasedWithinYears', 400],
    ['minDuration=-1', 'minDuration', 400],
    ['minBudget=cheap', 'minBudget', 400],
    ['ids=1,2,x', 'ids', 400],
    [`ids=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`, 'ids', 400],
    ['sort=rating', 'sort', 400],
    ['pageSize=101', 'pageSize', 400],
    ['director=0', 'director', 400],
    ['minRevenue=-5', 'minRevenue', 400],
    ['maxRevenue=1e13', 'maxRevenue', 400],
    ['minVoteCount=1.5', 'minVoteCount', 400],
    ['minVoteAverage=11', 'minVoteAverage', 400],
    ['maxVoteAverage=-1', 'maxVoteAverage', 400],
    ['status=Released', 'status', 400],
    ['originalLanguage=EN', 'originalLanguage', 400],
    ['originalLanguage=english', 'originalLanguage', 400],
  ])('refuses ?%s naming %s', async (queryString, field, status) => {
    const response = await anonymous.get(`/movies?${queryString}`);
    expect(response.statusCode).toBe(status);
    expect(response.json()).toMatchObject({ status, errors: [{ in: 'query', field }] });
  });
});

describe('GET /me/favorites with the movie filters and sorts', () => {
  it('filters and sorts the caller favorites like GET /movies', async () => {
    const fan = clientFor(t, await signInAs(t, 'user'));
    for (const title of ['Tenet', 'Oppenheimer', 'Amélie', 'The Hurt Locker']) await fan.put(`/me/favorites/${ids.get(title)}`);
    const page = (await fan.get('/me/favorites?genre=Action|History&sort=-releaseDate&includeTotal=true')).json<Page>();
    expect(page.items.map((m) => m.title)).toEqual(['Oppenheimer', 'Tenet', 'The Hurt Locker']);
    expect(page.total).toBe(3);
    const byBudget = (await fan.get('/me/favorites?sort=budget')).json<Page>();
    expect(byBudget.items.map((m) => m.title)).toEqual(['Amélie', 'The Hurt Locker', 'Oppenheimer', 'Tenet']);
  });
});
