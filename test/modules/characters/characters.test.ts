// Characters: who may write, validation, the principal actor among the performers, paging.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { type Client, clientFor, created, signInAs } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();
let editor: Client;
let user: Client;
let anonymous: Client;
let movieId: number;
const person = async (firstName: string) =>
  (await created<{ id: number }>(await editor.post('/persons', { firstName, lastName: 'Test' }))).id;

beforeAll(async () => {
  editor = clientFor(t, await signInAs(t, 'editor'));
  user = clientFor(t, await signInAs(t, 'user'));
  anonymous = clientFor(t);
  movieId = (await created<{ id: number }>(await editor.post('/movies', { title: 'Ensemble' }))).id;
});

interface CharacterDoc {
  id: number;
  name: string;
  role: string;
  billingOrder: number | null;
  actor: { id: number } | null;
  performers: { id: number }[];
}

describe('characters', () => {
  it('creates, changes and deletes a character; only editors may', async () => {
    const actor = await person('Ana');
    const body = { name: 'Detective', description: 'Tired.', role: 'leading', actorId: actor, billingOrder: 0 };
    expect((await anonymous.post(`/movies/${movieId}/characters`, body)).statusCode).toBe(401);
    expect((await user.post(`/movies/${movieId}/characters`, body)).statusCode).toBe(403);

    const character = await created<CharacterDoc>(await editor.post(`/movies/${movieId}/characters`, body));
    expect(character).toEqual({
      id: expect.any(Number) as number,
      name: 'Detective',
      description: 'Tired.',
      role: 'leading',
      billingOrder: 0,
      actor: { id: actor, firstName: 'Ana', lastName: 'Test', photo: null },
      performers: [{ id: actor, firstName: 'Ana', lastName: 'Test', photo: null }],
    });

    expect((await user.patch(`/characters/${character.id}`, { name: 'Hacked' })).statusCode).toBe(403);
    const changed = await editor.patch(`/characters/${character.id}`, { role: 'supporting', description: null });
    expect(changed.json()).toMatchObject({ name: 'Detective', role: 'supporting', description: null });

    expect((await user.delete(`/characters/${character.id}`)).statusCode).toBe(403);
    expect((await editor.delete(`/characters/${character.id}`)).statusCode).toBe(204);
    expect((await editor.delete(`/characters/${character.id}`)).statusCode).toBe(404);
    expect(await query(t.database.handle, `select * from actor_roles where character_id = ${character.id}`)).toEqual([]);
  });

  it.each([
    [{ name: '', role: 'leading' }, 'name'],
    [{ name: 'X', role: 'cameo' }, 'role'],
    [{ name: 'X' }, 'role'],
    [{ name: 'X', role: 'leading', billingOrder: -1 }, 'billingOrder'],
    [{ name: 'X', role: 'leading', actorId: 'someone' }, 'actorId'],
  ])('refuses %o with 400 naming %s', async (body, field) => {
    const response = await editor.post(`/movies/${movieId}/characters`, body);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
  });

  it('refuses bad changes with 400 naming the field, changing nothing', async () => {
    const character = await created<CharacterDoc>(await editor.post(`/movies/${movieId}/characters`, { name: 'Steady', role: 'leading' }));
    for (const [body, field] of [
      [{ role: 'hero' }, 'role'],
      [{ name: '  ' }, 'name'],
      [{ billingOrder: -3 }, 'billingOrder'],
      [{}, 'body'],
      [{ nickname: 'x' }, 'nickname'],
    ] as const) {
      const response = await editor.patch(`/characters/${character.id}`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
    expect((await editor.patch(`/characters/${character.id}`, { actorId: 987_654 })).statusCode).toBe(422);
    const [row] = await query(
      t.database.handle,
      `select name, role, billing_order, actor_id from "character" where character_id = ${character.id}`,
    );
    expect(row).toEqual({ name: 'Steady', role: 'leading', billing_order: null, actor_id: null });
  });

  it('answers 404 for the performers of an unknown character, and refuses anonymous callers', async () => {
    const actor = await person('Nobody');
    expect((await editor.put('/characters/987654/actors', { actorIds: [actor] })).statusCode).toBe(404);
    const character = await created<CharacterDoc>(await editor.post(`/movies/${movieId}/characters`, { name: 'Guarded', role: 'leading' }));
    expect((await anonymous.put(`/characters/${character.id}/actors`, { actorIds: [actor] })).statusCode).toBe(401);
    expect((await anonymous.patch(`/characters/${character.id}`, { name: 'X' })).statusCode).toBe(401);
    expect((await anonymous.delete(`/characters/${character.id}`)).statusCode).toBe(401);
  });

  it('refuses an actor that does not exist with 422, and a movie that does not with 404', async () => {
    const response = await editor.post(`/movies/${movieId}/characters`, { name: 'Ghost', role: 'background', actorId: 987_654 });
    expect(response.json()).toMatchObject({ status: 422, errors: [{ field: 'actorId', message: 'names no person: 987654' }] });
    expect(await query(t.database.handle, `select 1 from "character" where name = 'Ghost'`)).toEqual([]);
    expect((await editor.post('/movies/987654/characters', { name: 'Lost', role: 'leading' })).statusCode).toBe(404);
    expect((await editor.patch('/characters/987654', { name: 'Lost' })).statusCode).toBe(404);
  });

  it('sets the performers: the principal must be among them', async () => {
    const [older, younger, voice] = [await person('Older'), await person('Younger'), await person('Voice')];
    const character = await created<CharacterDoc>(
      await editor.post(`/movies/${movieId}/characters`, { name: 'Hero', role: 'leading', actorId: older }),
    );
    const set = await editor.put(`/characters/${character.id}/actors`, { actorIds: [younger, older, voice] });
    expect(set.statusCode).toBe(200);
    // The principal first, then by name (Voice before Younger).
    expect(set.json<CharacterDoc>().performers.map((p) => p.id)).toEqual([older, voice, younger]);

    const withoutPrincipal = await editor.put(`/characters/${character.id}/actors`, { actorIds: [younger] });
    expect(withoutPrincipal.statusCode).toBe(422);
    expect(withoutPrincipal.json()).toMatchObject({
      errors: [{ field: 'actorIds', message: `must include the principal actor ${older}` }],
    });

    const fewer = await editor.put(`/characters/${character.id}/actors`, { actorIds: [older] });
    expect(fewer.json<CharacterDoc>().performers.map((p) => p.id)).toEqual([older]);

    expect((await editor.put(`/characters/${character.id}/actors`, { actorIds: [older, 987_654] })).statusCode).toBe(422);
    expect((await editor.put(`/characters/${character.id}/actors`, { actorIds: [older, older] })).statusCode).toBe(400);
    expect((await user.put(`/characters/${character.id}/actors`, { actorIds: [older] })).statusCode).toBe(403);
  });

  it('makes the first performer the principal when there is none; a new principal joins the performers', async () => {
    const [first, second] = [await person('First'), await person('Second')];
    const character = await created<CharacterDoc>(
      await editor.post(`/movies/${movieId}/characters`, { name: 'Crowd', role: 'background' }),
    );
    const set = (await editor.put(`/characters/${character.id}/actors`, { actorIds: [second, first] })).json<CharacterDoc>();
    expect(set.actor?.id).toBe(second);

    const third = await person('Third');
    const moved = (await editor.patch(`/characters/${character.id}`, { actorId: third })).json<CharacterDoc>();
    expect(moved.actor?.id).toBe(third);
    expect(new Set(moved.performers.map((p) => p.id))).toEqual(new Set([first, second, third]));
  });

  it('lists a movie characters in credits order, with paging', async () => {
    const movie = (await created<{ id: number }>(await editor.post('/movies', { title: 'Paged Cast' }))).id;
    for (const [name, billingOrder] of [
      ['C', 2],
      ['A', 0],
      ['Unbilled', null],
      ['B', 1],
    ] as const) {
      await created(await editor.post(`/movies/${movie}/characters`, { name, role: 'supporting', billingOrder }));
    }
    const page = (await anonymous.get(`/movies/${movie}/characters?pageSize=3`)).json<{ items: CharacterDoc[]; total: number }>();
    expect(page.total).toBe(4);
    expect(page.items.map((c) => c.name)).toEqual(['A', 'B', 'C']);
    const second = (await anonymous.get(`/movies/${movie}/characters?pageSize=3&page=2`)).json<{ items: CharacterDoc[] }>();
    expect(second.items.map((c) => c.name)).toEqual(['Unbilled']);
    expect((await anonymous.get('/movies/987654/characters')).statusCode).toBe(404);
  });
});

describe('replacing a cast (PUT /movies/{id}/characters)', () => {
  interface Cast {
    items: CharacterDoc[];
  }
  const castRows = async (movie: number) =>
    query(
      t.database.handle,
      `select name, role, billing_order, actor_id from "character" where movie_id = ${movie} order by billing_order nulls last, character_id`,
    );

  it('keeps, changes, adds, reorders and deletes in one request', async () => {
    const movie = (await created<{ id: number }>(await editor.post('/movies', { title: 'Recast' }))).id;
    const [ana, ben, cid, dee] = [await person('Ana'), await person('Ben'), await person('Cid'), await person('Dee')];
    const hero = await created<CharacterDoc>(
      await editor.post(`/movies/${movie}/characters`, { name: 'Hero', role: 'leading', actorId: ana, billingOrder: 0 }),
    );
    await editor.put(`/characters/${hero.id}/actors`, { actorIds: [ana, dee] });
    const villain = await created<CharacterDoc>(
      await editor.post(`/movies/${movie}/characters`, { name: 'Villain', role: 'supporting', billingOrder: 1 }),
    );
    const extra = await created<CharacterDoc>(await editor.post(`/movies/${movie}/characters`, { name: 'Extra', role: 'background' }));

    const response = await editor.put(`/movies/${movie}/characters`, {
      characters: [
        { id: villain.id, name: 'Big Villain', actorId: cid },
        { name: 'Sidekick', role: 'supporting', actorId: ben, description: 'Loyal.' },
        { id: hero.id, actorId: ben },
      ],
    });
    expect(response.statusCode).toBe(200);
    const cast = response.json<Cast>().items;
    expect(cast.map((c) => [c.name, c.role, c.billingOrder, c.actor?.id ?? null])).toEqual([
      ['Big Villain', 'supporting', 0, cid],
      ['Sidekick', 'supporting', 1, ben],
      ['Hero', 'leading', 2, ben],
    ]);
    // The principal replaced (Ana) left; Dee, who also played the hero, stayed.
    expect(cast[2]!.performers.map((p) => p.id)).toEqual([ben, dee]);
    expect(cast[1]).toMatchObject({ description: 'Loyal.', performers: [{ id: ben }] });
    expect(await query(t.database.handle, `select 1 from "character" where character_id = ${extra.id}`)).toEqual([]);
    expect((await anonymous.get(`/movies/${movie}/characters`)).json<Cast>().items).toEqual(cast);

    const cleared = await editor.put(`/movies/${movie}/characters`, { characters: [] });
    expect(cleared.json()).toEqual({ items: [] });
    expect(await castRows(movie)).toEqual([]);
  });

  it('refuses callers who are not editors, changing nothing', async () => {
    const movie = (await created<{ id: number }>(await editor.post('/movies', { title: 'Guarded Cast' }))).id;
    await created(await editor.post(`/movies/${movie}/characters`, { name: 'Stays', role: 'leading', billingOrder: 0 }));
    const body = { characters: [{ name: 'Intruder', role: 'leading' }] };
    expect((await anonymous.put(`/movies/${movie}/characters`, body)).statusCode).toBe(401);
    expect((await user.put(`/movies/${movie}/characters`, body)).statusCode).toBe(403);
    expect(await castRows(movie)).toEqual([{ name: 'Stays', role: 'leading', billing_order: 0, actor_id: null }]);
  });

  it('refuses a bad cast with the row and field named, changing nothing', async () => {
    const movie = (await created<{ id: number }>(await editor.post('/movies', { title: 'Strict Cast' }))).id;
    const other = (await created<{ id: number }>(await editor.post('/movies', { title: 'Other Cast' }))).id;
    const kept = await created<CharacterDoc>(
      await editor.post(`/movies/${movie}/characters`, { name: 'Kept', role: 'leading', billingOrder: 0 }),
    );
    const foreign = await created<CharacterDoc>(await editor.post(`/movies/${other}/characters`, { name: 'Foreign', role: 'leading' }));
    const before = await castRows(movie);

    for (const [characters, status, field] of [
      [[{ id: kept.id }, { name: 'New' }], 422, 'characters.1.role'],
      [[{ id: kept.id }, { role: 'leading' }], 422, 'characters.1.name'],
      [[{ id: foreign.id, name: 'Stolen' }], 422, 'characters.0.id'],
      [[{ id: kept.id }, { id: kept.id }], 422, 'characters.1.id'],
      [[{ id: kept.id, actorId: 987_654 }], 422, 'characters.0.actorId'],
      [[{ id: kept.id, role: 'hero' }], 400, 'characters.0.role'],
      [[{ id: kept.id, name: ' ' }], 400, 'characters.0.name'],
      [[{ id: kept.id, nickname: 'x' }], 400, 'characters.0.nickname'],
      [Array.from({ length: 1001 }, () => ({ name: 'Crowd', role: 'background' })), 400, 'characters'],
    ] as const) {
      const response = await editor.put(`/movies/${movie}/characters`, { characters });
      expect(response.statusCode, field).toBe(status);
      expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    }
    expect((await editor.put(`/movies/${movie}/characters`, {})).statusCode).toBe(400);
    expect(await castRows(movie)).toEqual(before);
    expect((await editor.put('/movies/987654/characters', { characters: [] })).statusCode).toBe(404);
  });
});
