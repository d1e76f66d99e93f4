// GET /movies/{id} and GET /persons/{id} send the JSON PostgreSQL builds as it is, past Fastify's
// serializer: here every shape of row is read through the API and the body checked strictly
// against the MovieDetails and PersonDetails schemas of the OpenAPI document (each field there,
// of its type, and nothing more), and so is a good part of the demo catalogue.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/modules/imports/demo-seed.js';
import { useTestApp } from '../helpers/app.js';
import { type Client, clientFor, created, signInAs, type SignedIn } from '../helpers/builders.js';
import { query } from '../helpers/database.js';
import { type DocumentCheck, documentCheck } from '../helpers/document-shapes.js';
import { makeImage, multipart } from '../helpers/images.js';

const t = useTestApp();
let editor: SignedIn;
let editorClient: Client;
let anonymous: Client;
let movieCheck: DocumentCheck;
let personCheck: DocumentCheck;

beforeAll(async () => {
  editor = await signInAs(t, 'editor');
  editorClient = clientFor(t, editor);
  anonymous = clientFor(t);
  const openapi = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<Parameters<typeof documentCheck>[0]>();
  movieCheck = documentCheck(openapi, 'MovieDetails');
  personCheck = documentCheck(openapi, 'PersonDetails');
});

const upload = async (url: string, method: 'PUT' | 'POST') => {
  const body = multipart(await makeImage(120, 80), 'image.jpg', 'image/jpeg');
  const response = await t.app.inject({
    method,
    url: `/api/v1${url}`,
    payload: body.payload,
    headers: { ...body.headers, ...editor.headers },
  });
  expect(response.statusCode, response.body).toBeLessThan(300);
};

/** The body of a read, after checking it answered 200. */
const read = async (client: Client, url: string) => {
  const response = await client.get(url);
  expect(response.statusCode, response.body).toBe(200);
  return response.body;
};

describe('documents PostgreSQL builds', () => {
  it('match them over the demo catalogue: movies with and without director, genres, country or duration', async () => {
    // Seeded first: the demo seeds only an empty catalogue.
    const seeded = await seedDemo(t.database.handle.db);
    expect(seeded).toBeGreaterThan(3000);
    // Every seventh movie, and every director of those.
    const movies = await query<{ id: number; director: number | null }>(
      t.database.handle,
      `select movie_id as id, director_id as director from movie where movie_id % 7 = 0 order by movie_id`,
    );
    expect(movies.length).toBeGreaterThan(400);
    const failures: string[] = [];
    for (const { id } of movies) {
      for (const error of movieCheck(await read(anonymous, `/movies/${id}`))) failures.push(`movie ${id}: ${error}`);
    }
    const directors = [...new Set(movies.map((m) => m.director).filter((d): d is number => d !== null))];
    expect(directors.length).toBeGreaterThan(100);
    for (const id of directors) {
      for (const error of personCheck(await read(anonymous, `/persons/${id}`))) failures.push(`person ${id}: ${error}`);
    }
    expect(failures.slice(0, 20)).toEqual([]);
    // Both kinds were read: a movie without a director, one with.
    expect(movies.some((m) => m.director === null) && movies.some((m) => m.director !== null)).toBe(true);
  }, 120_000);

  it('match MovieDetails and PersonDetails for every shape of row', async () => {
    const country = (await query<{ id: number }>(t.database.handle, `select country_id as id from country where code = 'FR'`))[0]!.id;
    const genre = await created<{ id: number }>(await editorClient.post('/genres', { name: 'Shape Genre' }));

    // People: with nothing but a name (and an empty last name), with everything, with a gallery.
    const bare = await created<{ id: number }>(await editorClient.post('/persons', { firstName: 'Cher', lastName: '' }));
    const full = await created<{ id: number }>(
      await editorClient.post('/persons', {
        firstName: 'Agnès',
        lastName: 'Varda',
        gender: 'female',
        birthDate: '1928-05-30',
        countryId: country,
        biography: 'Directs and acts.',
      }),
    );
    await upload(`/persons/${full.id}/photos`, 'POST');
    await upload(`/persons/${full.id}/photos`, 'POST');
    const performers = [];
    for (let n = 0; n < 6; n++)
      performers.push(await created<{ id: number }>(await editorClient.post('/persons', { firstName: `Extra${n}`, lastName: 'Shape' })));

    // Movies: a title only; everything (poster, country, director, genres, budget with cents);
    // characters without an actor, with one, with many performers.
    const titleOnly = await created<{ id: number }>(await editorClient.post('/movies', { title: 'Just A Title' }));
    const complete = await created<{ id: number }>(
      await editorClient.post('/movies', {
        title: 'Cléo de 5 à 7',
        description: 'Two hours of one afternoon.',
        budget: 1234567.89,
        releaseDate: '1962-04-11',
        durationMinutes: 90,
        directorId: full.id,
        countryId: country,
        genreIds: [genre.id],
      }),
    );
    await upload(`/movies/${complete.id}/poster`, 'PUT');
    await created(await editorClient.post(`/movies/${complete.id}/characters`, { name: 'Passer-by', role: 'background' }));
    await created(
      await editorClient.post(`/movies/${complete.id}/characters`, { name: 'Cléo', role: 'leading', actorId: full.id, billingOrder: 0 }),
    );
    const crowd = await created<{ id: number }>(
      await editorClient.post(`/movies/${complete.id}/characters`, { name: 'Crowd', role: 'supporting', actorId: performers[0]!.id }),
    );
    const actors = await editorClient.put(`/characters/${crowd.id}/actors`, { actorIds: performers.map((p) => p.id) });
    expect(actors.statusCode, actors.body).toBe(200);
    const viewer = await signInAs(t, 'user');
    expect((await clientFor(t, viewer).put(`/me/favorites/${complete.id}`)).statusCode).toBe(204);

    for (const id of [titleOnly.id, complete.id]) {
      for (const client of [anonymous, clientFor(t, viewer)]) {
        const body = await read(client, `/movies/${id}`);
        expect(movieCheck(body), `movie ${id}: ${body}`).toEqual([]);
      }
    }
    const cleo = JSON.parse(await read(clientFor(t, viewer), `/movies/${complete.id}`)) as {
      isFavorite: boolean;
      characters: { performers: unknown[] }[];
      budget: number;
    };
    // The rows really were of those shapes: a favorite, a character of seven performers, cents.
    expect(cleo.isFavorite).toBe(true);
    expect(cleo.characters.map((c) => c.performers.length).sort()).toEqual([0, 1, 6]);
    expect(cleo.budget).toBe(1234567.89);

    for (const person of [bare, full, performers[0]!]) {
      const body = await read(anonymous, `/persons/${person.id}`);
      expect(personCheck(body), `person ${person.id}: ${body}`).toEqual([]);
    }
    // The check itself refuses what does not fit: a field too many, a wrong type, one missing.
    const good = JSON.parse(await read(anonymous, `/movies/${complete.id}`)) as Record<string, unknown>;
    expect(movieCheck(JSON.stringify({ ...good, extra: 1 }))).not.toEqual([]);
    expect(movieCheck(JSON.stringify({ ...good, budget: '1234567.89' }))).not.toEqual([]);
    const { createdAt: _dropped, ...missing } = good;
    expect(movieCheck(JSON.stringify(missing))).not.toEqual([]);
    const varda = JSON.parse(await read(anonymous, `/persons/${full.id}`)) as {
      photos: unknown[];
      acting: unknown[];
      directing: unknown[];
    };
    expect([varda.photos.length, varda.acting.length, varda.directing.length]).toEqual([2, 1, 1]);
  });
});
