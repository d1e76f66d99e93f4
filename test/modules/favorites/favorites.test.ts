// Favorites: idempotent adds and removes, a paged list of movie summaries, and nobody else's.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { createMovie, signInAs, type SignedIn } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();

const api = (method: 'GET' | 'PUT' | 'DELETE', url: string, who?: SignedIn) =>
  t.app.inject({ method, url: `/api/v1${url}`, headers: who?.headers ?? {} });

interface FavoritePage {
  items: { id: number; title: string; favoritedAt: string; favoritesCount: number; [key: string]: unknown }[];
  total: number;
  page: number;
  pageSize: number;
}

describe('favorites', () => {
  it('adds twice and keeps one, removes twice without complaint', async () => {
    const ana = await signInAs(t, 'user');
    const movie = await createMovie(t);
    expect((await api('PUT', `/me/favorites/${movie.id}`, ana)).statusCode).toBe(204);
    const firstDate = (await api('GET', '/me/favorites', ana)).json<FavoritePage>().items[0]!.favoritedAt;
    expect((await api('PUT', `/me/favorites/${movie.id}`, ana)).statusCode).toBe(204);

    const listed = (await api('GET', '/me/favorites?includeTotal=true', ana)).json<FavoritePage>();
    expect(listed.total).toBe(1);
    expect(listed.items.map((m) => [m.id, m.favoritedAt])).toEqual([[movie.id, firstDate]]);

    expect((await api('DELETE', `/me/favorites/${movie.id}`, ana)).statusCode).toBe(204);
    expect((await api('DELETE', `/me/favorites/${movie.id}`, ana)).statusCode).toBe(204);
    expect((await api('GET', '/me/favorites?includeTotal=true', ana)).json<FavoritePage>()).toEqual({
      items: [],
      nextCursor: null,
      total: 0,
      page: 1,
      pageSize: 20,
    });
  });

  it('lists movie summaries, newest favorite first, with paging and the other order', async () => {
    const ana = await signInAs(t, 'user');
    const [director] = await query<{ id: number }>(
      t.database.handle,
      `insert into person (first_name, last_name) values ('Denis', 'Villeneuve') returning person_id as id`,
    );
    const movies = [];
    for (let i = 0; i < 5; i++)
      movies.push(
        await createMovie(t, {
          budget: 1_000_000 * (i + 1),
          durationMinutes: 90 + i,
          releaseDate: `202${i}-05-0${i + 1}`,
          countryCode: 'CA',
        }),
      );
    await query(t.database.handle, sql`update movie set director_id = ${director!.id} where movie_id = ${movies[0]!.id}`);
    await query(
      t.database.handle,
      sql`insert into movie_genre (movie_id, genre_id) select ${movies[0]!.id}, genre_id from genre where genre_name in ('Drama', 'Science Fiction')`,
    );
    for (const movie of movies) expect((await api('PUT', `/me/favorites/${movie.id}`, ana)).statusCode).toBe(204);
    // Favorited in a known order, a second apart as far as the list is concerned.
    for (const [i, movie] of movies.entries()) {
      await query(
        t.database.handle,
        sql`update favorite_movies set created_at = now() - make_interval(secs => ${100 - i}) where user_id = ${ana.user.id} and movie_id = ${movie.id}`,
      );
    }

    const newest = (await api('GET', '/me/favorites?pageSize=2&includeTotal=true', ana)).json<FavoritePage>();
    expect(newest).toMatchObject({ total: 5, page: 1, pageSize: 2 });
    expect(newest.items.map((m) => m.id)).toEqual([movies[4]!.id, movies[3]!.id]);
    const third = (await api('GET', '/me/favorites?pageSize=2&page=3', ana)).json<FavoritePage>();
    expect(third.items.map((m) => m.id)).toEqual([movies[0]!.id]);
    const oldest = (await api('GET', '/me/favorites?sort=favoritedAt&pageSize=100', ana)).json<FavoritePage>();
    expect(oldest.items.map((m) => m.id)).toEqual(movies.map((m) => m.id));

    expect(oldest.items[0]).toEqual({
      id: movies[0]!.id,
      tmdbId: null,
      title: movies[0]!.title,
      releaseDate: '2020-05-01',
      durationMinutes: 90,
      budget: 1_000_000,
      poster: null,
      country: { id: expect.any(Number) as number, code: 'CA', name: 'Canada' },
      director: { id: director!.id, firstName: 'Denis', lastName: 'Villeneuve', photo: null },
      genres: [
        { id: expect.any(Number) as number, name: 'Drama' },
        { id: expect.any(Number) as number, name: 'Science Fiction' },
      ],
      actorsCount: 0,
      favoritesCount: 1,
      originalTitle: null,
      originalLanguage: null,
      voteAverage: null,
      voteCount: null,
      popularity: null,
      favoritedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/) as string,
    });
  });

  it("never shows or changes another user's favorites", async () => {
    const [ana, bob] = [await signInAs(t, 'user'), await signInAs(t, 'user')];
    const movie = await createMovie(t);
    await api('PUT', `/me/favorites/${movie.id}`, ana);

    expect((await api('GET', '/me/favorites?includeTotal=true', bob)).json<FavoritePage>().total).toBe(0);
    // Bob removing "his" favorite of that movie leaves Ana's alone.
    expect((await api('DELETE', `/me/favorites/${movie.id}`, bob)).statusCode).toBe(204);
    const anas = (await api('GET', '/me/favorites', ana)).json<FavoritePage>();
    expect(anas.items.map((m) => m.id)).toEqual([movie.id]);
    // Bob favoriting it too counts twice, still one entry in each list.
    await api('PUT', `/me/favorites/${movie.id}`, bob);
    expect((await api('GET', '/me/favorites', ana)).json<FavoritePage>().items[0]!.favoritesCount).toBe(2);
    expect((await api('GET', '/me/favorites?includeTotal=true', bob)).json<FavoritePage>().total).toBe(1);
  });

  it('answers 404 for a movie that does not exist, and 400 for an id that is not one', async () => {
    const ana = await signInAs(t, 'user');
    const missing = await api('PUT', '/me/favorites/987654', ana);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ detail: 'No movie with id 987654.' });
    const bad = await api('PUT', '/me/favorites/abc', ana);
    expect(bad.json()).toMatchObject({ status: 400, errors: [{ in: 'path', field: 'movieId' }] });
    const badSort = await api('GET', '/me/favorites?sort=rating', ana);
    expect(badSort.json()).toMatchObject({ status: 400, errors: [{ in: 'query', field: 'sort' }] });
    expect(badSort.json<{ errors: { message: string }[] }>().errors[0]!.message).toMatch(
      /^must be one of: -favoritedAt, favoritedAt, -title/,
    );
  });

  it('refuses anonymous callers', async () => {
    const movie = await createMovie(t);
    for (const method of ['GET', 'PUT', 'DELETE'] as const) {
      const url = method === 'GET' ? '/me/favorites' : `/me/favorites/${movie.id}`;
      expect((await api(method, url)).statusCode, method).toBe(401);
    }
  });
});
