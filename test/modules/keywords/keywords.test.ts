// Keywords: looked up by part of the name (beginning first, then the most used), one by id, added by editors.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { type Client, clientFor, createMovie, signInAs } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();
let anonymous: Client;
let user: Client;
let editor: Client;
let admin: Client;

interface Keyword {
  id: number;
  name: string;
  moviesCount: number;
}

/** Keywords with as many movies each, straight into the database; answers their ids by name. */
async function keywordsWith(counts: Record<string, number>): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  for (const [name, movies] of Object.entries(counts)) {
    const [row] = await query<{ id: number }>(
      t.database.handle,
      sql`insert into keyword (name) values (${name}) returning keyword_id as id`,
    );
    ids[name] = row!.id;
    for (let i = 0; i < movies; i++) {
      const movie = await createMovie(t);
      await query(t.database.handle, sql`insert into movie_keyword (movie_id, keyword_id) values (${movie.id}, ${row!.id})`);
    }
  }
  return ids;
}

const names = async (qs: string) =>
  (await anonymous.get(`/keywords?${qs}`)).json<{ items: Keyword[] }>().items.map((k) => [k.name, k.moviesCount]);

const keywordCount = async () => (await query<{ n: number }>(t.database.handle, 'select count(*)::int as n from keyword'))[0]!.n;

let ids: Record<string, number>;

beforeAll(async () => {
  anonymous = clientFor(t);
  user = clientFor(t, await signInAs(t, 'user'));
  editor = clientFor(t, await signInAs(t, 'editor'));
  admin = clientFor(t, await signInAs(t, 'admin'));
  ids = await keywordsWith({
    'time travel': 3,
    'space travel': 1,
    Travel: 0,
    travelogue: 2,
    dystopia: 4,
    zero_gravity: 0,
    '100% true story': 1,
  });
});

describe('GET /api/v1/keywords', () => {
  it('answers the names containing q, without regard to case: those beginning with it first, then the most used', async () => {
    const expected = [
      ['travelogue', 2],
      ['Travel', 0],
      ['time travel', 3],
      ['space travel', 1],
    ];
    expect(await names('q=travel')).toEqual(expected);
    expect(await names('q=TRAVEL')).toEqual(expected);
    expect(await names('q=el')).toEqual([
      ['time travel', 3],
      ['travelogue', 2],
      ['space travel', 1],
      ['Travel', 0],
    ]);
    expect(await names('q=nothing like it')).toEqual([]);
  });

  it('answers each with its id, name and movie count', async () => {
    const response = await anonymous.get('/keywords?q=dysto');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [{ id: ids.dystopia, name: 'dystopia', moviesCount: 4 }] });
  });

  it('matches LIKE wildcards in q literally', async () => {
    expect(await names('q=%25')).toEqual([['100% true story', 1]]);
    expect(await names('q=_')).toEqual([['zero_gravity', 0]]);
    expect(await names('q=o_g')).toEqual([['zero_gravity', 0]]);
    expect(await names('q=e%25')).toEqual([]);
  });

  it('without q, answers the most used first, then by name, up to limit', async () => {
    expect(await names('')).toEqual([
      ['dystopia', 4],
      ['time travel', 3],
      ['travelogue', 2],
      ['100% true story', 1],
      ['space travel', 1],
      ['Travel', 0],
      ['zero_gravity', 0],
    ]);
    expect(await names('limit=2')).toEqual([
      ['dystopia', 4],
      ['time travel', 3],
    ]);
    expect(await names('q=travel&limit=1')).toEqual([['travelogue', 2]]);
  });

  it('answers 20 by default and at most 100', async () => {
    await query(t.database.handle, `insert into keyword (name) select 'bulk ' || lpad(n::text, 3, '0') from generate_series(0, 119) n`);
    expect((await anonymous.get('/keywords?q=bulk')).json<{ items: unknown[] }>().items).toHaveLength(20);
    const hundred = (await anonymous.get('/keywords?q=bulk&limit=100')).json<{ items: Keyword[] }>().items;
    expect(hundred).toHaveLength(100);
    // All unused: by name.
    expect(hundred[0]!.name).toBe('bulk 000');
    expect(hundred[99]!.name).toBe('bulk 099');
  });

  it.each([
    ['q=', 'q'],
    [`q=${'x'.repeat(101)}`, 'q'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['limit=many', 'limit'],
    ['pageSize=10', 'pageSize'],
  ])('refuses ?%s with a problem naming %s', async (qs, field) => {
    const response = await anonymous.get(`/keywords?${qs}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<{ errors: { in: string; field: string }[] }>().errors).toEqual([expect.objectContaining({ in: 'query', field })]);
  });

  it('takes a q of 100 characters', async () => {
    expect((await anonymous.get(`/keywords?q=${'x'.repeat(100)}`)).json()).toEqual({ items: [] });
  });
});

describe('GET /api/v1/keywords/{id}', () => {
  it('answers the keyword with its movie count', async () => {
    const response = await anonymous.get(`/keywords/${ids['time travel']}`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ id: ids['time travel'], name: 'time travel', moviesCount: 3 });
  });

  it('answers 404 problem for an unknown id, 400 for a bad one', async () => {
    const missing = await anonymous.get('/keywords/987654');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.json()).toMatchObject({ status: 404, detail: 'No keyword with id 987654.' });
    const bad = await anonymous.get('/keywords/0');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ errors: [{ in: 'path', field: 'id' }] });
  });
});

describe('POST /api/v1/keywords', () => {
  it('refuses anonymous callers (401) and plain users (403), adding nothing', async () => {
    const before = await keywordCount();
    expect((await anonymous.post('/keywords', { name: 'heist' })).statusCode).toBe(401);
    expect((await user.post('/keywords', { name: 'heist' })).statusCode).toBe(403);
    expect(await keywordCount()).toBe(before);
  });

  it('adds a keyword for an editor or an admin, trimmed, with no movies', async () => {
    const response = await editor.post('/keywords', { name: '  heist  ' });
    expect(response.statusCode).toBe(201);
    const added = response.json<Keyword>();
    expect(added).toEqual({ id: expect.any(Number) as number, name: 'heist', moviesCount: 0 });
    expect((await anonymous.get(`/keywords/${added.id}`)).json()).toEqual(added);

    const byAdmin = await admin.post('/keywords', { name: 'a'.repeat(200) });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json<Keyword>().name).toHaveLength(200);
  });

  it('refuses a name that exists, without regard to case (409 naming name), adding nothing', async () => {
    const before = await keywordCount();
    const response = await editor.post('/keywords', { name: 'TIME Travel ' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      status: 409,
      detail: 'A keyword with that name exists.',
      errors: [{ in: 'body', field: 'name', message: 'is taken' }],
    });
    expect(await keywordCount()).toBe(before);
  });

  it('adds one of two racing adds of the same name', async () => {
    const answers = await Promise.all([editor.post('/keywords', { name: 'race' }), admin.post('/keywords', { name: 'RACE' })]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
    expect(await query(t.database.handle, "select name from keyword where lower(name) = 'race'")).toHaveLength(1);
  });

  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: '   ' }, 'name'],
    [{ name: 'a'.repeat(201) }, 'name'],
    [{ name: 42 }, 'name'],
    [{ name: 'ok', tmdbId: 5 }, 'tmdbId'],
  ])('refuses %o with 400 naming %s, adding nothing', async (body, field) => {
    const before = await keywordCount();
    const response = await editor.post('/keywords', body);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { in: string; field: string }[] }>().errors).toEqual([expect.objectContaining({ in: 'body', field })]);
    expect(await keywordCount()).toBe(before);
  });
});
