// The six questions of docs/queries.md, each one request, each checked against values computed
// here from the fixture itself.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { type Client, clientFor, created, signInAs, type SignedIn } from '../helpers/builders.js';
import { query } from '../helpers/database.js';
import { makeImage, multipart } from '../helpers/images.js';

const today = new Date();
const isoDaysAgo = (days: number) => new Date(today.getTime() - days * 86_400_000).toISOString().slice(0, 10);

interface MovieFixture {
  key: string;
  title: string;
  budget?: number;
  releaseDate?: string;
  durationMinutes?: number;
  country?: string;
  genres: string[];
  director?: string;
  cast: string[];
}

const PEOPLE = ['villeneuve', 'gerwig', 'nolan', 'chalamet', 'zendaya', 'pugh', 'ronan', 'murphy'];
const MOVIES: MovieFixture[] = [
  {
    key: 'dune2',
    title: 'Dune: Part Two',
    budget: 190_000_000,
    releaseDate: '2024-02-27',
    durationMinutes: 166,
    country: 'US',
    genres: ['Science Fiction', 'Adventure'],
    director: 'villeneuve',
    cast: ['chalamet', 'zendaya', 'pugh'],
  },
  {
    key: 'oppenheimer',
    title: 'Oppenheimer',
    budget: 100_000_000,
    releaseDate: '2023-07-19',
    durationMinutes: 180,
    country: 'US',
    genres: ['Drama', 'History'],
    director: 'nolan',
    cast: ['murphy', 'pugh'],
  },
  {
    key: 'barbie',
    title: 'Barbie',
    budget: 145_000_000,
    releaseDate: '2023-07-19',
    durationMinutes: 114,
    country: 'US',
    genres: ['Comedy'],
    director: 'gerwig',
    cast: ['ronan'],
  },
  {
    key: 'littlewomen',
    title: 'Little Women',
    budget: 40_000_000,
    releaseDate: '2019-12-25',
    durationMinutes: 135,
    country: 'US',
    genres: ['Drama', 'Romance'],
    director: 'gerwig',
    cast: ['ronan', 'pugh', 'chalamet'],
  },
  {
    key: 'tenet',
    title: 'Tenet',
    budget: 205_000_000,
    releaseDate: '2020-08-22',
    durationMinutes: 150,
    country: 'GB',
    genres: ['Action'],
    director: 'nolan',
    cast: [],
  },
  {
    key: 'recent',
    title: 'Recent Indie',
    releaseDate: isoDaysAgo(30),
    durationMinutes: 140,
    country: 'US',
    genres: ['Action', 'Thriller'],
    director: 'villeneuve',
    cast: ['zendaya'],
  },
  {
    key: 'old',
    title: 'Old Classic',
    budget: 1_000_000,
    releaseDate: '1950-01-01',
    durationMinutes: 140,
    country: 'US',
    genres: ['Drama'],
    cast: ['murphy'],
  },
];

const t = useTestApp();
let anonymous: Client;
let admin: SignedIn;
const personIds = new Map<string, number>();
const movieIds = new Map<string, number>();
const users: { signedIn: SignedIn; favorites: string[] }[] = [];

beforeAll(async () => {
  anonymous = clientFor(t);
  admin = await signInAs(t, 'admin');
  const editorSignedIn = await signInAs(t, 'editor');
  const editor = clientFor(t, editorSignedIn);
  const genreIds = new Map(
    (await query<{ id: number; name: string }>(t.database.handle, 'select genre_id as id, genre_name as name from genre')).map((g) => [
      g.name,
      g.id,
    ]),
  );
  const countryIds = new Map(
    (await query<{ id: number; code: string }>(t.database.handle, 'select country_id as id, code from country')).map((c) => [
      c.code.trim(),
      c.id,
    ]),
  );
  for (const key of PEOPLE) {
    personIds.set(
      key,
      (
        await created<{ id: number }>(
          await editor.post('/persons', { firstName: key[0]!.toUpperCase() + key.slice(1), lastName: 'Fixture' }),
        )
      ).id,
    );
  }
  for (const movie of MOVIES) {
    const { id } = await created<{ id: number }>(
      await editor.post('/movies', {
        title: movie.title,
        ...(movie.budget !== undefined ? { budget: movie.budget } : {}),
        ...(movie.releaseDate ? { releaseDate: movie.releaseDate } : {}),
        ...(movie.durationMinutes ? { durationMinutes: movie.durationMinutes } : {}),
        ...(movie.country ? { countryId: countryIds.get(movie.country) } : {}),
        ...(movie.director ? { directorId: personIds.get(movie.director) } : {}),
        genreIds: movie.genres.map((g) => genreIds.get(g)),
      }),
    );
    movieIds.set(movie.key, id);
    for (const [order, actor] of movie.cast.entries()) {
      await created(
        await editor.post(`/movies/${id}/characters`, {
          name: `${actor} role`,
          role: order < 3 ? 'leading' : 'supporting',
          actorId: personIds.get(actor),
          billingOrder: order,
        }),
      );
    }
  }
  for (const favorites of [['dune2', 'barbie'], [], ['tenet', 'old', 'recent']]) {
    const signedIn = await signInAs(t, 'user');
    for (const key of favorites) await clientFor(t, signedIn).put(`/me/favorites/${movieIds.get(key)}`);
    // Favorited a second apart, first listed first.
    for (const [i, key] of favorites.entries()) {
      await query(
        t.database.handle,
        `update favorite_movies set created_at = now() - interval '${favorites.length - i} seconds'
         where user_id = ${signedIn.user.id} and movie_id = ${movieIds.get(key)}`,
      );
    }
    users.push({ signedIn, favorites });
  }
  // Posters for every movie but one; photos for every person but one.
  const upload = async (url: string, method: 'PUT' | 'POST') => {
    const body = multipart(await makeImage(60, 90), 'image.jpg', 'image/jpeg');
    const response = await t.app.inject({
      method,
      url: `/api/v1${url}`,
      payload: body.payload,
      headers: { ...body.headers, ...editorSignedIn.headers },
    });
    if (response.statusCode >= 300) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
  };
  for (const movie of MOVIES.filter((m) => m.key !== 'old')) await upload(`/movies/${movieIds.get(movie.key)}/poster`, 'PUT');
  for (const key of PEOPLE.filter((p) => p !== 'murphy')) await upload(`/persons/${personIds.get(key)}/photos`, 'POST');
});

interface Person {
  id: number;
  actingBudgetTotal: number;
  directingBudgetAverage: number | null;
  moviesActed: number;
  moviesDirected: number;
}

/** Sort descending by a figure, ties by id descending (as the API promises). */
const descendingBy = <T extends { id: number }>(rows: T[], value: (row: T) => number | null) =>
  [...rows].sort((a, b) => (value(b) ?? -Infinity) - (value(a) ?? -Infinity) || b.id - a.id);

describe('the six questions', () => {
  it('1. every actor with the total budget of the movies they acted in', async () => {
    const response = await anonymous.get('/persons?role=actor&sort=-actingBudgetTotal&pageSize=100');
    expect(response.statusCode).toBe(200);
    const expected = descendingBy(
      PEOPLE.filter((p) => MOVIES.some((m) => m.cast.includes(p))).map((p) => ({
        id: personIds.get(p)!,
        actingBudgetTotal: MOVIES.filter((m) => m.cast.includes(p)).reduce((sum, m) => sum + (m.budget ?? 0), 0),
      })),
      (row) => row.actingBudgetTotal,
    );
    const items = response.json<{ items: Person[] }>().items;
    expect(items.map((p) => ({ id: p.id, actingBudgetTotal: p.actingBudgetTotal }))).toEqual(expected);
    // Pugh: Dune 190M + Oppenheimer 100M + Little Women 40M.
    expect(items.find((p) => p.id === personIds.get('pugh'))!.actingBudgetTotal).toBe(330_000_000);
  });

  it('2. the movies released in the last five years, with how many actors each has', async () => {
    const response = await anonymous.get('/movies?releasedWithinYears=5&sort=-releaseDate&pageSize=100');
    const fiveYearsAgo = new Date(Date.UTC(today.getUTCFullYear() - 5, today.getUTCMonth(), today.getUTCDate())).toISOString().slice(0, 10);
    const expected = MOVIES.filter(
      (m) => m.releaseDate && m.releaseDate >= fiveYearsAgo && m.releaseDate <= today.toISOString().slice(0, 10),
    )
      .map((m) => ({ id: movieIds.get(m.key)!, releaseDate: m.releaseDate!, actorsCount: new Set(m.cast).size }))
      .sort((a, b) => (a.releaseDate === b.releaseDate ? b.id - a.id : a.releaseDate < b.releaseDate ? 1 : -1));
    const items = response.json<{ items: { id: number; releaseDate: string; actorsCount: number }[] }>().items;
    expect(items.map(({ id, releaseDate, actorsCount }) => ({ id, releaseDate, actorsCount }))).toEqual(expected);
    expect(expected.length).toBeGreaterThanOrEqual(4);
  });

  it('3. every user with the ids of their favorite movies', async () => {
    const response = await clientFor(t, admin).get('/users?pageSize=100');
    const items = response.json<{ items: { id: number; favoriteMovieIds: number[] }[] }>().items;
    for (const { signedIn, favorites } of users) {
      const listed = items.find((u) => u.id === signedIn.user.id)!;
      // Most recently favorited first.
      expect(listed.favoriteMovieIds).toEqual(favorites.map((key) => movieIds.get(key)!).reverse());
    }
    expect(items).toHaveLength((await query(t.database.handle, 'select 1 from user_account')).length);
    expect((await anonymous.get('/users')).statusCode).toBe(401);
  });

  it('4. every director with the average budget of their movies', async () => {
    const response = await anonymous.get('/persons?role=director&sort=-directingBudgetAverage&pageSize=100');
    const expected = descendingBy(
      PEOPLE.filter((p) => MOVIES.some((m) => m.director === p)).map((p) => {
        const budgets = MOVIES.filter((m) => m.director === p && m.budget !== undefined).map((m) => m.budget!);
        return {
          id: personIds.get(p)!,
          directingBudgetAverage: budgets.length ? budgets.reduce((a, b) => a + b, 0) / budgets.length : null,
        };
      }),
      (row) => row.directingBudgetAverage,
    );
    const items = response.json<{ items: Person[] }>().items;
    expect(items.map((p) => ({ id: p.id, directingBudgetAverage: p.directingBudgetAverage }))).toEqual(expected);
    // Nolan: (100M + 205M) / 2. Villeneuve: only Dune's budget is known.
    expect(items.find((p) => p.id === personIds.get('nolan'))!.directingBudgetAverage).toBe(152_500_000);
    expect(items.find((p) => p.id === personIds.get('villeneuve'))!.directingBudgetAverage).toBe(190_000_000);
  });

  it('5. the movies from one country, since 2022-01-01, longer than 2 h 15 min, in Action or Drama, with poster and director', async () => {
    const response = await anonymous.get('/movies?country=US&releasedFrom=2022-01-01&minDuration=136&genre=Action|Drama&sort=releaseDate');
    const expected = MOVIES.filter(
      (m) =>
        m.country === 'US' &&
        !!m.releaseDate &&
        m.releaseDate >= '2022-01-01' &&
        (m.durationMinutes ?? 0) >= 136 &&
        m.genres.some((g) => g === 'Action' || g === 'Drama'),
    ).sort((a, b) => (a.releaseDate! < b.releaseDate! ? -1 : 1));
    const items = response.json<{
      items: { id: number; poster: { sizes: { w185: string } } | null; director: { id: number; photo: unknown } | null }[];
    }>().items;
    expect(items.map((m) => m.id)).toEqual(expected.map((m) => movieIds.get(m.key)));
    expect(items.map((m) => m.director?.id)).toEqual(expected.map((m) => personIds.get(m.director!)));
    for (const movie of items) {
      expect(movie.poster?.sizes.w185).toMatch(/\/w185\.webp$/);
      expect(movie.director?.photo).toMatchObject({ mimeType: 'image/jpeg' });
    }
  });

  it('6. everything about one movie: director with photo, actors with photos, genres, poster', async () => {
    const dune = MOVIES[0]!;
    const response = await anonymous.get(`/movies/${movieIds.get('dune2')}`);
    type Photo = { publicUrl: string; sizes: Record<string, string> } | null;
    const movie = response.json<{
      title: string;
      poster: Photo;
      director: { id: number; photo: Photo };
      genres: { name: string }[];
      characters: { actor: { id: number; photo: Photo } }[];
    }>();
    expect(movie.title).toBe(dune.title);
    expect(movie.director.id).toBe(personIds.get('villeneuve'));
    expect(movie.director.photo?.sizes.w92).toMatch(/\/w92\.webp$/);
    expect(movie.poster?.publicUrl).toMatch(/\/original\.jpg$/);
    expect(movie.genres.map((g) => g.name)).toEqual([...dune.genres].sort());
    expect(movie.characters.map((c) => c.actor.id)).toEqual(dune.cast.map((p) => personIds.get(p)));
    expect(movie.characters.every((c) => c.actor.photo?.publicUrl.endsWith('/original.jpg'))).toBe(true);
    // The one movie without a poster says so.
    expect((await anonymous.get(`/movies/${movieIds.get('old')}`)).json()).toMatchObject({ poster: null });
  });
});
