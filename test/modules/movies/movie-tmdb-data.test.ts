// TMDB's data on a movie: every production country, spoken languages, keywords, companies and the
// crew by department; their writes, the crew's endpoints, their filters and the popularity sort.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { type Client, clientFor, created, signInAs } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

interface PersonRef {
  id: number;
  firstName: string;
  lastName: string;
  photo: null;
}
interface CountryRef {
  id: number;
  code: string;
  name: string;
}
interface CrewCredit {
  id: number;
  job: string;
  department: { id: number; name: string };
  person: PersonRef;
}
interface MovieDoc {
  id: number;
  title: string;
  country: CountryRef | null;
  countries: CountryRef[];
  languages: { code: string; name: string }[];
  keywords: { id: number; name: string }[];
  companies: { id: number; name: string; originCountry: CountryRef | null }[];
  crew: { department: { id: number; name: string }; credits: Omit<CrewCredit, 'department'>[] }[];
  [key: string]: unknown;
}
interface Page {
  items: { id: number; title: string }[];
  nextCursor: string | null;
}
interface Problem {
  errors?: { field: string; message: string }[];
}

const t = useTestApp();
let anonymous: Client;
let plainUser: Client;
let editor: Client;
let admin: Client;
const country = new Map<string, CountryRef>();
const keyword = new Map<string, number>();
const company = new Map<string, number>();
const person = new Map<string, PersonRef>();

// Departments as drizzle/0013 seeds them.
const DIRECTING = { id: 1, name: 'Directing' };
const WRITING = { id: 2, name: 'Writing' };
const SOUND = { id: 6, name: 'Sound' };

const fieldsOf = async (response: { json: () => unknown }) =>
  Promise.resolve(((response.json() as Problem).errors ?? []).map((e) => e.field));

const ref = (key: string) => person.get(key)!;
const refOfCountry = (code: string) => country.get(code)!;

beforeAll(async () => {
  anonymous = clientFor(t);
  plainUser = clientFor(t, await signInAs(t, 'user'));
  editor = clientFor(t, await signInAs(t, 'editor'));
  admin = clientFor(t, await signInAs(t, 'admin'));
  for (const row of await query<CountryRef>(t.database.handle, 'select country_id as id, code, name from country')) {
    country.set(row.code.trim(), { id: row.id, code: row.code.trim(), name: row.name });
  }
  for (const name of ['time travel', 'heist', 'based on novel', 'popular-set', 'dream']) {
    const [row] = await query<{ id: number }>(
      t.database.handle,
      sql`insert into keyword (name) values (${name}) returning keyword_id as id`,
    );
    keyword.set(name, row!.id);
  }
  for (const [name, code] of [
    ['Syncopy', 'GB'],
    ['Legendary Pictures', 'US'],
    ['A24', null],
  ] as const) {
    const [row] = await query<{ id: number }>(
      t.database.handle,
      sql`insert into company (name, origin_country_id) values (${name}, (select country_id from country where code = ${code}))
        returning company_id as id`,
    );
    company.set(name, row!.id);
  }
  for (const [key, firstName, lastName] of [
    ['nolan', 'Christopher', 'Nolan'],
    ['joy', 'Lisa', 'Joy'],
    ['jonah', 'Jonathan', 'Nolan'],
    ['zimmer', 'Hans', 'Zimmer'],
    ['goransson', 'Ludwig', 'Göransson'],
  ] as const) {
    const { id } = await created<PersonRef>(await editor.post('/persons', { firstName, lastName }));
    person.set(key, { id, firstName, lastName, photo: null });
  }
});

describe('the movie page', () => {
  let movie: MovieDoc;

  beforeAll(async () => {
    movie = await created<MovieDoc>(
      await editor.post('/movies', {
        title: 'Interstellar',
        directorId: ref('nolan').id,
        countryIds: [refOfCountry('GB').id, refOfCountry('US').id, refOfCountry('CA').id],
        languageCodes: ['en', 'fr', 'de'],
        keywordIds: [keyword.get('time travel'), keyword.get('heist'), keyword.get('based on novel')],
        companyIds: [company.get('Legendary Pictures'), company.get('Syncopy'), company.get('A24')],
      }),
    );
    for (const [who, departmentId, job] of [
      ['zimmer', SOUND.id, 'Original Music Composer'],
      ['nolan', WRITING.id, 'Screenplay'],
      ['jonah', WRITING.id, 'Screenplay'],
      ['joy', WRITING.id, 'Characters'],
    ] as const) {
      await created(await editor.post(`/movies/${movie.id}/crew`, { personId: ref(who).id, departmentId, job }));
    }
  });

  it('lists every production country, spoken language, keyword, company and crew credit, each in its order', async () => {
    const doc = (await anonymous.get(`/movies/${movie.id}`)).json<MovieDoc>();
    expect(doc.country).toEqual(refOfCountry('GB'));
    expect(doc.countries).toEqual([refOfCountry('GB'), refOfCountry('US'), refOfCountry('CA')]);
    expect(doc.languages).toEqual([
      { code: 'en', name: 'English' },
      { code: 'fr', name: 'French' },
      { code: 'de', name: 'German' },
    ]);
    // Keywords by name.
    expect(doc.keywords).toEqual([
      { id: keyword.get('based on novel'), name: 'based on novel' },
      { id: keyword.get('heist'), name: 'heist' },
      { id: keyword.get('time travel'), name: 'time travel' },
    ]);
    expect(doc.companies).toEqual([
      { id: company.get('Legendary Pictures'), name: 'Legendary Pictures', originCountry: refOfCountry('US') },
      { id: company.get('Syncopy'), name: 'Syncopy', originCountry: refOfCountry('GB') },
      { id: company.get('A24'), name: 'A24', originCountry: null },
    ]);
    // Departments by id; within one, by job, then last name and first name.
    const credit = (who: string, job: string) => ({ id: expect.any(Number) as number, job, person: ref(who) });
    expect(doc.crew).toEqual([
      { department: DIRECTING, credits: [credit('nolan', 'Director')] },
      { department: WRITING, credits: [credit('joy', 'Characters'), credit('nolan', 'Screenplay'), credit('jonah', 'Screenplay')] },
      { department: SOUND, credits: [credit('zimmer', 'Original Music Composer')] },
    ]);
  });

  it('GET /movies/{id}/crew lists the same credits flat, with their departments', async () => {
    const doc = (await anonymous.get(`/movies/${movie.id}`)).json<MovieDoc>();
    const response = await anonymous.get(`/movies/${movie.id}/crew`);
    expect(response.statusCode).toBe(200);
    const flat = doc.crew.flatMap((group) => group.credits.map((c) => ({ ...c, department: group.department })));
    expect(response.json()).toEqual({ items: flat });
    expect(flat.map((c) => `${c.department.name}/${c.job}/${c.person.lastName}`)).toEqual([
      'Directing/Director/Nolan',
      'Writing/Characters/Joy',
      'Writing/Screenplay/Nolan',
      'Writing/Screenplay/Nolan',
      'Sound/Original Music Composer/Zimmer',
    ]);
    expect((await anonymous.get('/movies/999999/crew')).statusCode).toBe(404);
  });

  it('a movie without any of it has empty lists', async () => {
    const bare = await created<MovieDoc>(await editor.post('/movies', { title: 'Bare' }));
    expect(bare).toMatchObject({ country: null, countries: [], languages: [], keywords: [], companies: [], crew: [] });
    expect((await anonymous.get(`/movies/${bare.id}/crew`)).json()).toEqual({ items: [] });
  });
});

describe('crew credits', () => {
  let movieId: number;
  beforeAll(async () => {
    movieId = (await created<MovieDoc>(await editor.post('/movies', { title: 'Crew Work' }))).id;
  });

  it('an editor or an admin adds one and answers it; the same credit twice is a 409', async () => {
    const body = { personId: ref('goransson').id, departmentId: SOUND.id, job: 'Original Music Composer' };
    const response = await editor.post(`/movies/${movieId}/crew`, body);
    expect(response.statusCode).toBe(201);
    const credit = response.json<CrewCredit>();
    expect(credit).toEqual({
      id: expect.any(Number) as number,
      job: 'Original Music Composer',
      department: SOUND,
      person: ref('goransson'),
    });
    const again = await admin.post(`/movies/${movieId}/crew`, body);
    expect(again.statusCode).toBe(409);
    // Another job in the same department is another credit.
    const byAdmin = await admin.post(`/movies/${movieId}/crew`, { ...body, job: 'Music' });
    expect(byAdmin.statusCode).toBe(201);
    const items = (await anonymous.get(`/movies/${movieId}/crew`)).json<{ items: CrewCredit[] }>().items;
    expect(items.map((c) => [c.id, c.job])).toEqual([
      [byAdmin.json<CrewCredit>().id, 'Music'],
      [credit.id, 'Original Music Composer'],
    ]);
  });

  it('refuses the anonymous (401) and plain users (403), writing nothing', async () => {
    const body = { personId: ref('joy').id, departmentId: WRITING.id, job: 'Writer' };
    expect((await anonymous.post(`/movies/${movieId}/crew`, body)).statusCode).toBe(401);
    expect((await plainUser.post(`/movies/${movieId}/crew`, body)).statusCode).toBe(403);
    const [first] = (await anonymous.get(`/movies/${movieId}/crew`)).json<{ items: CrewCredit[] }>().items;
    expect((await anonymous.delete(`/movies/${movieId}/crew/${first!.id}`)).statusCode).toBe(401);
    expect((await plainUser.delete(`/movies/${movieId}/crew/${first!.id}`)).statusCode).toBe(403);
    const jobs = (await anonymous.get(`/movies/${movieId}/crew`)).json<{ items: CrewCredit[] }>().items.map((c) => c.job);
    expect(jobs).toEqual(['Music', 'Original Music Composer']);
  });

  it('answers 404 for an unknown movie, 422 naming personId or departmentId, 400 for a bad job', async () => {
    const body = { personId: ref('joy').id, departmentId: WRITING.id, job: 'Writer' };
    expect((await editor.post('/movies/999999/crew', body)).statusCode).toBe(404);
    const noPerson = await editor.post(`/movies/${movieId}/crew`, { ...body, personId: 999999 });
    expect(noPerson.statusCode).toBe(422);
    expect(await fieldsOf(noPerson)).toEqual(['personId']);
    const noDepartment = await editor.post(`/movies/${movieId}/crew`, { ...body, departmentId: 99 });
    expect(noDepartment.statusCode).toBe(422);
    expect(await fieldsOf(noDepartment)).toEqual(['departmentId']);
    for (const [bad, field] of [
      [{ ...body, job: '   ' }, 'job'],
      [{ ...body, job: '' }, 'job'],
      [{ ...body, job: 'x'.repeat(201) }, 'job'],
      [{ ...body, departmentId: 0 }, 'departmentId'],
      [{ ...body, personId: 'joy' }, 'personId'],
      [{ departmentId: WRITING.id, job: 'Writer' }, 'personId'],
      [{ ...body, extra: 1 }, 'extra'],
    ] as const) {
      const response = await editor.post(`/movies/${movieId}/crew`, bad);
      expect(response.statusCode, JSON.stringify(bad)).toBe(400);
      expect(await fieldsOf(response), JSON.stringify(bad)).toContain(field);
    }
    const ok = await editor.post(`/movies/${movieId}/crew`, { ...body, job: 'x'.repeat(200) });
    expect(ok.statusCode).toBe(201);
    expect((await editor.delete(`/movies/${movieId}/crew/${ok.json<CrewCredit>().id}`)).statusCode).toBe(204);
    const jobs = (await anonymous.get(`/movies/${movieId}/crew`)).json<{ items: CrewCredit[] }>().items.map((c) => c.job);
    expect(jobs).toEqual(['Music', 'Original Music Composer']);
  });

  it('deletes a credit of that movie (204), and answers 404 for one of another movie or none', async () => {
    const other = await created<MovieDoc>(await editor.post('/movies', { title: 'Other Crew', directorId: ref('nolan').id }));
    const otherCredit = other.crew[0]!.credits[0]!;
    expect((await editor.delete(`/movies/${movieId}/crew/${otherCredit.id}`)).statusCode).toBe(404);
    expect((await editor.delete(`/movies/${movieId}/crew/999999`)).statusCode).toBe(404);
    expect((await anonymous.get(`/movies/${other.id}/crew`)).json<{ items: CrewCredit[] }>().items).toHaveLength(1);
    const [music] = (await anonymous.get(`/movies/${movieId}/crew`)).json<{ items: CrewCredit[] }>().items;
    expect((await admin.delete(`/movies/${movieId}/crew/${music!.id}`)).statusCode).toBe(204);
    expect((await editor.delete(`/movies/${movieId}/crew/${music!.id}`)).statusCode).toBe(404);
    const jobs = (await anonymous.get(`/movies/${movieId}/crew`)).json<{ items: CrewCredit[] }>().items.map((c) => c.job);
    expect(jobs).toEqual(['Original Music Composer']);
  });

  it("a movie's directorId is its Directing / Director credit: added with it, moved when it changes, kept when removed from the crew alone", async () => {
    const doc = await created<MovieDoc>(await editor.post('/movies', { title: 'Directed' }));
    expect(doc.crew).toEqual([]);
    const updated = (await editor.patch(`/movies/${doc.id}`, { directorId: ref('joy').id })).json<MovieDoc>();
    expect(updated.crew).toEqual([
      { department: DIRECTING, credits: [{ id: expect.any(Number) as number, job: 'Director', person: ref('joy') }] },
    ]);
    // The same director again changes nothing; another one replaces the credit of the one replaced.
    await editor.patch(`/movies/${doc.id}`, { directorId: ref('joy').id });
    const moved = (await editor.patch(`/movies/${doc.id}`, { directorId: ref('nolan').id })).json<MovieDoc>();
    expect(moved.crew[0]!.credits.map((c) => c.person.lastName)).toEqual(['Nolan']);
    // A credit removed from the crew is not brought back by saving the same director.
    const [credit] = moved.crew[0]!.credits;
    expect((await editor.delete(`/movies/${doc.id}/crew/${credit!.id}`)).statusCode).toBe(204);
    const saved = (await editor.patch(`/movies/${doc.id}`, { directorId: ref('nolan').id, title: 'Directed again' })).json<MovieDoc>();
    expect(saved.title).toBe('Directed again');
    expect(saved.crew).toEqual([]);
    // Clearing the director takes the credit of the one cleared.
    await editor.patch(`/movies/${doc.id}`, { directorId: ref('joy').id });
    const cleared = (await editor.patch(`/movies/${doc.id}`, { directorId: null })).json<MovieDoc>();
    expect(cleared.crew).toEqual([]);
  });
});

describe('writing the lists', () => {
  const snapshot = async (id: number) => (await anonymous.get(`/movies/${id}`)).json<MovieDoc>();

  it('replaces each list as given; countryIds sets country to its first', async () => {
    const doc = await created<MovieDoc>(await editor.post('/movies', { title: 'Lists', countryIds: [refOfCountry('FR').id] }));
    expect(doc.country).toEqual(refOfCountry('FR'));
    expect(doc.countries).toEqual([refOfCountry('FR')]);
    const patched = (
      await editor.patch(`/movies/${doc.id}`, {
        countryIds: [refOfCountry('GB').id, refOfCountry('US').id, refOfCountry('FR').id],
        languageCodes: ['ja', 'en'],
        keywordIds: [keyword.get('dream')],
        companyIds: [company.get('A24'), company.get('Syncopy')],
      })
    ).json<MovieDoc>();
    expect(patched.country).toEqual(refOfCountry('GB'));
    expect(patched.countries.map((c) => c.code)).toEqual(['GB', 'US', 'FR']);
    expect(patched.languages.map((l) => l.code)).toEqual(['ja', 'en']);
    expect(patched.keywords.map((k) => k.name)).toEqual(['dream']);
    expect(patched.companies.map((c) => c.name)).toEqual(['A24', 'Syncopy']);
    // countryId alone replaces the main country and keeps the others.
    const main = (await editor.patch(`/movies/${doc.id}`, { countryId: refOfCountry('DE').id })).json<MovieDoc>();
    expect(main.countries.map((c) => c.code)).toEqual(['DE', 'US', 'FR']);
    // A list whose first was further down; both given, agreeing.
    const reordered = (
      await editor.patch(`/movies/${doc.id}`, {
        countryId: refOfCountry('FR').id,
        countryIds: [refOfCountry('FR').id, refOfCountry('DE').id],
      })
    ).json<MovieDoc>();
    expect(reordered.country).toEqual(refOfCountry('FR'));
    expect(reordered.countries.map((c) => c.code)).toEqual(['FR', 'DE']);
    const stored = await query<{ code: string; position: number }>(
      t.database.handle,
      sql`select trim(c.code) as code, mc.position from movie_country mc join country c using (country_id)
        where mc.movie_id = ${doc.id} order by mc.position`,
    );
    expect(stored).toEqual([
      { code: 'FR', position: 0 },
      { code: 'DE', position: 1 },
    ]);
    // A list that keeps some items and moves others: only the differences are written, in the new order.
    const rewritten = (
      await editor.patch(`/movies/${doc.id}`, {
        languageCodes: ['en', 'fr', 'ja'],
        keywordIds: [keyword.get('dream'), keyword.get('heist')],
        companyIds: [company.get('Syncopy'), company.get('A24')],
      })
    ).json<MovieDoc>();
    expect(rewritten.languages.map((l) => l.code)).toEqual(['en', 'fr', 'ja']);
    expect(rewritten.keywords.map((k) => k.name)).toEqual(['dream', 'heist']);
    expect(rewritten.companies.map((c) => c.name)).toEqual(['Syncopy', 'A24']);
    const counts = await query<{ name: string; movies_count: number }>(
      t.database.handle,
      sql`select name, movies_count from keyword where keyword_id in (select keyword_id from movie_keyword where movie_id = ${doc.id}) order by name`,
    );
    expect(counts.map((c) => c.name)).toEqual(['dream', 'heist']);
    for (const c of counts) {
      const [linked] = await query<{ n: number }>(
        t.database.handle,
        sql`select count(*)::int as n from movie_keyword mk join keyword k using (keyword_id) where k.name = ${c.name}`,
      );
      expect(c.movies_count).toBe(linked!.n);
    }
    await editor.patch(`/movies/${doc.id}`, { languageCodes: ['ja', 'en'], keywordIds: [keyword.get('dream')] });
    // Other fields leave the lists alone; empty lists clear them.
    expect((await editor.patch(`/movies/${doc.id}`, { tagline: 'Lists.' })).json<MovieDoc>().languages.map((l) => l.code)).toEqual([
      'ja',
      'en',
    ]);
    const cleared = (
      await editor.patch(`/movies/${doc.id}`, { countryIds: [], languageCodes: [], keywordIds: [], companyIds: [] })
    ).json<MovieDoc>();
    expect(cleared).toMatchObject({ country: null, countries: [], languages: [], keywords: [], companies: [] });
  });

  it('refuses unknown ids (422 naming the field) and changes nothing', async () => {
    const doc = await created<MovieDoc>(
      await editor.post('/movies', {
        title: 'Guarded',
        countryIds: [refOfCountry('US').id],
        languageCodes: ['en'],
        keywordIds: [keyword.get('heist')],
        companyIds: [company.get('Syncopy')],
      }),
    );
    const before = await snapshot(doc.id);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ countryIds: [refOfCountry('GB').id, 999999] }, ['countryIds']],
      [{ languageCodes: ['en', 'zz'] }, ['languageCodes']],
      [{ keywordIds: [999999] }, ['keywordIds']],
      [{ companyIds: [company.get('A24')!, 999999] }, ['companyIds']],
      [{ keywordIds: [999998], companyIds: [999999], languageCodes: ['qq'] }, ['keywordIds', 'companyIds', 'languageCodes']],
      // Both given, they must agree on the first.
      [{ countryId: refOfCountry('GB').id, countryIds: [refOfCountry('US').id, refOfCountry('GB').id] }, ['countryIds']],
      [{ countryId: null, countryIds: [refOfCountry('US').id] }, ['countryIds']],
      [{ countryId: refOfCountry('GB').id, countryIds: [] }, ['countryIds']],
      // A good list beside a bad one is not written either.
      [{ title: 'Changed', keywordIds: [keyword.get('dream')!], companyIds: [999999] }, ['companyIds']],
    ];
    for (const [body, fields] of cases) {
      const response = await editor.patch(`/movies/${doc.id}`, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(422);
      expect(await fieldsOf(response), JSON.stringify(body)).toEqual(fields);
    }
    expect(await snapshot(doc.id)).toEqual(before);
    const refused = await editor.post('/movies', { title: 'Never Written', keywordIds: [999999] });
    expect(refused.statusCode).toBe(422);
    expect(await fieldsOf(refused)).toEqual(['keywordIds']);
    expect(await query(t.database.handle, sql`select 1 from movie where title = 'Never Written'`)).toEqual([]);
  });

  it('refuses lists out of their bounds (400 naming the field)', async () => {
    const doc = await created<MovieDoc>(await editor.post('/movies', { title: 'Bounded Lists' }));
    const before = await snapshot(doc.id);
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    const cases: [Record<string, unknown>, string][] = [
      [{ countryIds: ids(51) }, 'countryIds'],
      [{ countryIds: [1, 1] }, 'countryIds'],
      [{ countryIds: [0] }, 'countryIds'],
      [{ languageCodes: ['EN'] }, 'languageCodes'],
      [{ languageCodes: ['english'] }, 'languageCodes'],
      [{ languageCodes: ['en', 'en'] }, 'languageCodes'],
      [
        { languageCodes: Array.from({ length: 51 }, (_, i) => `a${String.fromCharCode(97 + (i % 26))}${i < 26 ? '' : 'b'}`) },
        'languageCodes',
      ],
      [{ keywordIds: ids(201) }, 'keywordIds'],
      [{ keywordIds: ['heist'] }, 'keywordIds'],
      [{ companyIds: ids(101) }, 'companyIds'],
      [{ companyIds: [2_147_483_648] }, 'companyIds'],
    ];
    for (const [body, field] of cases) {
      const response = await editor.patch(`/movies/${doc.id}`, body);
      expect(response.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
      // The field, or one of its items (countryIds.0).
      const named = (await fieldsOf(response)).map((f) => f.split('.')[0]);
      expect(named, JSON.stringify(body).slice(0, 80)).toContain(field);
    }
    expect(await snapshot(doc.id)).toEqual(before);
    expect((await anonymous.patch(`/movies/${doc.id}`, { keywordIds: [keyword.get('heist')] })).statusCode).toBe(401);
    expect((await plainUser.patch(`/movies/${doc.id}`, { keywordIds: [keyword.get('heist')] })).statusCode).toBe(403);
    expect(await snapshot(doc.id)).toEqual(before);
  });
});

describe('GET /movies filters', () => {
  const found = new Map<string, number>();
  const titles = async (queryString: string) => {
    const response = await anonymous.get(`/movies?sort=title&pageSize=100&${queryString}`);
    expect(response.statusCode, `${queryString}: ${response.body}`).toBe(200);
    return response
      .json<Page>()
      .items.map((m) => m.title)
      .filter((title) => found.has(title));
  };

  beforeAll(async () => {
    const fixtures: { title: string; keywords: string[]; companies: string[]; languages: string[]; crew: [string, number, string][] }[] = [
      {
        title: 'F Heist Dream',
        keywords: ['heist', 'dream'],
        companies: ['Syncopy', 'Legendary Pictures'],
        languages: ['en', 'ja'],
        crew: [['zimmer', SOUND.id, 'Original Music Composer']],
      },
      { title: 'F Heist', keywords: ['heist'], companies: ['Syncopy'], languages: ['fr'], crew: [['zimmer', SOUND.id, 'Music']] },
      {
        title: 'F Dream',
        keywords: ['dream'],
        companies: ['A24'],
        languages: ['en'],
        crew: [
          ['goransson', SOUND.id, 'Original Music Composer'],
          ['joy', WRITING.id, 'Screenplay'],
        ],
      },
      { title: 'F Nothing', keywords: [], companies: [], languages: [], crew: [] },
    ];
    for (const f of fixtures) {
      const doc = await created<MovieDoc>(
        await editor.post('/movies', {
          title: f.title,
          keywordIds: f.keywords.map((k) => keyword.get(k)),
          companyIds: f.companies.map((c) => company.get(c)),
          languageCodes: f.languages,
        }),
      );
      found.set(f.title, doc.id);
      for (const [who, departmentId, job] of f.crew) {
        await created(await editor.post(`/movies/${doc.id}/crew`, { personId: ref(who).id, departmentId, job }));
      }
    }
  });

  it('keyword: all of them with ",", any of them with "|"', async () => {
    const [heist, dream] = [keyword.get('heist'), keyword.get('dream')];
    expect(await titles(`keyword=${heist}`)).toEqual(['F Heist', 'F Heist Dream']);
    expect(await titles(`keyword=${heist},${dream}`)).toEqual(['F Heist Dream']);
    expect(await titles(`keyword=${heist}|${dream}`)).toEqual(['F Dream', 'F Heist', 'F Heist Dream']);
    expect(await titles('keyword=999999')).toEqual([]);
  });

  it('productionCountry: any of the production countries; country: the first alone', async () => {
    const id = (title: string) => found.get(title)!;
    await editor.patch(`/movies/${id('F Heist')}`, { countryIds: [refOfCountry('US').id, refOfCountry('GB').id] });
    await editor.patch(`/movies/${id('F Dream')}`, { countryIds: [refOfCountry('GB').id] });
    expect(await titles('productionCountry=GB')).toEqual(['F Dream', 'F Heist']);
    expect(await titles(`productionCountry=${refOfCountry('US').id}`)).toEqual(['F Heist']);
    expect(await titles('country=GB')).toEqual(['F Dream']);
    expect(await titles('productionCountry=FR')).toEqual([]);
    const unknown = await anonymous.get('/movies?productionCountry=QQ');
    expect(unknown.statusCode).toBe(422);
    expect(await fieldsOf(unknown)).toEqual(['productionCountry']);
  });

  it('company: all with ",", any with "|"', async () => {
    const [syncopy, legendary, a24] = [company.get('Syncopy'), company.get('Legendary Pictures'), company.get('A24')];
    expect(await titles(`company=${syncopy}`)).toEqual(['F Heist', 'F Heist Dream']);
    expect(await titles(`company=${syncopy},${legendary}`)).toEqual(['F Heist Dream']);
    expect(await titles(`company=${legendary}|${a24}`)).toEqual(['F Dream', 'F Heist Dream']);
  });

  it('language: spoken languages, all with ",", any with "|"', async () => {
    expect(await titles('language=en')).toEqual(['F Dream', 'F Heist Dream']);
    expect(await titles('language=en,ja')).toEqual(['F Heist Dream']);
    expect(await titles(`language=${encodeURIComponent('fr|ja')}`)).toEqual(['F Heist', 'F Heist Dream']);
  });

  it('crew: people with a credit, all or any; job narrows it to that job', async () => {
    const [zimmer, goransson, joy] = [ref('zimmer').id, ref('goransson').id, ref('joy').id];
    expect(await titles(`crew=${zimmer}`)).toEqual(['F Heist', 'F Heist Dream']);
    expect(await titles(`crew=${zimmer}|${goransson}`)).toEqual(['F Dream', 'F Heist', 'F Heist Dream']);
    expect(await titles(`crew=${goransson},${joy}`)).toEqual(['F Dream']);
    expect(await titles(`crew=${zimmer},${joy}`)).toEqual([]);
    expect(await titles(`crew=${zimmer}&job=Music`)).toEqual(['F Heist']);
    expect(await titles(`crew=${zimmer}|${goransson}&job=${encodeURIComponent('Original Music Composer')}`)).toEqual([
      'F Dream',
      'F Heist Dream',
    ]);
    // Exact job: neither another case nor a part of it.
    expect(await titles(`crew=${zimmer}&job=music`)).toEqual([]);
    // Filters combine.
    expect(await titles(`crew=${zimmer}&keyword=${keyword.get('dream')}&language=ja`)).toEqual(['F Heist Dream']);
  });

  it('refuses job without crew (422) and malformed lists (400), naming the field', async () => {
    const jobAlone = await anonymous.get('/movies?job=Director');
    expect(jobAlone.statusCode).toBe(422);
    expect(await fieldsOf(jobAlone)).toEqual(['job']);
    const cases: [string, string][] = [
      ['keyword=heist', 'keyword'],
      ['keyword=1,2|3', 'keyword'],
      ['company=0', 'company'],
      ['company=1,,2', 'company'],
      ['language=EN', 'language'],
      ['language=en,english', 'language'],
      [`language=${Array.from({ length: 101 }, () => 'en').join(',')}`, 'language'],
      [`keyword=${Array.from({ length: 101 }, (_, i) => i + 1).join(',')}`, 'keyword'],
      ['crew=nolan', 'crew'],
      ['crew=99999999999', 'crew'],
      ['crew=1&job=', 'job'],
      ['crew=1&job=%20%20', 'job'],
      [`crew=1&job=${'x'.repeat(201)}`, 'job'],
    ];
    for (const [queryString, field] of cases) {
      const response = await anonymous.get(`/movies?${queryString}`);
      expect(response.statusCode, queryString.slice(0, 60)).toBe(400);
      expect(await fieldsOf(response), queryString.slice(0, 60)).toContain(field);
    }
  });

  it('GET /me/favorites takes the same filters', async () => {
    const fan = await signInAs(t, 'user');
    const client = clientFor(t, fan);
    await client.put(`/me/favorites/${found.get('F Heist')}`);
    await client.put(`/me/favorites/${found.get('F Dream')}`);
    const response = await client.get(`/me/favorites?keyword=${keyword.get('heist')}`);
    expect(response.statusCode).toBe(200);
    expect(response.json<Page>().items.map((m) => m.title)).toEqual(['F Heist']);
  });
});

describe('the popularity sort', () => {
  const ranked: string[] = [];

  beforeAll(async () => {
    const fans = await Promise.all([1, 2, 3].map(async () => clientFor(t, await signInAs(t, 'user'))));
    // TMDB's popularity where there is one; else favorites, votes breaking ties (votes / (votes + 1)).
    const fixtures = [
      { title: 'P Tmdb 50', popularity: 50, favorites: 0 },
      { title: 'P Three Fans', favorites: 3, voteCount: 0 },
      { title: 'P Two Fans Many Votes', favorites: 2, voteCount: 5_000 },
      { title: 'P Two Fans Few Votes', favorites: 2, voteCount: 3 },
      // TMDB's 1.5, although three users keep it: TMDB's score is the one that counts.
      { title: 'P Tmdb 1.5', popularity: 1.5, favorites: 3 },
      { title: 'P No Fans Votes', favorites: 0, voteCount: 10 },
      { title: 'P Nothing', favorites: 0 },
      { title: 'P Tmdb 0.25', popularity: 0.25, favorites: 0 },
    ];
    for (const f of fixtures) {
      const doc = await created<MovieDoc>(
        await editor.post('/movies', {
          title: f.title,
          keywordIds: [keyword.get('popular-set')],
          popularity: f.popularity ?? null,
          voteCount: f.voteCount ?? null,
        }),
      );
      for (const fan of fans.slice(0, f.favorites)) expect((await fan.put(`/me/favorites/${doc.id}`)).statusCode).toBeLessThan(300);
    }
    ranked.push(
      'P Tmdb 50',
      'P Three Fans',
      'P Two Fans Many Votes',
      'P Two Fans Few Votes',
      'P Tmdb 1.5',
      'P No Fans Votes',
      'P Tmdb 0.25',
      'P Nothing',
    );
  });

  const list = async (extra: string) => (await anonymous.get(`/movies?keyword=${keyword.get('popular-set')}&${extra}`)).json<Page>();

  it('orders by TMDB popularity where the movie has one, else by favorites, then votes', async () => {
    expect((await list('sort=-popularity&pageSize=100')).items.map((m) => m.title)).toEqual(ranked);
    expect((await list('sort=popularity&pageSize=100')).items.map((m) => m.title)).toEqual([...ranked].reverse());
    // The default order is the same.
    expect((await list('pageSize=100')).items.map((m) => m.title)).toEqual(ranked);
  });

  it('pages through it by cursor, each movie once, in both directions', async () => {
    for (const [sort, expected] of [
      ['-popularity', ranked],
      ['popularity', [...ranked].reverse()],
    ] as const) {
      const seen: string[] = [];
      let page = await list(`sort=${sort}&pageSize=3`);
      seen.push(...page.items.map((m) => m.title));
      while (page.nextCursor) {
        page = await list(`sort=${sort}&pageSize=3&cursor=${encodeURIComponent(page.nextCursor)}`);
        seen.push(...page.items.map((m) => m.title));
      }
      expect(seen).toEqual(expected);
    }
  });
});
