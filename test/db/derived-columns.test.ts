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

const person = async (firstName: string, lastName: string) =>
  (await created<{ id: number }>(await editor.post('/persons', { firstName, lastName }))).id;

describe('derived columns', () => {
  it('follow credits, budgets, directors, genres, favorites and titles through every write', async () => {
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

  it('keep the search weights and postings through votes, billing, crew credits, renames and favorites', async () => {
    const lead = await person('Wendy', 'Weighty');
    const extra = await person('Weighty', 'Walker');
    const writer = await person('Wanda', 'Weighty');
    const movie = (await created<{ id: number }>(await editor.post('/movies', { title: 'Weighed Anchor', originalTitle: 'Ancre Pesée' })))
      .id;
    const character = (
      await created<{ id: number }>(
        await editor.post(`/movies/${movie}/characters`, { name: 'Captain', role: 'leading', actorId: lead, billingOrder: 0 }),
      )
    ).id;
    await created(
      await editor.post(`/movies/${movie}/characters`, { name: 'Sailor', role: 'background', actorId: extra, billingOrder: 30 }),
    );
    const weights = async () =>
      new Map(
        (
          await query<{ id: number; weight: number }>(
            t.database.handle,
            `select person_id as id, search_weight as weight from person where person_id in (${lead}, ${extra}, ${writer})`,
          )
        ).map((row) => [Number(row.id), Number(row.weight)]),
      );
    // A key credit counts 1 + the votes, another a tenth of that.
    expect(await weights()).toEqual(
      new Map([
        [lead, 1],
        [extra, 0.1],
        [writer, 0],
      ]),
    );
    expect(await drift()).toEqual([]);

    // Votes move everyone credited; the original title is searched too.
    await editor.patch(`/movies/${movie}`, { voteCount: 999 });
    expect(await weights()).toEqual(
      new Map([
        [lead, 1000],
        [extra, 100],
        [writer, 0],
      ]),
    );
    const found = (await anonymous.get('/search?q=ancre%20pesee')).json<{ results: { kind: string; id: number; score: number }[] }>();
    expect(found.results[0]).toMatchObject({ kind: 'movie', id: movie });
    expect(found.results[0]!.score).toBeGreaterThanOrEqual(100);
    expect(await drift()).toEqual([]);

    // A surname typed alone: the holder of the surname before the better-known first name.
    await query(t.database.handle, `update "character" set billing_order = 0 where actor_id = ${extra}`);
    const surname = (await anonymous.get('/search?q=weighty')).json<{ persons: { id: number }[] }>().persons.map((p) => p.id);
    // Wendy Weighty (surname, 1,000) first; Weighty Walker (first name, as well known) after her.
    expect(surname[0]).toBe(lead);
    expect(surname).toEqual(expect.arrayContaining([extra, writer]));
    expect(await drift()).toEqual([]);

    // A billing past the first ten makes a credit minor; a crew credit written by SQL counts too.
    expect((await editor.patch(`/characters/${character}`, { billingOrder: 12 })).statusCode).toBe(200);
    expect((await weights()).get(lead)).toBe(100);
    await query(
      t.database.handle,
      `insert into crew_credit (movie_id, person_id, department_id, job)
       select ${movie}, ${writer}, department_id, 'Screenplay' from department where name = 'Writing'`,
    );
    expect((await weights()).get(writer)).toBe(1000);
    expect(await drift()).toEqual([]);
    await query(t.database.handle, `delete from crew_credit where person_id = ${writer}`);
    expect((await weights()).get(writer)).toBe(0);

    // A rename rewrites the postings; favorites move the movie's weight.
    await editor.patch(`/persons/${writer}`, { lastName: 'Lightly' });
    const renamed = (await anonymous.get('/search?q=lightly')).json<{ persons: { id: number }[] }>().persons.map((p) => p.id);
    expect(renamed).toEqual([writer]);
    const fan = await signInAs(t, 'user');
    expect((await clientFor(t, fan).put(`/me/favorites/${movie}`)).statusCode).toBe(204);
    const [row] = await query<{ weight: number }>(t.database.handle, `select search_weight as weight from movie where movie_id = ${movie}`);
    expect(Number(row!.weight)).toBe(1019);
    expect(await drift()).toEqual([]);
  });
});
