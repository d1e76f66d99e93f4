// Movies: the details document, writes by editors, validation, references, deletion, ETags.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { type Client, clientFor, created, signInAs } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();
let editor: Client;
let anonymous: Client;
let genres: Map<string, number>;
let countries: Map<string, number>;

beforeAll(async () => {
  editor = clientFor(t, await signInAs(t, 'editor'));
  anonymous = clientFor(t);
  genres = new Map(
    (await query<{ id: number; name: string }>(t.database.handle, 'select genre_id as id, genre_name as name from genre')).map((g) => [
      g.name,
      g.id,
    ]),
  );
  countries = new Map(
    (await query<{ id: number; code: string }>(t.database.handle, 'select country_id as id, code from country')).map((c) => [
      c.code.trim(),
      c.id,
    ]),
  );
});

interface PersonDoc {
  id: number;
  firstName: string;
  lastName: string;
}
interface MovieDoc {
  id: number;
  title: string;
  budget: number | null;
  durationMinutes: number | null;
  releaseDate: string | null;
  description: string | null;
  genres: { id: number; name: string }[];
  characters: { id: number; name: string; actor: PersonDoc | null; performers: PersonDoc[]; billingOrder: number | null }[];
  updatedAt: string;
  [key: string]: unknown;
}

const newPerson = async (firstName: string, lastName: string) => created<PersonDoc>(await editor.post('/persons', { firstName, lastName }));

describe('POST /movies', () => {
  it('creates a movie with its director, country and genres, and answers its details', async () => {
    const director = await newPerson('Greta', 'Gerwig');
    const response = await editor.post('/movies', {
      title: 'Lady Bird',
      description: 'A teenager in Sacramento.',
      budget: 10_000_000.5,
      releaseDate: '2017-11-03',
      durationMinutes: 94,
      directorId: director.id,
      countryId: countries.get('US'),
      genreIds: [genres.get('Drama'), genres.get('Comedy')],
    });
    expect(response.statusCode).toBe(201);
    const movie = response.json<MovieDoc>();
    expect(movie).toEqual({
      id: expect.any(Number) as number,
      tmdbId: null,
      title: 'Lady Bird',
      description: 'A teenager in Sacramento.',
      budget: 10_000_000.5,
      releaseDate: '2017-11-03',
      durationMinutes: 94,
      country: { id: countries.get('US'), code: 'US', name: 'United States of America' },
      director: { id: director.id, firstName: 'Greta', lastName: 'Gerwig', photo: null },
      poster: null,
      genres: [
        { id: genres.get('Comedy'), name: 'Comedy' },
        { id: genres.get('Drama'), name: 'Drama' },
      ],
      characters: [],
      countries: [{ id: countries.get('US'), code: 'US', name: 'United States of America' }],
      languages: [],
      keywords: [],
      companies: [],
      // The director is a crew credit too.
      crew: [
        {
          department: { id: 1, name: 'Directing' },
          credits: [
            {
              id: expect.any(Number) as number,
              job: 'Director',
              person: { id: director.id, firstName: 'Greta', lastName: 'Gerwig', photo: null },
            },
          ],
        },
      ],
      actorsCount: 0,
      favoritesCount: 0,
      originalTitle: null,
      originalLanguage: null,
      tagline: null,
      certification: null,
      status: null,
      homepage: null,
      revenue: null,
      voteAverage: null,
      voteCount: null,
      popularity: null,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/) as string,
      updatedAt: expect.stringMatching(/Z$/) as string,
    });
    expect((await anonymous.get(`/movies/${movie.id}`)).json()).toEqual(movie);
    const [stored] = await query<{ duration: string; budget: string }>(
      t.database.handle,
      `select duration::text, budget::text from movie where movie_id = ${movie.id}`,
    );
    expect(stored).toEqual({ duration: '01:34:00', budget: '10000000.50' });
  });

  it("writes TMDB's facts: original title and language, tagline, status, homepage, revenue, rating and popularity", async () => {
    const facts = {
      originalTitle: 'Le Fabuleux Destin d’Amélie Poulain',
      originalLanguage: 'fr',
      tagline: 'She will change your life.',
      certification: 'R',
      status: 'released',
      homepage: 'https://example.org/amelie',
      revenue: 173_921_954.25,
      voteAverage: 7.8,
      voteCount: 3_310,
      popularity: 73.720244,
    };
    const movie = await created<MovieDoc>(await editor.post('/movies', { title: 'Amélie', ...facts }));
    expect(movie).toMatchObject(facts);
    expect((await anonymous.get(`/movies/${movie.id}`)).json()).toMatchObject(facts);
    const [stored] = await query<Record<string, string>>(
      t.database.handle,
      `select revenue::text, vote_average::text, status::text, original_language from movie where movie_id = ${movie.id}`,
    );
    expect(stored).toEqual({ revenue: '173921954.25', vote_average: '7.8', status: 'released', original_language: 'fr' });
    // The summary in lists carries the rating, the votes, the popularity and the original title.
    const listed = (await anonymous.get(`/movies?ids=${movie.id}`)).json<{ items: Record<string, unknown>[] }>().items[0];
    expect(listed).toMatchObject({ originalTitle: facts.originalTitle, voteAverage: 7.8, voteCount: 3_310, popularity: 73.720244 });
    expect(listed).not.toHaveProperty('tagline');

    const cleared = await editor.patch(`/movies/${movie.id}`, { tagline: null, status: 'canceled', voteAverage: null, voteCount: 0 });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json()).toMatchObject({ tagline: null, status: 'canceled', voteAverage: null, voteCount: 0, revenue: 173_921_954.25 });
  });

  it('refuses facts out of their bounds, naming the field, and changes nothing', async () => {
    const movie = await created<MovieDoc>(await editor.post('/movies', { title: 'Bounded' }));
    const before = (await anonymous.get(`/movies/${movie.id}`)).json<unknown>();
    const cases: [Record<string, unknown>, string][] = [
      [{ status: 'Released' }, 'status'],
      [{ status: 'lost' }, 'status'],
      [{ originalLanguage: 'EN' }, 'originalLanguage'],
      [{ originalLanguage: 'english' }, 'originalLanguage'],
      [{ originalTitle: '   ' }, 'originalTitle'],
      [{ homepage: 'ftp://example.org/' }, 'homepage'],
      [{ homepage: 'not a url' }, 'homepage'],
      [{ homepage: `https://example.org/${'a'.repeat(2_000)}` }, 'homepage'],
      [{ tagline: 'x'.repeat(1_001) }, 'tagline'],
      [{ certification: 'x'.repeat(21) }, 'certification'],
      [{ certification: '  ' }, 'certification'],
      [{ revenue: -1 }, 'revenue'],
      [{ revenue: 1.005 }, 'revenue'],
      [{ revenue: 1e13 }, 'revenue'],
      [{ voteAverage: 10.1 }, 'voteAverage'],
      [{ voteAverage: -0.1 }, 'voteAverage'],
      [{ voteAverage: 7.25 }, 'voteAverage'],
      [{ voteCount: -1 }, 'voteCount'],
      [{ voteCount: 1.5 }, 'voteCount'],
      [{ popularity: -3 }, 'popularity'],
      [{ popularity: 'high' }, 'popularity'],
    ];
    for (const [body, field] of cases) {
      const response = await editor.patch(`/movies/${movie.id}`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(
        response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    expect((await anonymous.get(`/movies/${movie.id}`)).json()).toEqual(before);
  });

  it('needs only a title', async () => {
    const movie = await created<MovieDoc>(await editor.post('/movies', { title: 'Untitled Project' }));
    expect(movie).toMatchObject({
      title: 'Untitled Project',
      budget: null,
      releaseDate: null,
      durationMinutes: null,
      country: null,
      director: null,
      genres: [],
    });
  });

  it.each([
    [{ title: '' }, 'title'],
    [{ title: 'x'.repeat(301) }, 'title'],
    [{ budget: -1 }, 'budget'],
    [{ budget: 10.001 }, 'budget'],
    [{ budget: 'lots' }, 'budget'],
    // JSON bodies are taken as sent: no quiet conversion of strings to numbers or numbers to text.
    [{ budget: '100' }, 'budget'],
    [{ title: 5 }, 'title'],
    [{ durationMinutes: null, releaseDate: 0 }, 'releaseDate'],
    [{ durationMinutes: 0 }, 'durationMinutes'],
    [{ durationMinutes: 1441 }, 'durationMinutes'],
    [{ durationMinutes: 90.5 }, 'durationMinutes'],
    [{ releaseDate: '2023-02-29' }, 'releaseDate'],
    [{ releaseDate: '2023-13-01' }, 'releaseDate'],
    [{ releaseDate: '03/11/2017' }, 'releaseDate'],
    [{ genreIds: [1, 1] }, 'genreIds'],
    [{ rating: 5 }, 'rating'],
  ])('refuses %o with 400 naming %s, creating nothing', async (change, field) => {
    const title = `Refused ${field} ${Math.random()}`;
    const response = await editor.post('/movies', { title, ...change });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
    expect(await query(t.database.handle, `select 1 from movie where title = '${title}'`)).toEqual([]);
  });

  it('refuses a missing director, country or genre with 422 naming each field, creating nothing', async () => {
    const response = await editor.post('/movies', {
      title: 'Ghost References',
      directorId: 987_654,
      countryId: 987_654,
      genreIds: [genres.get('Drama'), 987_654],
    });
    expect(response.statusCode).toBe(422);
    expect(response.json()).toMatchObject({
      status: 422,
      errors: [
        { in: 'body', field: 'directorId', message: 'names no person: 987654' },
        { in: 'body', field: 'countryId', message: 'names no country: 987654' },
        { in: 'body', field: 'genreIds', message: 'names no genre: 987654' },
      ],
    });
    expect(await query(t.database.handle, `select 1 from movie where title = 'Ghost References'`)).toEqual([]);
  });

  it('refuses anonymous callers (401) and plain users (403)', async () => {
    expect((await anonymous.post('/movies', { title: 'Nope' })).statusCode).toBe(401);
    const user = clientFor(t, await signInAs(t, 'user'));
    expect((await user.post('/movies', { title: 'Nope' })).statusCode).toBe(403);
    expect(await query(t.database.handle, `select 1 from movie where title = 'Nope'`)).toEqual([]);
  });
});

describe('PATCH /movies/{id}', () => {
  it('changes any subset, clears with null, replaces genres, and moves updatedAt', async () => {
    // updatedAt as the database holds it, to the microsecond (the API shows milliseconds).
    const stamp = async (id: number) =>
      (await query<{ at: string }>(t.database.handle, `select updated_at::text as at from movie where movie_id = ${id}`))[0]!.at;
    const movie = await created<MovieDoc>(
      await editor.post('/movies', { title: 'Draft', budget: 5, durationMinutes: 100, genreIds: [genres.get('Drama')] }),
    );
    const firstStamp = await stamp(movie.id);
    const response = await editor.patch(`/movies/${movie.id}`, {
      title: 'Final',
      budget: null,
      genreIds: [genres.get('Horror'), genres.get('War')],
    });
    expect(response.statusCode).toBe(200);
    const changed = response.json<MovieDoc>();
    expect(changed).toMatchObject({ id: movie.id, title: 'Final', budget: null, durationMinutes: 100 });
    expect(changed.genres.map((g) => g.name)).toEqual(['Horror', 'War']);
    const patched = await stamp(movie.id);
    expect(patched > firstStamp).toBe(true);
    expect(Date.parse(changed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(movie.updatedAt));

    // Genres alone are a change of the movie too.
    const genresOnly = (await editor.patch(`/movies/${movie.id}`, { genreIds: [] })).json<MovieDoc>();
    expect(genresOnly.genres).toEqual([]);
    expect((await stamp(movie.id)) > patched).toBe(true);
    expect(Date.parse(genresOnly.updatedAt)).toBeGreaterThanOrEqual(Date.parse(changed.updatedAt));
  });

  it('changes nothing when one reference is missing', async () => {
    const movie = await created<MovieDoc>(await editor.post('/movies', { title: 'Stable', genreIds: [genres.get('Drama')] }));
    const response = await editor.patch(`/movies/${movie.id}`, { title: 'Changed', genreIds: [987_654] });
    expect(response.statusCode).toBe(422);
    expect((await anonymous.get(`/movies/${movie.id}`)).json()).toMatchObject({ title: 'Stable', genres: [{ name: 'Drama' }] });
  });

  it('answers 404 for an unknown movie and 400 for an empty body', async () => {
    expect((await editor.patch('/movies/987654', { title: 'X' })).statusCode).toBe(404);
    const movie = await created<MovieDoc>(await editor.post('/movies', { title: 'Y' }));
    expect((await editor.patch(`/movies/${movie.id}`, {})).statusCode).toBe(400);
  });

  it('refuses plain users', async () => {
    const movie = await created<MovieDoc>(await editor.post('/movies', { title: 'Guarded' }));
    const user = clientFor(t, await signInAs(t, 'user'));
    expect((await user.patch(`/movies/${movie.id}`, { title: 'Hijacked' })).statusCode).toBe(403);
    expect((await anonymous.patch(`/movies/${movie.id}`, { title: 'Hijacked' })).statusCode).toBe(401);
    expect((await anonymous.get(`/movies/${movie.id}`)).json()).toMatchObject({ title: 'Guarded' });
  });
});

describe('GET /movies/{id}', () => {
  it('shows the cast in credits order, each character with its actor and every performer', async () => {
    const [ronan, metcalf, young] = [
      await newPerson('Saoirse', 'Ronan'),
      await newPerson('Laurie', 'Metcalf'),
      await newPerson('Young', 'Ronan'),
    ];
    const movie = await created<MovieDoc>(await editor.post('/movies', { title: 'Cast Order' }));
    const mother = await created<{ id: number }>(
      await editor.post(`/movies/${movie.id}/characters`, { name: 'Marion', role: 'supporting', actorId: metcalf.id, billingOrder: 1 }),
    );
    const unbilled = await created<{ id: number }>(
      await editor.post(`/movies/${movie.id}/characters`, { name: 'Nun', role: 'background' }),
    );
    const lead = await created<{ id: number }>(
      await editor.post(`/movies/${movie.id}/characters`, { name: 'Christine', role: 'leading', actorId: ronan.id, billingOrder: 0 }),
    );
    expect((await editor.put(`/characters/${lead.id}/actors`, { actorIds: [young.id, ronan.id] })).statusCode).toBe(200);

    const details = (await anonymous.get(`/movies/${movie.id}`)).json<MovieDoc>();
    expect(details.characters.map((c) => c.id)).toEqual([lead.id, mother.id, unbilled.id]);
    expect(details.characters[0]).toEqual({
      id: lead.id,
      name: 'Christine',
      description: null,
      role: 'leading',
      billingOrder: 0,
      actor: { id: ronan.id, firstName: 'Saoirse', lastName: 'Ronan', photo: null },
      performers: [
        { id: ronan.id, firstName: 'Saoirse', lastName: 'Ronan', photo: null },
        { id: young.id, firstName: 'Young', lastName: 'Ronan', photo: null },
      ],
    });
    expect(details.characters[2]).toMatchObject({ name: 'Nun', actor: null, performers: [], billingOrder: null });
    expect(details.actorsCount).toBe(3);
  });

  it('tells a signed-in caller whether the movie is a favorite, and says nothing to others', async () => {
    const movie = await created<MovieDoc>(await editor.post('/movies', { title: 'Favorite Or Not' }));
    const fan = clientFor(t, await signInAs(t, 'user'));
    expect((await fan.get(`/movies/${movie.id}`)).json()).toMatchObject({ isFavorite: false });
    await fan.put(`/me/favorites/${movie.id}`);
    expect((await fan.get(`/movies/${movie.id}`)).json()).toMatchObject({ isFavorite: true, favoritesCount: 1 });
    expect((await anonymous.get(`/movies/${movie.id}`)).json()).not.toHaveProperty('isFavorite');
  });

  it('answers 404 for an unknown movie and 400 for a bad id', async () => {
    expect((await anonymous.get('/movies/987654')).json()).toMatchObject({ status: 404, detail: 'No movie with id 987654.' });
    expect((await anonymous.get('/movies/abc')).json()).toMatchObject({ status: 400, errors: [{ in: 'path', field: 'id' }] });
  });
});

describe('ETag and 304', () => {
  it('answers 304 to the current ETag, and a new ETag after an edit', async () => {
    const movie = await created<MovieDoc>(await editor.post('/movies', { title: 'Cached' }));
    const first = await anonymous.get(`/movies/${movie.id}`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('public, max-age=0, must-revalidate');

    const again = await anonymous.get(`/movies/${movie.id}`, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');

    await editor.patch(`/movies/${movie.id}`, { description: 'Now with a description.' });
    const changed = await anonymous.get(`/movies/${movie.id}`, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.json()).toMatchObject({ description: 'Now with a description.' });
  });

  it('does the same for lists, and marks answers for a signed-in caller private', async () => {
    const list = await anonymous.get('/movies?q=Cached');
    const etag = list.headers.etag as string;
    expect((await anonymous.get('/movies?q=Cached', { 'if-none-match': `"other", ${etag}` })).statusCode).toBe(304);
    const fan = clientFor(t, await signInAs(t, 'user'));
    expect((await fan.get('/movies?q=Cached')).headers['cache-control']).toBe('private, max-age=0, must-revalidate');
  });
});

describe('DELETE /movies/{id}', () => {
  it('deletes the movie with its characters, genre links and favorites, keeping the people', async () => {
    const actor = await newPerson('Timothée', 'Chalamet');
    const movie = await created<MovieDoc>(await editor.post('/movies', { title: 'Short-lived', genreIds: [genres.get('Drama')] }));
    await editor.post(`/movies/${movie.id}/characters`, { name: 'Kyle', role: 'supporting', actorId: actor.id });
    const fan = clientFor(t, await signInAs(t, 'user'));
    await fan.put(`/me/favorites/${movie.id}`);

    const user = clientFor(t, await signInAs(t, 'user'));
    expect((await user.delete(`/movies/${movie.id}`)).statusCode).toBe(403);
    expect((await editor.delete(`/movies/${movie.id}`)).statusCode).toBe(204);
    expect((await anonymous.get(`/movies/${movie.id}`)).statusCode).toBe(404);
    expect((await editor.delete(`/movies/${movie.id}`)).statusCode).toBe(404);
    const [left] = await query<{ characters: number; genres: number; favorites: number; actor: number }>(
      t.database.handle,
      `select (select count(*)::int from "character" where movie_id = ${movie.id}) as characters,
              (select count(*)::int from movie_genre where movie_id = ${movie.id}) as genres,
              (select count(*)::int from favorite_movies where movie_id = ${movie.id}) as favorites,
              (select count(*)::int from person where person_id = ${actor.id}) as actor`,
    );
    expect(left).toEqual({ characters: 0, genres: 0, favorites: 0, actor: 1 });
  });
});
