// People: the person page with filmography and figures, the list with filters and sorts, writes.
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, useTestApp } from '../../helpers/app.js';
import { sql } from 'drizzle-orm';
import { type Client, clientFor, created, createMovie, signInAs } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

const t = useTestApp();
let editor: Client;
let anonymous: Client;

beforeAll(async () => {
  editor = clientFor(t, await signInAs(t, 'editor'));
  anonymous = clientFor(t);
});

interface PersonDoc {
  id: number;
  firstName: string;
  lastName: string;
  moviesActed: number;
  actingBudgetTotal: number;
  moviesDirected: number;
  directingBudgetAverage: number | null;
  acting: { movie: { id: number; title: string }; character: { id: number; name: string } }[];
  directing: { id: number; title: string }[];
  knownForDepartment: string | null;
  [key: string]: unknown;
}

const newPerson = async (body: Record<string, unknown>) => created<PersonDoc>(await editor.post('/persons', body));
const newMovie = async (body: Record<string, unknown>) => created<{ id: number; title: string }>(await editor.post('/movies', body));
const cast = (movieId: number, actorId: number, name: string) =>
  editor.post(`/movies/${movieId}/characters`, { name, role: 'leading', actorId });

describe('GET /persons/{id}', () => {
  it('shows the person with filmography (newest first) and figures', async () => {
    const [frCountry] = (await anonymous.get('/countries?q=FR')).json<{ items: { id: number }[] }>().items;
    const person = await newPerson({
      firstName: 'Léa',
      lastName: 'Seydoux',
      birthDate: '1985-07-01',
      gender: 'female',
      countryId: frCountry!.id,
      biography: 'Actress.',
    });
    const older = await newMovie({ title: 'Blue Is the Warmest Colour', releaseDate: '2013-10-09', budget: 4_000_000 });
    const newer = await newMovie({ title: 'No Time to Die', releaseDate: '2021-09-30', budget: 250_000_000 });
    const undated = await newMovie({ title: 'Untitled', budget: 1_000_000.5 });
    const unbudgeted = await newMovie({ title: 'Small', releaseDate: '2020-01-01' });
    await cast(older.id, person.id, 'Emma');
    await cast(newer.id, person.id, 'Madeleine');
    await cast(newer.id, person.id, 'Madeleine (young)');
    await cast(undated.id, person.id, 'Someone');
    await created(await editor.post(`/movies/${unbudgeted.id}/characters`, { name: 'Lead', role: 'leading' })).then((c) =>
      editor.put(`/characters/${(c as { id: number }).id}/actors`, { actorIds: [person.id] }),
    );
    const directed = await newMovie({ title: 'Her Debut', releaseDate: '2025-01-01', budget: 2_000_000, directorId: person.id });
    await newMovie({ title: 'Her Second', releaseDate: '2026-01-01', directorId: person.id });

    const response = await anonymous.get(`/persons/${person.id}`);
    expect(response.statusCode).toBe(200);
    const details = response.json<PersonDoc>();
    expect(details).toMatchObject({
      id: person.id,
      tmdbId: null,
      firstName: 'Léa',
      lastName: 'Seydoux',
      gender: 'female',
      birthDate: '1985-07-01',
      biography: 'Actress.',
      country: { id: frCountry!.id, code: 'FR', name: 'France' },
      photo: null,
      photos: [],
      moviesActed: 4,
      // Each distinct movie once, however many characters in it: 4,000,000 + 250,000,000 + 1,000,000.50.
      actingBudgetTotal: 255_000_000.5,
      moviesDirected: 2,
      // Only the directed movie with a known budget counts.
      directingBudgetAverage: 2_000_000,
    });
    expect(details.acting.map((a) => [a.movie.title, a.character.name])).toEqual([
      ['No Time to Die', 'Madeleine'],
      ['No Time to Die', 'Madeleine (young)'],
      ['Small', 'Lead'],
      ['Blue Is the Warmest Colour', 'Emma'],
      ['Untitled', 'Someone'],
    ]);
    expect(details.directing.map((m) => m.title)).toEqual(['Her Second', 'Her Debut']);
    expect(details.directing[1]).toMatchObject({ id: directed.id, budget: 2_000_000, director: { id: person.id } });
    // Directing a movie credits them in its crew; five characters outweigh two crew credits.
    expect(
      (details.crew as { movie: { title: string }; department: { name: string }; job: string }[]).map((c) => [
        c.movie.title,
        c.department.name,
        c.job,
      ]),
    ).toEqual([
      ['Her Second', 'Directing', 'Director'],
      ['Her Debut', 'Directing', 'Director'],
    ]);
    expect(details.knownForDepartment).toBe('Acting');
  });

  it('has null for an average of nothing, and 404 for an unknown person', async () => {
    const person = await newPerson({ firstName: 'Cher', lastName: '' });
    expect((await anonymous.get(`/persons/${person.id}`)).json()).toMatchObject({
      firstName: 'Cher',
      lastName: '',
      gender: 'unknown',
      moviesActed: 0,
      actingBudgetTotal: 0,
      moviesDirected: 0,
      directingBudgetAverage: null,
      acting: [],
      directing: [],
      knownForDepartment: null,
      crew: [],
    });
    expect((await anonymous.get('/persons/987654')).statusCode).toBe(404);
  });
});

describe('crew work and knownForDepartment on GET /persons/{id}', () => {
  interface CrewWork {
    id: number;
    job: string;
    department: { id: number; name: string };
    movie: { id: number; title: string; releaseDate: string | null; poster: unknown };
  }
  type Credits = Partial<Record<'Directing' | 'Writing' | 'Production' | 'Sound', string[]>>;

  /** A person with characters in `played` movies and the crew credits given, a movie each department. */
  async function personWith(played: number, credits: Credits): Promise<number> {
    const person = await newPerson({ firstName: 'Crew', lastName: 'Member' });
    for (let i = 0; i < played; i++) {
      const movie = await createMovie(t);
      await cast(movie.id, person.id, `Part ${i}`);
    }
    for (const [department, jobs] of Object.entries(credits)) {
      const movie = await createMovie(t);
      for (const job of jobs) await credit(movie.id, person.id, department, job);
    }
    return person.id;
  }

  const credit = (movieId: number, personId: number, department: string, job: string) =>
    query(
      t.database.handle,
      sql`insert into crew_credit (movie_id, person_id, department_id, job)
          select ${movieId}, ${personId}, department_id, ${job} from department where name = ${department}`,
    );

  const knownFor = async (personId: number) => (await anonymous.get(`/persons/${personId}`)).json<PersonDoc>().knownForDepartment;

  it("is 'Acting' for an actor, even one with a few crew credits", async () => {
    expect(await knownFor(await personWith(3, {}))).toBe('Acting');
    expect(await knownFor(await personWith(3, { Writing: ['Screenplay', 'Story'], Sound: ['Songs'] }))).toBe('Acting');
    // As many characters as credits in the largest department: still Acting.
    expect(await knownFor(await personWith(2, { Directing: ['Director', 'Co-Director'] }))).toBe('Acting');
  });

  it('is the largest department when it has more credits than they have characters', async () => {
    expect(await knownFor(await personWith(0, { Directing: ['Director'] }))).toBe('Directing');
    expect(await knownFor(await personWith(1, { Directing: ['Director', 'Co-Director'], Writing: ['Screenplay'] }))).toBe('Directing');
    // A writer who acts a little and directs a little.
    expect(
      await knownFor(await personWith(2, { Writing: ['Screenplay', 'Story', 'Novel'], Directing: ['Director'], Sound: ['Songs'] })),
    ).toBe('Writing');
    // Two departments as large: the first by id.
    expect(await knownFor(await personWith(1, { Production: ['Producer', 'Executive Producer'], Writing: ['Screenplay', 'Story'] }))).toBe(
      'Writing',
    );
  });

  it('is null for someone without credits', async () => {
    expect(await knownFor(await personWith(0, {}))).toBeNull();
  });

  it('lists the crew work newest movie first, undated last, then by title; in a movie by department and job', async () => {
    const person = await newPerson({ firstName: 'Many', lastName: 'Hats' });
    const newerB = await createMovie(t, { title: 'Beta', releaseDate: '2020-05-01' });
    const newerA = await createMovie(t, { title: 'alpha', releaseDate: '2020-05-01' });
    const older = await createMovie(t, { title: 'Old One', releaseDate: '1999-01-01' });
    const undatedZ = await createMovie(t, { title: 'Zulu' });
    const undatedE = await createMovie(t, { title: 'Écho' });
    await credit(older.id, person.id, 'Writing', 'Screenplay');
    await credit(newerB.id, person.id, 'Writing', 'Story');
    await credit(newerB.id, person.id, 'Directing', 'Director');
    await credit(newerB.id, person.id, 'Writing', 'Screenplay');
    await credit(undatedZ.id, person.id, 'Production', 'Producer');
    await credit(undatedE.id, person.id, 'Sound', 'Original Music Composer');
    await credit(newerA.id, person.id, 'Production', 'Producer');

    const details = (await anonymous.get(`/persons/${person.id}`)).json<PersonDoc & { crew: CrewWork[] }>();
    expect(details.crew.map((c) => [c.movie.title, c.department.name, c.job])).toEqual([
      ['alpha', 'Production', 'Producer'],
      ['Beta', 'Directing', 'Director'],
      ['Beta', 'Writing', 'Screenplay'],
      ['Beta', 'Writing', 'Story'],
      ['Old One', 'Writing', 'Screenplay'],
      ['Écho', 'Sound', 'Original Music Composer'],
      ['Zulu', 'Production', 'Producer'],
    ]);
    const [creditRow] = await query<{ id: number }>(
      t.database.handle,
      sql`select credit_id as id from crew_credit where person_id = ${person.id} and movie_id = ${newerA.id}`,
    );
    expect(details.crew[0]).toEqual({
      id: creditRow!.id,
      job: 'Producer',
      department: { id: 3, name: 'Production' },
      movie: { id: newerA.id, title: 'alpha', releaseDate: '2020-05-01', poster: null },
    });
    expect(details.knownForDepartment).toBe('Writing');
    // Crew work is not acting or directing.
    expect(details).toMatchObject({ acting: [], moviesActed: 0 });
  });
});

describe('GET /persons', () => {
  it('filters by name, gender, country, role, ids and tmdbId', async () => {
    const own = await createTestApp();
    try {
      const ed = clientFor(own, await signInAs(own, 'editor'));
      const make = async (body: Record<string, unknown>) => created<PersonDoc>(await ed.post('/persons', body));
      const [jp] = (await clientFor(own).get('/countries?q=JP')).json<{ items: { id: number }[] }>().items;
      const kurosawa = await make({ firstName: 'Akira', lastName: 'Kurosawa', gender: 'male', countryId: jp!.id });
      const mifune = await make({ firstName: 'Toshirō', lastName: 'Mifune', gender: 'male', countryId: jp!.id });
      const kyo = await make({ firstName: 'Machiko', lastName: 'Kyō', gender: 'female' });
      const movie = await created<{ id: number }>(await ed.post('/movies', { title: 'Rashomon', directorId: kurosawa.id }));
      await ed.post(`/movies/${movie.id}/characters`, { name: 'Tajōmaru', role: 'leading', actorId: mifune.id });
      const names = async (qs: string) =>
        (await clientFor(own).get(`/persons?pageSize=100&${qs}`)).json<{ items: PersonDoc[] }>().items.map((p) => p.lastName);

      expect(await names('q=TOSHIRO')).toEqual(['Mifune']);
      expect(await names('q=akira kuro')).toEqual(['Kurosawa']);
      expect(await names('gender=female')).toEqual(['Kyō']);
      expect(await names('country=jp')).toEqual(['Kurosawa', 'Mifune']);
      expect(await names('role=actor')).toEqual(['Mifune']);
      expect(await names('role=director')).toEqual(['Kurosawa']);
      expect(await names(`ids=${kyo.id},${kurosawa.id}`)).toEqual(['Kurosawa', 'Kyō']);
      expect(await names('sort=-name')).toEqual(['Mifune', 'Kyō', 'Kurosawa']);
    } finally {
      await own.close();
    }
  });

  it('sorts by each figure, unknown averages last', async () => {
    const own = await createTestApp();
    try {
      const ed = clientFor(own, await signInAs(own, 'editor'));
      const make = async (lastName: string) => created<PersonDoc>(await ed.post('/persons', { firstName: 'P', lastName }));
      const [a, b, c] = [await make('A'), await make('B'), await make('C')];
      const movie = async (budget: number | null, directorId: number) =>
        created<{ id: number }>(await ed.post('/movies', { title: `M${Math.random()}`, budget, directorId }));
      // A directs two movies averaging 150; B one of 500; C one without a budget.
      const m1 = await movie(100, a.id);
      const m2 = await movie(200, a.id);
      const m3 = await movie(500, b.id);
      await movie(null, c.id);
      // B acts in m1 and m2 (300), C in m3 (500), A in nothing.
      await ed.post(`/movies/${m1.id}/characters`, { name: 'x', role: 'leading', actorId: b.id });
      await ed.post(`/movies/${m2.id}/characters`, { name: 'y', role: 'leading', actorId: b.id });
      await ed.post(`/movies/${m3.id}/characters`, { name: 'z', role: 'leading', actorId: c.id });

      const order = async (sort: string) =>
        (await clientFor(own).get(`/persons?sort=${sort}`)).json<{ items: PersonDoc[] }>().items.map((p) => p.lastName);
      expect(await order('-directingBudgetAverage')).toEqual(['B', 'A', 'C']);
      expect(await order('directingBudgetAverage')).toEqual(['A', 'B', 'C']);
      expect(await order('-actingBudgetTotal')).toEqual(['C', 'B', 'A']);
      expect(await order('-moviesActed')).toEqual(['B', 'C', 'A']);
      // Ties go by id, in the direction of the sort.
      expect(await order('-moviesDirected')).toEqual(['A', 'C', 'B']);
      expect(await order('moviesDirected')).toEqual(['B', 'C', 'A']);
      const items = (await clientFor(own).get('/persons?sort=name')).json<{ items: PersonDoc[] }>().items;
      expect(items.map((p) => [p.lastName, p.moviesActed, p.actingBudgetTotal, p.moviesDirected, p.directingBudgetAverage])).toEqual([
        ['A', 0, 0, 2, 150],
        ['B', 2, 300, 1, 500],
        ['C', 1, 500, 1, null],
      ]);
    } finally {
      await own.close();
    }
  });

  it.each([
    ['gender=robot', 'gender'],
    ['role=writer', 'role'],
    ['sort=age', 'sort'],
    ['country=ZZ', 'country'],
  ])('refuses ?%s naming %s', async (qs, field) => {
    const response = await anonymous.get(`/persons?${qs}`);
    expect([400, 422]).toContain(response.statusCode);
    expect(response.json()).toMatchObject({ errors: [{ in: 'query', field }] });
  });
});

describe('ETag and 304 on people', () => {
  it('answers 304 to the current ETag, and a new ETag once the person or their credits change', async () => {
    const person = await newPerson({ firstName: 'Etag', lastName: 'Person' });
    const first = await anonymous.get(`/persons/${person.id}`);
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    expect((await anonymous.get(`/persons/${person.id}`, { 'if-none-match': etag })).statusCode).toBe(304);

    // A new credit changes the page (filmography, figures) though the person row did not change.
    const movie = await newMovie({ title: 'Their first film', budget: 1_000 });
    await cast(movie.id, person.id, 'Debut');
    const changed = await anonymous.get(`/persons/${person.id}`, { 'if-none-match': etag });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ moviesActed: 1, actingBudgetTotal: 1_000 });
    const list = await anonymous.get('/persons?q=Etag');
    expect((await anonymous.get('/persons?q=Etag', { 'if-none-match': list.headers.etag as string })).statusCode).toBe(304);
  });
});

describe('person writes', () => {
  it('creates and changes a person; only editors may', async () => {
    const user = clientFor(t, await signInAs(t, 'user'));
    expect((await anonymous.post('/persons', { firstName: 'A', lastName: 'B' })).statusCode).toBe(401);
    expect((await user.post('/persons', { firstName: 'A', lastName: 'B' })).statusCode).toBe(403);
    const person = await newPerson({ firstName: 'Agnes', lastName: 'Varda', birthDate: '1928-05-30', gender: 'female' });
    expect((await user.patch(`/persons/${person.id}`, { lastName: 'X' })).statusCode).toBe(403);
    const changed = await editor.patch(`/persons/${person.id}`, { lastName: 'Varda', biography: 'Director.', birthDate: null });
    expect(changed.json()).toMatchObject({ firstName: 'Agnes', biography: 'Director.', birthDate: null });
    expect((await editor.patch('/persons/987654', { firstName: 'X' })).statusCode).toBe(404);
  });

  it.each([
    [{ lastName: 'X' }, 'firstName'],
    [{ firstName: '', lastName: 'X' }, 'firstName'],
    [{ firstName: 'X' }, 'lastName'],
    [{ firstName: 'X', lastName: 'Y', gender: 'robot' }, 'gender'],
    [{ firstName: 'X', lastName: 'Y', birthDate: '1990-02-30' }, 'birthDate'],
  ])('refuses %o with 400 naming %s', async (body, field) => {
    const response = await editor.post('/persons', body);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain(field);
  });

  it('refuses an unknown country with 422', async () => {
    const response = await editor.post('/persons', { firstName: 'X', lastName: 'Y', countryId: 987_654 });
    expect(response.json()).toMatchObject({ status: 422, errors: [{ field: 'countryId' }] });
  });

  it('refuses to delete someone who directs or plays, until detached', async () => {
    const person = await newPerson({ firstName: 'Busy', lastName: 'Person' });
    // The director is credited in the crew too (Directing / Director).
    const movie = await newMovie({ title: 'Tied', directorId: person.id });
    const character = await created<{ id: number }>(await cast(movie.id, person.id, 'Self'));
    const refused = await editor.delete(`/persons/${person.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      detail:
        'This person directs 1 movie(s) and plays 1 character(s) and is in the crew of 1 movie(s): ' +
        'detach them first (change those movies and characters).',
    });

    await editor.patch(`/movies/${movie.id}`, { directorId: null });
    await editor.delete(`/characters/${character.id}`);
    // Clearing the director took the Directing / Director credit with it.
    expect((await anonymous.get(`/persons/${person.id}`)).json<{ crew: unknown[] }>().crew).toEqual([]);
    const user = clientFor(t, await signInAs(t, 'user'));
    expect((await user.delete(`/persons/${person.id}`)).statusCode).toBe(403);
    expect((await editor.delete(`/persons/${person.id}`)).statusCode).toBe(204);
    expect((await anonymous.get(`/persons/${person.id}`)).statusCode).toBe(404);
  });

  it('refuses to delete someone in a crew; the crew goes with its movie', async () => {
    const person = await newPerson({ firstName: 'Crew', lastName: 'Only' });
    const movie = await newMovie({ title: 'Crewed' });
    await query(
      t.database.handle,
      `insert into crew_credit (movie_id, person_id, department_id, job)
       select ${movie.id}, ${person.id}, department_id, job from department, (values ('Screenplay'), ('Story')) j(job) where name = 'Writing'`,
    );
    const refused = await editor.delete(`/persons/${person.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      detail: 'This person is in the crew of 1 movie(s): detach them first (change those movies and characters).',
    });
    expect((await anonymous.get(`/persons/${person.id}`)).statusCode).toBe(200);

    expect((await editor.delete(`/movies/${movie.id}`)).statusCode).toBe(204);
    expect(await query(t.database.handle, `select * from crew_credit where person_id = ${person.id}`)).toEqual([]);
    expect((await editor.delete(`/persons/${person.id}`)).statusCode).toBe(204);
  });
});
