// Production companies: looked up by part of the name, a page with the most popular movies, added by editors.
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

interface CountryRef {
  id: number;
  code: string;
  name: string;
}
interface Company {
  id: number;
  name: string;
  originCountry: CountryRef | null;
  moviesCount: number;
}
interface MovieRef {
  id: number;
  title: string;
  releaseDate: string | null;
  poster: Record<string, unknown> | null;
}

let us: CountryRef;
let fr: CountryRef;

async function country(code: string): Promise<CountryRef> {
  const [row] = await query<CountryRef>(t.database.handle, sql`select country_id as id, code, name from country where code = ${code}`);
  return row!;
}

async function newCompany(name: string, originCountryId: number | null = null): Promise<number> {
  const [row] = await query<{ id: number }>(
    t.database.handle,
    sql`insert into company (name, origin_country_id) values (${name}, ${originCountryId}) returning company_id as id`,
  );
  return row!.id;
}

/** A movie of the company, at that position, with TMDB's popularity (or none). */
async function movieOf(companyId: number, values: { title?: string; popularity?: number | null; releaseDate?: string; position?: number }) {
  const movie = await createMovie(t, {
    ...(values.title ? { title: values.title } : {}),
    ...(values.releaseDate ? { releaseDate: values.releaseDate } : {}),
  });
  await query(t.database.handle, sql`update movie set popularity = ${values.popularity ?? null} where movie_id = ${movie.id}`);
  await query(
    t.database.handle,
    sql`insert into movie_company (movie_id, company_id, position) values (${movie.id}, ${companyId}, ${values.position ?? 0})`,
  );
  return movie;
}

const companyCount = async () => (await query<{ n: number }>(t.database.handle, 'select count(*)::int as n from company'))[0]!.n;

const list = async (qs: string) =>
  (await anonymous.get(`/companies?${qs}`)).json<{ items: Company[] }>().items.map((c) => [c.name, c.moviesCount]);

let ids: Record<string, number>;

beforeAll(async () => {
  anonymous = clientFor(t);
  user = clientFor(t, await signInAs(t, 'user'));
  editor = clientFor(t, await signInAs(t, 'editor'));
  admin = clientFor(t, await signInAs(t, 'admin'));
  us = await country('US');
  fr = await country('FR');
  ids = {
    pixar: await newCompany('Pixar Animation Studios', us.id),
    walt: await newCompany('Walt Disney Pictures', us.id),
    studio: await newCompany('Studio Canal', fr.id),
    canal: await newCompany('Canal+', fr.id),
    anon: await newCompany('Studio 100%', null),
  };
  for (let i = 0; i < 3; i++) await movieOf(ids.walt!, { popularity: i });
  for (let i = 0; i < 2; i++) await movieOf(ids.studio!, { popularity: i });
  await movieOf(ids.canal!, { popularity: 1 });
});

describe('GET /api/v1/companies', () => {
  it('answers the names containing q, without regard to case: beginning with it first, then those with the most movies', async () => {
    expect(await list('q=STUDIO')).toEqual([
      ['Studio Canal', 2],
      ['Studio 100%', 0],
      ['Pixar Animation Studios', 0],
    ]);
    expect(await list('q=canal')).toEqual([
      ['Canal+', 1],
      ['Studio Canal', 2],
    ]);
    expect(await list('q=%25')).toEqual([['Studio 100%', 0]]);
    expect(await list('q=_')).toEqual([]);
  });

  it('answers each with its origin country and movie count', async () => {
    const response = await anonymous.get('/companies?q=s');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      items: [
        { id: ids.studio, name: 'Studio Canal', originCountry: fr, moviesCount: 2 },
        { id: ids.anon, name: 'Studio 100%', originCountry: null, moviesCount: 0 },
        { id: ids.walt, name: 'Walt Disney Pictures', originCountry: us, moviesCount: 3 },
        { id: ids.pixar, name: 'Pixar Animation Studios', originCountry: us, moviesCount: 0 },
      ],
    });
  });

  it('without q, answers those with the most movies first, then by name, up to limit', async () => {
    expect(await list('')).toEqual([
      ['Walt Disney Pictures', 3],
      ['Studio Canal', 2],
      ['Canal+', 1],
      ['Pixar Animation Studios', 0],
      ['Studio 100%', 0],
    ]);
    expect(await list('limit=2')).toEqual([
      ['Walt Disney Pictures', 3],
      ['Studio Canal', 2],
    ]);
  });

  it.each([
    ['q=', 'q'],
    [`q=${'x'.repeat(101)}`, 'q'],
    ['limit=0', 'limit'],
    ['limit=101', 'limit'],
    ['country=US', 'country'],
  ])('refuses ?%s with a problem naming %s', async (qs, field) => {
    const response = await anonymous.get(`/companies?${qs}`);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json<{ errors: { in: string; field: string }[] }>().errors).toEqual([expect.objectContaining({ in: 'query', field })]);
  });
});

describe('GET /api/v1/companies/{id}', () => {
  it('answers the company with its 50 most popular movies: by popularity, then id', async () => {
    const big = await newCompany('Big Studio', us.id);
    const made: { id: number; title: string; score: number }[] = [];
    // 52 movies: popularity 0..51 in a shuffled order, two of them tied, and two with no popularity
    // (ranked by favorites and votes instead, below 1).
    for (let i = 0; i < 52; i++) {
      const popularity = (i * 7) % 52;
      const movie = await movieOf(big, { title: `Big ${i}`, popularity, releaseDate: '2001-02-03', position: i });
      made.push({ ...movie, score: popularity });
    }
    const tied = await movieOf(big, { title: 'Big tied', popularity: 51, position: 52 });
    made.push({ ...tied, score: 51 });
    const unrated = await movieOf(big, { title: 'Big unrated', popularity: null, position: 53 });
    await query(t.database.handle, sql`update movie set vote_count = 3 where movie_id = ${unrated.id}`);
    made.push({ ...unrated, score: 0.75 });

    const response = await anonymous.get(`/companies/${big}`);
    expect(response.statusCode).toBe(200);
    const details = response.json<Company & { movies: MovieRef[] }>();
    expect(details).toMatchObject({ id: big, name: 'Big Studio', originCountry: us, moviesCount: 54 });
    const expected = made
      .sort((a, b) => b.score - a.score || a.id - b.id)
      .slice(0, 50)
      .map((m) => m.title);
    expect(details.movies.map((m) => m.title)).toEqual(expected);
    expect(details.movies[0]).toEqual({ id: made[0]!.id, title: made[0]!.title, releaseDate: '2001-02-03', poster: null });
    // The tie: the older id first.
    expect(details.movies.slice(0, 2).map((m) => m.title)).toEqual([made[0]!.title, 'Big tied']);
  });

  it("gives each movie's poster as an image", async () => {
    const company = await newCompany('Poster Films');
    const movie = await movieOf(company, { title: 'With a poster', popularity: 5 });
    const [file] = await query<{ id: number }>(
      t.database.handle,
      sql`insert into file (file_name, mime_type, key, public_url, size_bytes, width, height)
          values ('p.jpg', 'image/jpeg', 'images/abc/original.jpg', 'http://files.test/images/abc/original.jpg', 1234, 600, 900)
          returning file_id as id`,
    );
    await query(t.database.handle, sql`update movie set poster_file_id = ${file!.id} where movie_id = ${movie.id}`);
    const details = (await anonymous.get(`/companies/${company}`)).json<{ movies: MovieRef[] }>();
    expect(details.movies).toEqual([
      {
        id: movie.id,
        title: 'With a poster',
        releaseDate: null,
        poster: {
          id: file!.id,
          fileName: 'p.jpg',
          mimeType: 'image/jpeg',
          size: 1234,
          width: 600,
          height: 900,
          publicUrl: 'http://files.test/images/abc/original.jpg',
          sizes: {
            original: 'http://files.test/images/abc/original.jpg',
            w92: 'http://files.test/images/abc/w92.webp',
            w185: 'http://files.test/images/abc/w185.webp',
            w500: 'http://files.test/images/abc/w500.webp',
          },
          createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
        },
      },
    ]);
  });

  it('answers a company without movies with none, 404 for an unknown id', async () => {
    expect((await anonymous.get(`/companies/${ids.pixar}`)).json()).toEqual({
      id: ids.pixar,
      name: 'Pixar Animation Studios',
      originCountry: us,
      moviesCount: 0,
      movies: [],
    });
    const missing = await anonymous.get('/companies/987654');
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ status: 404, detail: 'No company with id 987654.' });
    expect((await anonymous.get('/companies/abc')).statusCode).toBe(400);
  });
});

describe('POST /api/v1/companies', () => {
  it('refuses anonymous callers (401) and plain users (403), adding nothing', async () => {
    const before = await companyCount();
    expect((await anonymous.post('/companies', { name: 'Ghibli' })).statusCode).toBe(401);
    expect((await user.post('/companies', { name: 'Ghibli' })).statusCode).toBe(403);
    expect(await companyCount()).toBe(before);
  });

  it('adds a company for an editor or an admin, with its origin country or none', async () => {
    const jp = await country('JP');
    const response = await editor.post('/companies', { name: ' Studio Ghibli ', originCountryId: jp.id });
    expect(response.statusCode).toBe(201);
    const added = response.json<Company>();
    expect(added).toEqual({ id: expect.any(Number) as number, name: 'Studio Ghibli', originCountry: jp, moviesCount: 0, movies: [] });
    expect((await anonymous.get(`/companies/${added.id}`)).json()).toEqual(added);

    const byAdmin = await admin.post('/companies', { name: 'n'.repeat(300), originCountryId: null });
    expect(byAdmin.statusCode).toBe(201);
    expect(byAdmin.json()).toMatchObject({ originCountry: null, moviesCount: 0 });
    // Several companies may share a name, as in TMDB.
    expect((await editor.post('/companies', { name: 'Studio Ghibli' })).statusCode).toBe(201);
  });

  it('refuses an unknown origin country with 422 naming originCountryId, adding nothing', async () => {
    const before = await companyCount();
    const response = await editor.post('/companies', { name: 'Nowhere Films', originCountryId: 987_654 });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({ status: 422, errors: [{ in: 'body', field: 'originCountryId' }] });
    expect(await companyCount()).toBe(before);
  });

  it.each([
    [{}, 'name'],
    [{ name: '' }, 'name'],
    [{ name: ' ' }, 'name'],
    [{ name: 'n'.repeat(301) }, 'name'],
    [{ name: 'X', originCountryId: 0 }, 'originCountryId'],
    [{ name: 'X', originCountryId: 'US' }, 'originCountryId'],
    [{ name: 'X', tmdbId: 3 }, 'tmdbId'],
  ])('refuses %o with 400 naming %s, adding nothing', async (body, field) => {
    const before = await companyCount();
    const response = await editor.post('/companies', body);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { in: string; field: string }[] }>().errors).toEqual([expect.objectContaining({ in: 'body', field })]);
    expect(await companyCount()).toBe(before);
  });
});
