// The TMDB import on small files written here, in both source forms: every mapped field (keywords,
// companies, spoken languages and every production country too), the repair rule, the skips,
// idempotency, a changed source applied exactly, and an import cut short then completed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { InputFileError } from '../../../src/modules/imports/csv-source.js';
import { flushPendingRecounts } from '../../../src/modules/imports/recounts.js';
import { changedAnything, importTmdb } from '../../../src/modules/imports/tmdb-import.js';
import { homepageOf, repairEscapes, splitName, truncate } from '../../../src/modules/imports/tmdb-mapping.js';
import { checkTmdbFiles, readTmdb } from '../../../src/modules/imports/tmdb-source.js';
import type { CreditFiles } from '../../../src/modules/imports/tmdb-source-model.js';
import { createTestDatabase, derivedDrift, query, useTestDatabase } from '../../helpers/database.js';

const dir = mkdtempSync(path.join(tmpdir(), 'moviedb-tmdb-'));
const write = (name: string, text: string, gzip = false) => {
  const file = path.join(dir, name);
  writeFileSync(file, gzip ? gzipSync(text) : text);
  return file;
};
const csv = (rows: (string | number)[][]) =>
  rows
    .map((row) => row.map((cell) => (/[",\n]/.test(String(cell)) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell))).join(','))
    .join('\n') + '\n';
const json = (value: unknown) => JSON.stringify(value);

const MOVIE_HEADER = [
  'budget',
  'genres',
  'homepage',
  'id',
  'overview',
  'production_countries',
  'release_date',
  'runtime',
  'title',
  'original_language',
  'original_title',
  'popularity',
  'revenue',
  'status',
  'tagline',
  'vote_average',
  'vote_count',
  'keywords',
  'production_companies',
  'spoken_languages',
];
const MOVIE_ROWS: (string | number)[][] = [
  [
    237000000,
    json([
      { id: 28, name: 'Action' },
      { id: 878, name: 'Science Fiction' },
    ]),
    'http://x',
    19995,
    'Pandora.',
    // Several countries: the first is the movie's; a repeat counts once, a bad code is left out.
    json([
      { iso_3166_1: 'US', name: 'United States of America' },
      { iso_3166_1: 'GB', name: 'United Kingdom' },
      { iso_3166_1: 'US', name: 'United States of America' },
      { iso_3166_1: 'X1', name: 'Nowhere' },
      { iso_3166_1: 'nz', name: 'New Zealand' },
    ]),
    '2009-12-10',
    162,
    'Avatar',
    'en',
    'Avatar',
    150.437577,
    2787965087,
    'Released',
    'Enter the World of Pandora.',
    7.2,
    11800,
    // Names trimmed; a repeat counts once; no name or no id: left out.
    json([
      { id: 1463, name: 'culture clash' },
      { id: 2964, name: ' future ' },
      { id: 1463, name: 'culture clash' },
      { id: 13091, name: ' ' },
      { name: 'no id' },
    ]),
    json([
      { name: 'Ingenious Film Partners', id: 289 },
      { name: 'Twentieth Century Fox Film Corporation', id: 306 },
      { name: 'Lightstorm Entertainment', id: 574 },
    ]),
    // A seeded code keeps its English name; tlh is not seeded and comes with the source's.
    json([
      { iso_639_1: 'en', name: 'English' },
      { iso_639_1: 'es', name: 'Espa\u00f1ol' },
      { iso_639_1: 'tlh', name: 'tlhIngan Hol' },
      { iso_639_1: 'EN-US', name: 'American' },
    ]),
  ],
  // No votes: no average; revenue 0 is unknown; TMDB's xx (no language) is a code like the others.
  // Empty keyword and company lists; an unseeded code without a name is named by its code.
  [
    0,
    json([{ id: 10769, name: 'Foreign' }]),
    '',
    2,
    '',
    json([]),
    '',
    '',
    'No Budget No Date',
    'xx',
    '',
    0,
    0,
    'Rumored',
    '',
    0,
    0,
    json([]),
    json([]),
    json([
      { iso_639_1: 'xx', name: 'No Language' },
      { iso_639_1: 'qya', name: '' },
    ]),
  ],
  // Upper case and spaces are tidied; malformed numbers, an out-of-range average and a blank tagline are unknown.
  [
    1000,
    json([]),
    'ftp://old.example',
    3,
    'Line one\nline two',
    json([{ iso_3166_1: 'SU', name: 'Soviet Union' }]),
    '1970-01-01',
    '98.0',
    'Old Film',
    ' RU ',
    'Старый фильм',
    'abc',
    '',
    'Post Production',
    '   ',
    11,
    5,
    json([{ id: 2964, name: 'future' }]),
    json([{ name: 'Twentieth Century Fox Film Corporation', id: 306 }]),
    json([{ iso_639_1: 'ru', name: 'Русский' }]),
  ],
  [5, 'not json', '', 4, 'x', json([]), '2000-01-01', 0, 'Broken Genres', 'en', '', 1, 1, 'Released', '', 1, 1, '[]', '[]', '[]'],
  [5, json([]), '', '', 'x', json([]), '2000-01-01', 90, 'No Id', 'en', '', 1, 1, 'Released', '', 1, 1, '[]', '[]', '[]'],
];
const moviesFile = write('movies.csv.gz', csv([MOVIE_HEADER, ...MOVIE_ROWS]), true);

/** The fixture's movie rows with some cells replaced, by movie id and column. */
const changedRows = (changes: Record<number, Record<string, unknown>>) =>
  MOVIE_ROWS.map((row) => {
    const cells = [...row];
    for (const [column, value] of Object.entries(changes[Number(row[MOVIE_HEADER.indexOf('id')])] ?? {})) {
      cells[MOVIE_HEADER.indexOf(column)] = typeof value === 'string' ? value : json(value);
    }
    return cells;
  });

// Normalized credits, with the shared copy's lost backslashes.
const personsFile = write(
  'person.csv',
  csv([
    ['person_id', 'person_name'],
    [65731, 'Sam Worthington'],
    [8691, 'Zoe Saldana'],
    [10205, 'Sigourney Weaver'],
    [2710, 'James Cameron'],
    [42, 'Lu00e9a Seydoux'],
    [43, 'Cher'],
    [44, 'Bob Cuddeback'],
    [45, 'Extra Number Ten'],
    [46, 'Second Director'],
  ]),
);
const castFile = write(
  'movie_cast.csv',
  csv([
    ['movie_id', 'person_id', 'character_name', 'gender_id', 'cast_order'],
    [19995, 65731, 'Jake Sully', 2, 0],
    [19995, 8691, 'Neytiri', 1, 1],
    [19995, 10205, 'Dr. Grace Augustine', 1, 5],
    [19995, 65731, 'Jake Sully (avatar)', 2, 9],
    [19995, 45, '', 0, 10],
    [3, 42, 'Ru00e9mi', 1, 0],
    [3, 43, 'Herself', 0, 2],
    [3, 44, 'Mechanic', 2, 3],
    [99999, 43, 'Nowhere', 0, 0],
    [3, 404, 'Ghost', 0, 4],
  ]),
);
const crewFile = write(
  'movie_crew.csv',
  csv([
    ['movie_id', 'person_id', 'department_id', 'job'],
    [19995, 2710, 4, 'Writer'],
    [19995, 2710, 2, 'Director'],
    // Two directors; one person under two jobs; the same credit twice (kept once, counted).
    [19995, 46, 2, 'Director'],
    [19995, 2710, 2, 'Director'],
    // Second Director is in the crew only; person 405 is not in the people file.
    [3, 46, 2, 'Director'],
    [3, 405, 4, 'Writer'],
  ]),
);
const normalized: CreditFiles = { kind: 'normalized', persons: personsFile, cast: castFile, crew: crewFile };

// The same credits in Kaggle's JSON-in-CSV form (properly encoded names there).
const kaggleFile = write(
  'credits.csv',
  csv([
    ['movie_id', 'title', 'cast', 'crew'],
    [
      19995,
      'Avatar',
      json([
        { cast_id: 1, character: 'Jake Sully', gender: 2, id: 65731, name: 'Sam Worthington', order: 0 },
        { cast_id: 2, character: 'Neytiri', gender: 1, id: 8691, name: 'Zoe Saldana', order: 1 },
        { cast_id: 3, character: 'Dr. Grace Augustine', gender: 1, id: 10205, name: 'Sigourney Weaver', order: 5 },
        { cast_id: 4, character: 'Jake Sully (avatar)', gender: 2, id: 65731, name: 'Sam Worthington', order: 9 },
        { cast_id: 5, character: '', gender: 0, id: 45, name: 'Extra Number Ten', order: 10 },
      ]),
      json([
        { id: 2710, name: 'James Cameron', job: 'Writer', department: 'Writing' },
        { id: 2710, name: 'James Cameron', job: 'Director', department: 'Directing' },
        { id: 46, name: 'Second Director', job: 'Director', department: 'Directing' },
        { id: 2710, name: 'James Cameron', job: 'Director', department: 'Directing' },
      ]),
    ],
    [
      3,
      'Old Film',
      json([
        { character: 'Rémi', gender: 1, id: 42, name: 'Léa Seydoux', order: 0 },
        { character: 'Herself', gender: 0, id: 43, name: 'Cher', order: 2 },
        { character: 'Mechanic', gender: 2, id: 44, name: 'Bob Cuddeback', order: 3 },
      ]),
      // Without a name, an unknown person cannot be imported.
      json([
        { id: 46, name: 'Second Director', job: 'Director' },
        { id: 405, job: 'Writer', department: 'Writing' },
      ]),
    ],
    ['', 'Batman v Superman', json([]), json([])],
    [2, 'No Budget No Date', 'this is not json', json([])],
  ]),
);
const kaggle: CreditFiles = { kind: 'kaggle', credits: kaggleFile };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the mapping rules', () => {
  it('repairs lost escapes only where they are certainly escapes', () => {
    expect(repairEscapes('Lu00e9a Seydoux')).toBe('Léa Seydoux');
    expect(repairEscapes('Pu00e9nu00e9lope Cruz')).toBe('Pénélope Cruz');
    expect(repairEscapes('u0412u043bu0430u0434')).toBe('Влад');
    expect(repairEscapes('Don u2018Bigu2019 Smith')).toBe('Don ‘Big’ Smith');
    for (const name of ['Bob Cuddeback', 'Studebaker', 'Bluebeard', 'Tu00ZZ', 'ufeed', 'Sudden u0041 cap']) {
      expect(repairEscapes(name), name).toBe(name);
    }
  });

  it('cuts long text at whole characters, never inside a surrogate pair', () => {
    expect(truncate('abc', 3)).toBe('abc');
    expect(truncate('a😀b', 2)).toBe('a😀');
    // 200 emoji are 400 UTF-16 units: cut to 200 characters, all of them whole.
    const long = truncate('😀'.repeat(250), 200);
    expect([...long]).toHaveLength(200);
    expect(long).toBe('😀'.repeat(200));
  });

  it('splits names before the surname, so that they join back', () => {
    expect(splitName('Sam Worthington')).toEqual({ firstName: 'Sam', lastName: 'Worthington' });
    expect(splitName('Mary Elizabeth Winstead')).toEqual({ firstName: 'Mary Elizabeth', lastName: 'Winstead' });
    expect(splitName('Cher')).toEqual({ firstName: 'Cher', lastName: '' });
    expect(splitName('  Cher ')).toEqual({ firstName: 'Cher', lastName: '' });
  });

  it('keeps a homepage only as an http(s) URI, encoding what a URI may not hold', () => {
    expect(homepageOf('http://www.avatarmovie.com/')).toBe('http://www.avatarmovie.com/');
    expect(homepageOf('http://tartanvideo.com/film.asp?ProjectID={C668EA2C-810D}')).toBe(
      'http://tartanvideo.com/film.asp?ProjectID=%7BC668EA2C-810D%7D',
    );
    expect(homepageOf('http://www.cargoderfilm.ch http://cargothemovie.com')).toBe('http://www.cargoderfilm.ch/');
    for (const bad of ['', null, 'ftp://example.org/', 'www.example.org', 'http://', `http://example.org/${'a'.repeat(2_000)}`]) {
      expect(homepageOf(bad), String(bad)).toBeNull();
    }
  });

  it('keeps surname particles and suffixes with the surname', () => {
    const cases: [string, string, string][] = [
      ['Robert De Niro', 'Robert', 'De Niro'],
      ['Guillermo del Toro', 'Guillermo', 'del Toro'],
      ['Benicio Del Toro', 'Benicio', 'Del Toro'],
      ['Jean-Claude Van Damme', 'Jean-Claude', 'Van Damme'],
      ['Ludwig Mies van der Rohe', 'Ludwig Mies', 'van der Rohe'],
      ['Olivia de la Fuente', 'Olivia', 'de la Fuente'],
      ['Ana de Armas', 'Ana', 'de Armas'],
      ['Max von Sydow', 'Max', 'von Sydow'],
      ['Leonardo da Vinci', 'Leonardo', 'da Vinci'],
      ['Vittorio De Sica', 'Vittorio', 'De Sica'],
      ['Rutger Hauer', 'Rutger', 'Hauer'],
      ['Robert Downey Jr.', 'Robert', 'Downey Jr.'],
      ['Martin Luther King Jr.', 'Martin Luther', 'King Jr.'],
      ['Sammy Davis, Jr.', 'Sammy', 'Davis, Jr.'],
      ['Lindsay Duncan III', 'Lindsay', 'Duncan III'],
      ['Mohammed bin Salman', 'Mohammed', 'bin Salman'],
      // The first name is never left empty.
      ['De Niro', 'De', 'Niro'],
      ['Van der Beek', 'Van', 'der Beek'],
      ['Prince Jr.', 'Prince', 'Jr.'],
      ['Al Pacino', 'Al', 'Pacino'],
    ];
    for (const [name, firstName, lastName] of cases) {
      expect(splitName(name), name).toEqual({ firstName, lastName });
      expect(`${firstName} ${lastName}`).toBe(name);
    }
  });
});

describe.each([
  ['normalized credits', normalized],
  ['Kaggle credits', kaggle],
])('importing with %s', (_label, credits) => {
  const t = useTestDatabase();

  it('maps every field, and says what it skipped and why', async () => {
    const summary = await importTmdb(t.handle.db, await readTmdb(moviesFile, credits));
    expect(summary.movies).toEqual({ inserted: 3, updated: 0, unchanged: 0 });
    expect(summary.characters).toEqual({ inserted: 8, updated: 0, unchanged: 0 });
    expect(summary.genres.created).toBe(1); // Foreign
    expect(summary.countries.created).toBe(1); // SU
    expect(summary.keywords).toEqual({ created: 2, updated: 0, unchanged: 0 });
    expect(summary.companies).toEqual({ created: 3, updated: 0, unchanged: 0 });
    expect(summary.languages).toEqual({ created: 2 }); // tlh, qya
    expect(summary.movieKeywords).toEqual({ inserted: 3, removed: 0, unchanged: 0 });
    expect(summary.movieCompanies).toEqual({ inserted: 4, moved: 0, removed: 0, unchanged: 0 });
    expect(summary.movieLanguages).toEqual({ inserted: 6, moved: 0, removed: 0, unchanged: 0 });
    // After the first: Avatar's GB and NZ.
    expect(summary.movieCountries).toEqual({ inserted: 2, moved: 0, removed: 0, unchanged: 0 });
    // Line numbers are the file's own (the overview of "Old Film" spans two lines).
    const skipped = summary.skipped.map((s) => `${path.basename(s.file)}:${s.line}: ${s.reason}`).sort();
    expect(skipped).toEqual(
      (credits.kind === 'normalized'
        ? [
            'movie_cast.csv:10: cast row of movie 99999, which is not among the movies',
            'movie_cast.csv:11: cast row of person 404, who is not among the people',
            'movie_crew.csv:7: crew row of person 405, who is not among the people',
          ]
        : [
            'credits.csv:3: crew row of person 405, who is not among the people',
            'credits.csv:4: no usable movie id',
            'credits.csv:5: cast or crew is not a JSON list',
          ]
      )
        .concat([
          'movies.csv.gz:2: keyword 13091 without a name left out',
          'movies.csv.gz:2: keyword without a usable id left out',
          'movies.csv.gz:2: production country "X1" left out: not a code of 2 letters',
          'movies.csv.gz:2: spoken language "EN-US" left out: not a code of 2 or 3 letters',
          'movies.csv.gz:6: genres or production_countries is not a JSON list',
          'movies.csv.gz:7: no usable movie id',
        ])
        .sort(),
    );

    const movies = await query(
      t.handle,
      `select m.tmdb_id, m.title, m.description, m.budget::text, m.release_date::text, (extract(epoch from m.duration)/60)::int as minutes,
              c.code, d.first_name || ' ' || d.last_name as director,
              array(select g.genre_name from movie_genre mg join genre g using (genre_id) where mg.movie_id = m.movie_id order by 1) as genres
       from movie m left join country c using (country_id) left join person d on d.person_id = m.director_id order by m.tmdb_id`,
    );
    expect(movies).toEqual([
      {
        tmdb_id: 2,
        title: 'No Budget No Date',
        description: null,
        budget: null,
        release_date: null,
        minutes: null,
        code: null,
        director: null,
        genres: ['Foreign'],
      },
      {
        tmdb_id: 3,
        title: 'Old Film',
        description: 'Line one\nline two',
        budget: '1000.00',
        release_date: '1970-01-01',
        minutes: 98,
        code: 'SU',
        director: 'Second Director',
        genres: [],
      },
      {
        tmdb_id: 19995,
        title: 'Avatar',
        description: 'Pandora.',
        budget: '237000000.00',
        release_date: '2009-12-10',
        minutes: 162,
        code: 'US',
        director: 'James Cameron',
        genres: ['Action', 'Science Fiction'],
      },
    ]);

    const facts = await query(
      t.handle,
      `select tmdb_id, original_title, original_language, tagline, status::text, homepage, revenue::text, popularity,
              vote_average::text, vote_count
       from movie order by tmdb_id`,
    );
    expect(facts).toEqual([
      {
        tmdb_id: 2,
        original_title: null,
        original_language: 'xx',
        tagline: null,
        status: 'rumored',
        homepage: null,
        revenue: null,
        popularity: 0,
        vote_average: null,
        vote_count: 0,
      },
      {
        tmdb_id: 3,
        original_title: 'Старый фильм',
        original_language: 'ru',
        tagline: null,
        status: 'post_production',
        homepage: null,
        revenue: null,
        popularity: null,
        vote_average: null,
        vote_count: 5,
      },
      {
        tmdb_id: 19995,
        original_title: 'Avatar',
        original_language: 'en',
        tagline: 'Enter the World of Pandora.',
        status: 'released',
        homepage: 'http://x/',
        revenue: '2787965087.00',
        popularity: 150.437577,
        vote_average: '7.2',
        vote_count: 11800,
      },
    ]);

    const crew = await query(
      t.handle,
      `select m.tmdb_id as movie, p.tmdb_id as person, d.name as department, c.job
       from crew_credit c join movie m using (movie_id) join person p using (person_id) join department d using (department_id)
       order by m.tmdb_id, p.tmdb_id, c.job`,
    );
    expect(crew).toEqual([
      { movie: 3, person: 46, department: 'Directing', job: 'Director' },
      { movie: 19995, person: 46, department: 'Directing', job: 'Director' },
      { movie: 19995, person: 2710, department: 'Directing', job: 'Director' },
      { movie: 19995, person: 2710, department: 'Writing', job: 'Writer' },
    ]);
    // Two directors of Avatar, one of them also its writer; no crew for movie 2.
    expect(summary.crew).toEqual({ inserted: 4, removed: 0, unchanged: 0, duplicates: 1 });

    expect(await lists(t.handle)).toEqual([
      { tmdb_id: 2, keywords: [], companies: [], languages: ['xx', 'qya'], countries: [], country: null },
      {
        tmdb_id: 3,
        keywords: ['future'],
        companies: ['306 Twentieth Century Fox Film Corporation'],
        languages: ['ru'],
        countries: ['SU'],
        country: 'SU',
      },
      {
        tmdb_id: 19995,
        keywords: ['culture clash', 'future'],
        companies: ['289 Ingenious Film Partners', '306 Twentieth Century Fox Film Corporation', '574 Lightstorm Entertainment'],
        languages: ['en', 'es', 'tlh'],
        countries: ['US', 'GB', 'NZ'],
        country: 'US',
      },
    ]);
    expect(
      await query(t.handle, `select code, name from language where code in ('en', 'es', 'ru', 'tlh', 'qya', 'xx') order by code`),
    ).toEqual([
      { code: 'en', name: 'English' },
      { code: 'es', name: 'Spanish' },
      { code: 'qya', name: 'qya' },
      { code: 'ru', name: 'Russian' },
      { code: 'tlh', name: 'tlhIngan Hol' },
      { code: 'xx', name: 'No Language' },
    ]);
    expect(await query(t.handle, `select tmdb_id, name, origin_country_id from company order by tmdb_id`)).toEqual([
      { tmdb_id: 289, name: 'Ingenious Film Partners', origin_country_id: null },
      { tmdb_id: 306, name: 'Twentieth Century Fox Film Corporation', origin_country_id: null },
      { tmdb_id: 574, name: 'Lightstorm Entertainment', origin_country_id: null },
    ]);
    expect(await query(t.handle, `select tmdb_id, name from keyword order by tmdb_id`)).toEqual([
      { tmdb_id: 1463, name: 'culture clash' },
      { tmdb_id: 2964, name: 'future' },
    ]);

    const characters = await query(
      t.handle,
      `select m.tmdb_id as movie, ch.name, ch.billing_order as ord, ch.role, p.tmdb_id as person,
              (select count(*)::int from actor_roles ar where ar.character_id = ch.character_id and ar.actor_id = ch.actor_id) as in_roles
       from "character" ch join movie m using (movie_id) join person p on p.person_id = ch.actor_id order by m.tmdb_id, ch.billing_order`,
    );
    expect(characters).toEqual([
      { movie: 3, name: 'Rémi', ord: 0, role: 'leading', person: 42, in_roles: 1 },
      { movie: 3, name: 'Herself', ord: 2, role: 'leading', person: 43, in_roles: 1 },
      { movie: 3, name: 'Mechanic', ord: 3, role: 'supporting', person: 44, in_roles: 1 },
      { movie: 19995, name: 'Jake Sully', ord: 0, role: 'leading', person: 65731, in_roles: 1 },
      { movie: 19995, name: 'Neytiri', ord: 1, role: 'leading', person: 8691, in_roles: 1 },
      { movie: 19995, name: 'Dr. Grace Augustine', ord: 5, role: 'supporting', person: 10205, in_roles: 1 },
      // The same person twice in one movie is two characters.
      { movie: 19995, name: 'Jake Sully (avatar)', ord: 9, role: 'supporting', person: 65731, in_roles: 1 },
      // An empty character name is stored as null.
      { movie: 19995, name: null, ord: 10, role: 'background', person: 45, in_roles: 1 },
    ]);

    const people = await query(
      t.handle,
      `select tmdb_id, first_name, last_name, gender from person where tmdb_id in (42, 43, 44, 46, 65731, 8691, 2710, 405) order by tmdb_id`,
    );
    // Second Director (46) is in the crew only; 405, in a crew row, is in no people file.
    expect(people).toEqual([
      { tmdb_id: 42, first_name: 'Léa', last_name: 'Seydoux', gender: 'female' },
      { tmdb_id: 43, first_name: 'Cher', last_name: '', gender: 'unknown' },
      { tmdb_id: 44, first_name: 'Bob', last_name: 'Cuddeback', gender: 'male' },
      { tmdb_id: 46, first_name: 'Second', last_name: 'Director', gender: 'unknown' },
      { tmdb_id: 2710, first_name: 'James', last_name: 'Cameron', gender: 'unknown' },
      { tmdb_id: 8691, first_name: 'Zoe', last_name: 'Saldana', gender: 'female' },
      { tmdb_id: 65731, first_name: 'Sam', last_name: 'Worthington', gender: 'male' },
    ]);
  });

  it('changes nothing the second time, and says so', async () => {
    const again = await importTmdb(t.handle.db, await readTmdb(moviesFile, credits));
    expect(again.persons.inserted + again.persons.updated).toBe(0);
    expect(again.movies).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(again.characters).toEqual({ inserted: 0, updated: 0, unchanged: 8 });
    expect(again.crew).toEqual({ inserted: 0, removed: 0, unchanged: 4, duplicates: 1 });
    expect(again.genres.created + again.countries.created).toBe(0);
    expect(again.keywords).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(again.companies).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(again.languages).toEqual({ created: 0 });
    expect(again.movieKeywords).toEqual({ inserted: 0, removed: 0, unchanged: 3 });
    expect(again.movieCompanies).toEqual({ inserted: 0, moved: 0, removed: 0, unchanged: 4 });
    expect(again.movieLanguages).toEqual({ inserted: 0, moved: 0, removed: 0, unchanged: 6 });
    expect(again.movieCountries).toEqual({ inserted: 0, moved: 0, removed: 0, unchanged: 2 });
    expect(changedAnything(again)).toBe(false);
  });

  it("leaves every derived column (search keys, genre ids, people's figures) as the credits give it", async () => {
    expect(await derivedDrift(t.handle)).toEqual([]);
    const [cameron] = await query<{ directed: number; acted: number }>(
      t.handle,
      `select movies_directed as directed, movies_acted as acted from person where tmdb_id = 2710`,
    );
    expect(cameron!.directed).toBeGreaterThan(0);
  });

  it('applies a changed source exactly: links gone removed, new ones added, moved ones moved, an unreadable list left alone', async () => {
    const changed = write(
      'movies-changed.csv',
      csv([
        MOVIE_HEADER,
        ...changedRows({
          // A keyword dropped, one added, one renamed; a company added second; the languages swapped;
          // the countries now GB then US (NZ gone).
          19995: {
            keywords: [
              { id: 1463, name: 'culture-clash' },
              { id: 9882, name: 'space' },
            ],
            production_companies: [
              { name: 'Ingenious Film Partners', id: 289 },
              { name: 'Dune Entertainment', id: 444 },
              { name: 'Twentieth Century Fox Film Corporation', id: 306 },
              { name: 'Lightstorm Entertainment', id: 574 },
            ],
            spoken_languages: [
              { iso_639_1: 'es', name: 'Español' },
              { iso_639_1: 'en', name: 'English' },
              { iso_639_1: 'tlh', name: 'tlhIngan Hol' },
            ],
            production_countries: [
              { iso_3166_1: 'GB', name: 'United Kingdom' },
              { iso_3166_1: 'US', name: 'United States of America' },
            ],
          },
          // Its keywords cannot be read (kept as they are); its company is gone.
          3: { keywords: '[{"id": 2964, "name": "future"', production_companies: [] },
        }),
      ]),
    );
    const summary = await importTmdb(t.handle.db, await readTmdb(changed, credits));
    expect(summary.skipped.filter((s) => s.file === changed).map((s) => `${s.line}: ${s.reason}`)).toEqual([
      // A record is reported at the line it ends on (Old Film's overview spans lines 4 and 5).
      '5: keywords is not a JSON list: the movie is kept, its keywords left as they are',
      '6: genres or production_countries is not a JSON list',
      '7: no usable movie id',
    ]);
    expect(summary.movies).toEqual({ inserted: 0, updated: 1, unchanged: 2 });
    expect(summary.keywords).toEqual({ created: 1, updated: 1, unchanged: 0 });
    expect(summary.companies).toEqual({ created: 1, updated: 0, unchanged: 3 });
    expect(summary.movieKeywords).toEqual({ inserted: 1, removed: 1, unchanged: 1 });
    expect(summary.movieCompanies).toEqual({ inserted: 1, moved: 2, removed: 1, unchanged: 1 });
    expect(summary.movieLanguages).toEqual({ inserted: 0, moved: 2, removed: 0, unchanged: 4 });
    // US moved from first to second: the first is the movie's country; NZ is gone.
    expect(summary.movieCountries).toEqual({ inserted: 1, moved: 0, removed: 1, unchanged: 0 });
    expect(await lists(t.handle)).toEqual([
      { tmdb_id: 2, keywords: [], companies: [], languages: ['xx', 'qya'], countries: [], country: null },
      { tmdb_id: 3, keywords: ['future'], companies: [], languages: ['ru'], countries: ['SU'], country: 'SU' },
      {
        tmdb_id: 19995,
        keywords: ['culture-clash', 'space'],
        companies: [
          '289 Ingenious Film Partners',
          '444 Dune Entertainment',
          '306 Twentieth Century Fox Film Corporation',
          '574 Lightstorm Entertainment',
        ],
        languages: ['es', 'en', 'tlh'],
        countries: ['GB', 'US'],
        country: 'GB',
      },
    ]);
    expect(await derivedDrift(t.handle)).toEqual([]);

    const again = await importTmdb(t.handle.db, await readTmdb(changed, credits));
    expect(changedAnything(again)).toBe(false);
    expect(again.movieCompanies).toEqual({ inserted: 0, moved: 0, removed: 0, unchanged: 4 });
    expect(again.movieCountries).toEqual({ inserted: 0, moved: 0, removed: 0, unchanged: 1 });
  });
});

/** Each movie's lists as the catalogue holds them, in their order (keywords by name). */
async function lists(handle: Parameters<typeof query>[0]) {
  return query(
    handle,
    `select m.tmdb_id,
       array(select k.name from movie_keyword mk join keyword k using (keyword_id) where mk.movie_id = m.movie_id order by k.name) as keywords,
       array(select co.tmdb_id || ' ' || co.name from movie_company mc join company co using (company_id)
             where mc.movie_id = m.movie_id order by mc.position) as companies,
       array(select ml.language_code from movie_language ml where ml.movie_id = m.movie_id order by ml.position) as languages,
       array(select c.code::text from movie_country mc join country c using (country_id) where mc.movie_id = m.movie_id order by mc.position) as countries,
       (select c.code::text from country c where c.country_id = m.country_id) as country
     from movie m order by m.tmdb_id`,
  );
}

describe('an import cut short', () => {
  it('leaves a consistent database, and running it again gives the counts of one clean run', async () => {
    const t = await createTestDatabase();
    try {
      const source = await readTmdb(moviesFile, normalized);
      let stage = '';
      const failing = {
        start(name: string) {
          stage = name;
        },
        advance() {
          // The process dies after the first batch of movies is committed.
          if (stage === 'movies') throw new Error('killed');
        },
        stop() {},
      };
      await expect(importTmdb(t.handle.db, source, { progress: failing, batchSizes: { persons: 4, movies: 1 } })).rejects.toThrow('killed');
      const partial = await query<{ movies: number; broken: number }>(
        t.handle,
        `select (select count(*)::int from movie) as movies,
                (select count(*)::int from "character" ch where ch.actor_id is not null and not exists
                   (select 1 from actor_roles ar where ar.character_id = ch.character_id and ar.actor_id = ch.actor_id)) as broken`,
      );
      expect(partial[0]!.broken).toBe(0);
      expect(partial[0]!.movies).toBe(1);
      // The recounts the committed batches put off are kept, and a flush (the service runs one
      // when it starts) leaves no figure behind its credits.
      const [pending] = await query<{ n: number }>(t.handle, `select count(*)::int as n from pending_recount`);
      expect(pending!.n).toBeGreaterThan(0);
      expect(await derivedDrift(t.handle)).not.toEqual([]);
      expect(await flushPendingRecounts(t.handle.db)).toBe(pending!.n);
      expect(await derivedDrift(t.handle)).toEqual([]);
      expect(await query(t.handle, `select count(*)::int as n from pending_recount`)).toEqual([{ n: 0 }]);
      expect(await flushPendingRecounts(t.handle.db)).toBe(0);

      await importTmdb(t.handle.db, source, { batchSizes: { persons: 4, movies: 1 } });
      const counts = await query(
        t.handle,
        `select (select count(*)::int from movie) as movies, (select count(*)::int from "character") as characters, (select count(*)::int from person) as persons`,
      );
      expect(counts).toEqual([{ movies: 3, characters: 8, persons: 9 }]);
      expect(await derivedDrift(t.handle)).toEqual([]);
      expect(await query(t.handle, `select count(*)::int as n from pending_recount`)).toEqual([{ n: 0 }]);
    } finally {
      await t.drop();
    }
  });
});

describe('unusable input files', () => {
  it('stops before anything is written, naming the file and what is wrong', async () => {
    const noTitle = write(
      'bad-movies.csv',
      csv([
        ['id', 'overview'],
        [1, 'x'],
      ]),
    );
    await expect(checkTmdbFiles(noTitle, normalized)).rejects.toThrow(InputFileError);
    await expect(checkTmdbFiles(noTitle, normalized)).rejects.toThrow(
      /bad-movies\.csv: missing columns title, budget, release_date, runtime, genres, production_countries/,
    );
    await expect(checkTmdbFiles(path.join(dir, 'nope.csv'), normalized)).rejects.toThrow('nope.csv: no such file.');
    const wrongCast = write(
      'bad-cast.csv',
      csv([
        ['movie_id', 'person_id'],
        [1, 2],
      ]),
    );
    await expect(checkTmdbFiles(moviesFile, { ...normalized, cast: wrongCast })).rejects.toThrow(
      /bad-cast\.csv: missing columns character_name, gender_id, cast_order/,
    );
    await expect(checkTmdbFiles(moviesFile, normalized)).resolves.toBeUndefined();
  });
});
