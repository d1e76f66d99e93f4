// The derived columns (search keys and documents, genre ids, favorites counts, people's figures)
// follow every write the API makes: after each step, every row equals a recount from the source
// tables, and the figures clients see have the values the credits give.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { type Client, clientFor, created, signInAs } from '../helpers/builders.js';
import { derivedDrift, query } from '../helpers/database.js';

const t = useTestApp();
let editor: Client;
let anonymous: Client;

beforeAll(async () => {
  editor = clientFor(t, await signInAs(t, 'editor'));
  anonymous = clientFor(t);
});

const drift = () => derivedDrift(t.database.handle);

interface Figures {
  moviesActed: number;
  actingBudgetTotal: number;
  moviesDirected: number;
  directingBudgetAverage: number | null;
}

const figures = async (id: number): Promise<Figures> => {
  const { moviesActed, actingBudgetTotal, moviesDirected, directingBudgetAverage } = (
    await anonymous.get(`/persons/${id}`)
  ).json<Figures>();
  return { moviesActed, actingBudgetTotal, moviesDirected, directingBudgetAverage };
};

describe('derived columns', () => {
  it('follow credits, budgets, directors, genres, favorites and titles through every write', async () => {
    const person = async (firstName: string, lastName: string) =>
      (await created<{ id: number }>(await editor.post('/persons', { firstName, lastName }))).id;
    const ana = await person('Ana', 'Actor');
    const ben = await person('Ben', 'Both');
    const dee = await person('Dee', 'Director');
    const [drama, crime] = (
      await query<{ id: number }>(
        t.database.handle,
        `select genre_id as id from genre where genre_name in ('Drama', 'Crime') order by genre_name`,
      )
    ).map((g) => g.id);

    const first = (
      await created<{ id: number }>(
        await editor.post('/movies', { title: 'First Light', budget: 100, directorId: dee, genreIds: [drama, crime] }),
      )
    ).id;
    const second = (await created<{ id: number }>(await editor.post('/movies', { title: 'Second Wind', directorId: dee }))).id;
    const character = async (movieId: number, actorId: number) =>
      (await created<{ id: number }>(await editor.post(`/movies/${movieId}/characters`, { name: 'Someone', role: 'leading', actorId }))).id;
    await character(first, ana);
    await character(first, ana); // two characters, one movie: counted once
    const inSecond = await character(second, ana);
    const shared = await character(first, dee);
    expect((await editor.put(`/characters/${shared}/actors`, { actorIds: [dee, ben] })).statusCode).toBe(200);

    expect(await figures(ana)).toEqual({ moviesActed: 2, actingBudgetTotal: 100, moviesDirected: 0, directingBudgetAverage: null });
    expect(await figures(ben)).toEqual({ moviesActed: 1, actingBudgetTotal: 100, moviesDirected: 0, directingBudgetAverage: null });
    expect(await figures(dee)).toEqual({ moviesActed: 1, actingBudgetTotal: 100, moviesDirected: 2, directingBudgetAverage: 100 });
    expect(await drift()).toEqual([]);

    // A budget counts for the cast and the director; a new director takes the movie's figures along.
    await editor.patch(`/movies/${second}`, { budget: 300 });
    expect(await figures(ana)).toMatchObject({ actingBudgetTotal: 400 });
    expect(await figures(dee)).toMatchObject({ directingBudgetAverage: 200 });
    await editor.patch(`/movies/${first}`, { directorId: ben });
    expect(await figures(dee)).toMatchObject({ moviesDirected: 1, directingBudgetAverage: 300 });
    expect(await figures(ben)).toMatchObject({ moviesDirected: 1, directingBudgetAverage: 100 });
    expect(await drift()).toEqual([]);

    // Credits removed, a movie deleted: the figures come down again.
    expect((await editor.delete(`/characters/${inSecond}`)).statusCode).toBe(204);
    expect(await figures(ana)).toMatchObject({ moviesActed: 1, actingBudgetTotal: 100 });
    expect((await editor.delete(`/movies/${first}`)).statusCode).toBe(204);
    expect(await figures(ana)).toEqual({ moviesActed: 0, actingBudgetTotal: 0, moviesDirected: 0, directingBudgetAverage: null });
    expect(await figures(ben)).toEqual({ moviesActed: 0, actingBudgetTotal: 0, moviesDirected: 0, directingBudgetAverage: null });
    expect(await drift()).toEqual([]);

    // Genres and titles: the filters and the search see the change at once.
    await editor.patch(`/movies/${second}`, { genreIds: [crime], title: 'Second Thoughts' });
    const crimes = (await anonymous.get(`/movies?genre=${crime}`)).json<{ items: { id: number }[] }>().items.map((m) => m.id);
    expect(crimes).toEqual([second]);
    const found = (await anonymous.get('/search?q=thoughts')).json<{ movies: { id: number }[] }>().movies.map((m) => m.id);
    expect(found).toEqual([second]);
    expect((await anonymous.get('/search?q=wind')).json<{ movies: unknown[] }>().movies).toEqual([]);
    expect(await drift()).toEqual([]);
  });

  it("count favorites without moving the movie's updated_at, and forget those of a deleted user", async () => {
    const movie = await created<{ id: number; updatedAt: string }>(await editor.post('/movies', { title: 'Liked' }));
    const fans = await Promise.all([1, 2, 3].map(() => signInAs(t, 'user')));
    for (const fan of fans) expect((await clientFor(t, fan).put(`/me/favorites/${movie.id}`)).statusCode).toBe(204);
    await clientFor(t, fans[0]).put(`/me/favorites/${movie.id}`); // again: still one favorite
    const after = (await anonymous.get(`/movies/${movie.id}`)).json<{ favoritesCount: number; updatedAt: string }>();
    expect(after).toMatchObject({ favoritesCount: 3, updatedAt: movie.updatedAt });
    await clientFor(t, fans[1]).delete(`/me/favorites/${movie.id}`);
    expect((await clientFor(t, fans[2]).delete('/me')).statusCode).toBe(204);
    expect((await anonymous.get(`/movies/${movie.id}`)).json<{ favoritesCount: number }>().favoritesCount).toBe(1);
    expect(await drift()).toEqual([]);
  });
});
