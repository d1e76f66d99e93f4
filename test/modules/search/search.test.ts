// Typo-tolerant search: GET /search, and the same matching behind q on GET /movies and /persons.
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { type Client, clientFor, created, signInAs } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

interface Scored {
  id: number;
  score: number;
}
interface MovieHit extends Scored {
  title: string;
}
interface PersonHit extends Scored {
  firstName: string;
  lastName: string;
}
interface Results {
  results: ((MovieHit & { kind: 'movie' }) | (PersonHit & { kind: 'person' }))[];
  movies: MovieHit[];
  persons: PersonHit[];
}

const t = useTestApp();
let anonymous: Client;
let editor: Client;
const genreIds = new Map<string, number>();
const movieIds = new Map<string, number>();

async function movie(title: string, genres: string[], extra: Record<string, unknown> = {}) {
  const made = await created<{ id: number }>(
    await editor.post('/movies', { title, genreIds: genres.map((g) => genreIds.get(g)), ...extra }),
  );
  movieIds.set(title, made.id);
  return made.id;
}

async function person(firstName: string, lastName: string) {
  return (await created<{ id: number }>(await editor.post('/persons', { firstName, lastName }))).id;
}

beforeAll(async () => {
  anonymous = clientFor(t);
  editor = clientFor(t, await signInAs(t, 'editor'));
  for (const g of await query<{ id: number; name: string }>(t.database.handle, 'select genre_id as id, genre_name as name from genre')) {
    genreIds.set(g.name, g.id);
  }
  const scorsese = await person('Martin', 'Scorsese');
  const catherine = await person('Catherine', 'Scorsese');
  await person('Martine', 'Scorer');
  await person('Amélie', 'Nothomb');
  const coppola = await person('Francis Ford', 'Coppola');
  // Decoys around each example: near spellings, shared words, a more popular neighbour.
  await movie('Amélie', ['Comedy', 'Romance'], { releaseDate: '2001-04-25' });
  await movie('Amelia', ['Drama'], { releaseDate: '2009-10-23' });
  await movie('Amélie Revisited', ['Documentary'], { releaseDate: '2011-01-01' });
  await movie('The Godfather', ['Crime', 'Drama'], { releaseDate: '1972-03-14', directorId: coppola });
  await movie('The Godfather: Part II', ['Crime', 'Drama'], { releaseDate: '1974-12-20', directorId: coppola });
  await movie('The Godfather: Part III', ['Crime', 'Drama'], { releaseDate: '1990-12-25', directorId: coppola });
  await movie('Godfathers of Comedy', ['Comedy'], { releaseDate: '1999-05-01' });
  await movie('The Gold Rush', ['Comedy'], { releaseDate: '1925-06-26' });
  await movie('Goodfellas', ['Crime'], { releaseDate: '1990-09-12', directorId: scorsese });
  await movie('Taxi Driver', ['Crime', 'Drama'], { releaseDate: '1976-02-08', directorId: scorsese });
  await movie('Italianamerican', ['Documentary'], { releaseDate: '1974-10-01', directorId: scorsese });
  // Catherine plays in one movie; Martin directs three: he has the more credits.
  await created(
    await editor.post(`/movies/${movieIds.get('Italianamerican')}/characters`, { name: 'Herself', role: 'leading', actorId: catherine }),
  );
  // Part II is the favorite: popularity breaks ties between equal matches, never a better match.
  const fans = await Promise.all([1, 2].map(() => signInAs(t, 'user')));
  for (const fan of fans) await clientFor(t, fan).put(`/me/favorites/${movieIds.get('The Godfather: Part II')}`);
});

const search = async (q: string, limit?: number) => {
  const response = await anonymous.get(`/search?q=${encodeURIComponent(q)}${limit ? `&limit=${limit}` : ''}`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<Results>();
};
const titles = (results: Results) => results.movies.map((m) => m.title);
const names = (results: Results) => results.persons.map((p) => `${p.firstName} ${p.lastName}`);

const scoreOf = (results: Results, title: string) => results.movies.find((m) => m.title === title)!.score;

describe('GET /search', () => {
  it('finds "Amélie" for "amelie": accents and case do not matter, and the exact title comes first', async () => {
    const results = await search('amelie');
    expect(titles(results)[0]).toBe('Amélie');
    // The whole title scores 100 and more (then how well known it is, and the similarity).
    expect(results.movies[0]!.score).toBeGreaterThanOrEqual(100);
    // Then the title that begins with it; a word the catalogue knows is taken as meant ("Amelia" is not offered).
    expect(titles(results)).toEqual(['Amélie', 'Amélie Revisited']);
    expect(names(results)[0]).toBe('Amélie Nothomb');
    // One order for both kinds: the exact title, then the title and the name that begin with it.
    const merged = results.results.map((r) => (r.kind === 'movie' ? `movie ${r.title}` : `person ${r.firstName} ${r.lastName}`));
    expect(merged[0]).toBe('movie Amélie');
    expect(merged.slice(1, 3).sort()).toEqual(['movie Amélie Revisited', 'person Amélie Nothomb']);
    expect(results.results.map((r) => r.score)).toEqual(results.results.map((r) => r.score).sort((a, b) => b - a));
    expect(titles(await search('AMÉLIE'))[0]).toBe('Amélie');
  });

  it('finds the Godfathers for "godfater", the best known first, the closest among equals', async () => {
    const results = await search('godfater');
    // Corrected matches all; Part II has two favorites, the others none; "Godfathers" is a farther correction.
    expect(titles(results)).toEqual(['The Godfather: Part II', 'The Godfather', 'The Godfather: Part III', 'Godfathers of Comedy']);
    // A corrected word scores in the corrected band (30), under every word whole (65).
    expect(results.movies.every((m) => m.score >= 30 && m.score < 65)).toBe(true);
    expect(scoreOf(results, 'The Godfather')).toBeGreaterThan(scoreOf(results, 'The Godfather: Part III'));
  });

  it('finds "Martin Scorsese" first for "scorcese", the more credited of the Scorseses', async () => {
    const results = await search('scorcese');
    expect(names(results).slice(0, 2)).toEqual(['Martin Scorsese', 'Catherine Scorsese']);
    expect(names(await search('martin scorcese'))[0]).toBe('Martin Scorsese');
  });

  it('answers a two-letter prefix, as a search box asks while the user types', async () => {
    const results = await search('go');
    expect(titles(results)).toEqual(expect.arrayContaining(['The Godfather', 'Goodfellas', 'Godfathers of Comedy', 'The Gold Rush']));
    // Among movies as well known, titles that begin with it before titles with a word that begins with it.
    const unfavored = titles(results).filter((title) =>
      ['The Godfather', 'Goodfellas', 'Godfathers of Comedy', 'The Gold Rush'].includes(title),
    );
    expect(unfavored.slice(0, 2).sort()).toEqual(['Godfathers of Comedy', 'Goodfellas']);
    expect(titles(await search('the godf'))[0]).toMatch(/^The Godfather/);
  });

  it('ranks whole words above a prefix, and how well known a movie is among equal matches', async () => {
    const results = await search('godfather');
    // The three contain the word; "Godfathers..." only begins with it. Part II has the favorites.
    expect(titles(results)).toEqual(['The Godfather: Part II', 'The Godfather', 'The Godfather: Part III', 'Godfathers of Comedy']);
    expect(results.movies.map((m) => m.score >= 65)).toEqual([true, true, true, false]);
    // Equal matches: the favorite first.
    const sequels = await search('godfather part');
    expect(titles(sequels).slice(0, 2)).toEqual(['The Godfather: Part II', 'The Godfather: Part III']);
    // Then the partial matches (one word of two), below every whole match.
    expect(sequels.movies.slice(2).map((m) => m.title)).toEqual(expect.arrayContaining(['The Godfather']));
    expect(sequels.movies.slice(2).every((m) => m.score < 65)).toBe(true);
    await editorFavorite('The Godfather: Part III', 3);
    expect(titles(await search('godfather part')).slice(0, 2)).toEqual(['The Godfather: Part III', 'The Godfather: Part II']);
  });

  it('keeps to the limit, and answers empty lists when nothing matches', async () => {
    const two = await search('go', 2);
    expect(two.movies).toHaveLength(2);
    expect(two.results).toHaveLength(2);
    expect(await search('zzzzqqqq')).toEqual({ results: [], movies: [], persons: [] });
    expect(await search('!!!')).toEqual({ results: [], movies: [], persons: [] });
  });

  it('refuses a missing or blank q and a bad limit with 400 naming the field', async () => {
    for (const [url, field] of [
      ['/search', 'q'],
      ['/search?q=%20%20', 'q'],
      ['/search?q=go&limit=0', 'limit'],
      ['/search?q=go&limit=51', 'limit'],
      ['/search?q=go&page=2', 'page'],
    ] as const) {
      const response = await anonymous.get(url);
      expect(response.statusCode, url).toBe(400);
      expect(JSON.stringify(response.json()), url).toContain(field);
    }
  });
});

describe('q on GET /movies and GET /persons', () => {
  it('ranks by relevance when no sort is given', async () => {
    const items = (await anonymous.get('/movies?q=godfater')).json<{ items: MovieHit[] }>().items;
    // The order of GET /search: the favorite first among the corrected matches.
    expect(items.map((m) => m.title)).toEqual(titles(await search('godfater')));
    expect(items[0]!.title).toMatch(/^The Godfather: Part I/);
    const people = (await anonymous.get('/persons?q=scorcese')).json<{ items: PersonHit[] }>().items;
    expect(people.map((p) => p.lastName).slice(0, 2)).toEqual(['Scorsese', 'Scorsese']);
    expect(people[0]!.firstName).toBe('Martin');
    expect((await anonymous.get('/movies?q=amelie')).json<{ items: MovieHit[] }>().items[0]!.title).toBe('Amélie');
  });

  it('combines with a genre filter and a sort', async () => {
    const url = `/movies?q=godfather&genre=Crime&sort=-releaseDate&includeTotal=true`;
    const page = (await anonymous.get(url)).json<{ items: MovieHit[]; total: number }>();
    expect(page.items.map((m) => m.title)).toEqual(['The Godfather: Part III', 'The Godfather: Part II', 'The Godfather']);
    expect(page.total).toBe(3);
    const comedies = (await anonymous.get('/movies?q=godfater&genre=Comedy&sort=title')).json<{ items: MovieHit[] }>().items;
    expect(comedies.map((m) => m.title)).toEqual(['Godfathers of Comedy']);
    const directed = (await anonymous.get(`/movies?q=g&director=${await directorOf('Goodfellas')}&sort=title`)).json<{
      items: MovieHit[];
    }>();
    expect(directed.items.map((m) => m.title)).toEqual(['Goodfellas']);
  });

  it('pages relevance by cursor, every match exactly once', async () => {
    const seen: string[] = [];
    let url = '/movies?q=go&pageSize=2';
    for (let guard = 0; guard < 20; guard++) {
      const page = (await anonymous.get(url)).json<{ items: MovieHit[]; nextCursor: string | null }>();
      seen.push(...page.items.map((m) => m.title));
      if (!page.nextCursor) break;
      url = `/movies?q=go&pageSize=2&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    const all = (await anonymous.get('/movies?q=go&pageSize=100')).json<{ items: MovieHit[] }>().items.map((m) => m.title);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBeGreaterThanOrEqual(6);
  });

  it('refuses sort=relevance without q', async () => {
    const response = await anonymous.get('/movies?sort=relevance');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ errors: [{ in: 'query', field: 'sort' }] });
  });
});

/** `count` new users favorite the movie. */
async function editorFavorite(title: string, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await clientFor(t, await signInAs(t, 'user')).put(`/me/favorites/${movieIds.get(title)}`);
}

async function directorOf(title: string): Promise<number> {
  const found = (await anonymous.get(`/movies/${movieIds.get(title)}`)).json<{ director: { id: number } }>();
  return found.director.id;
}
