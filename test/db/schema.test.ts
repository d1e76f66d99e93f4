// The data model of DESIGN.md section 1, checked in the database itself: names, types, keys,
// and the rules the database must refuse on its own.
import { beforeEach, describe, expect, it } from 'vitest';
import { query, sqlStateOf, useTestDatabase } from '../helpers/database.js';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
const RESTRICT_VIOLATION = '23001';
// ON DELETE RESTRICT reports 23503 up to PostgreSQL 17 and 23001 (restrict_violation) from 18 on.
const RESTRICTED: unknown = expect.stringMatching(/^(23503|23001)$/);
const CHECK_VIOLATION = '23514';
const INVALID_TEXT_REPRESENTATION = '22P02';

// Every table and column named by DESIGN.md section 1, with the SQL type where it names one.
const MODEL: Record<string, Record<string, string | null>> = {
  user_account: {
    user_id: 'integer',
    username: 'text',
    first_name: 'text',
    last_name: 'text',
    email: 'text',
    password_hash: 'text',
    avatar_id: 'integer',
    created_at: 'timestamp with time zone',
    updated_at: 'timestamp with time zone',
    role: 'USER-DEFINED',
  },
  file: {
    file_id: 'integer',
    file_name: 'text',
    mime_type: 'text',
    key: 'text',
    public_url: 'text',
    created_at: 'timestamp with time zone',
    updated_at: 'timestamp with time zone',
    size_bytes: 'bigint',
    sha256: null,
    width: 'integer',
    height: 'integer',
    uploaded_by: 'integer',
  },
  movie: {
    movie_id: 'integer',
    title: 'text',
    description: 'text',
    budget: 'numeric',
    release_date: 'date',
    duration: 'interval',
    director_id: 'integer',
    country_id: 'integer',
    poster_file_id: 'integer',
    created_at: 'timestamp with time zone',
    updated_at: 'timestamp with time zone',
    tmdb_id: 'integer',
  },
  genre: { genre_id: 'integer', genre_name: 'text' },
  movie_genre: { movie_id: 'integer', genre_id: 'integer' },
  character: {
    character_id: 'integer',
    name: 'text',
    description: 'text',
    role: 'text',
    movie_id: 'integer',
    actor_id: 'integer',
    created_at: 'timestamp with time zone',
    updated_at: 'timestamp with time zone',
    billing_order: 'integer',
  },
  person: {
    person_id: 'integer',
    first_name: 'text',
    last_name: 'text',
    biography: 'text',
    birth_date: 'date',
    gender: 'USER-DEFINED',
    country_id: 'integer',
    photo_id: 'integer',
    created_at: 'timestamp with time zone',
    updated_at: 'timestamp with time zone',
    tmdb_id: 'integer',
  },
  person_photos: { photo_id: 'integer', person_id: 'integer', file_id: 'integer' },
  actor_roles: { actor_id: 'integer', character_id: 'integer' },
  favorite_movies: { user_id: 'integer', movie_id: 'integer', created_at: 'timestamp with time zone' },
  country: {
    country_id: 'integer',
    name: 'text',
    created_at: 'timestamp with time zone',
    updated_at: 'timestamp with time zone',
    code: null,
  },
};

const t = useTestDatabase();

const run = (statement: string) => query(t.handle, statement);
const stateOf = (statement: string) => sqlStateOf(t.handle, statement);
const one = async <T>(statement: string) => (await query<T>(t.handle, statement))[0] as T;

describe('tables and columns', () => {
  it('has all eleven tables with every column of the design under its exact name and type', async () => {
    const rows = await query<{ table_name: string; column_name: string; data_type: string }>(
      t.handle,
      `select table_name, column_name, data_type from information_schema.columns where table_schema = 'public'`,
    );
    const actual = new Map<string, Map<string, string>>();
    for (const row of rows) {
      if (!actual.has(row.table_name)) actual.set(row.table_name, new Map());
      actual.get(row.table_name)!.set(row.column_name, row.data_type);
    }
    // The design's eleven, plus auth_session (the sign-in sessions behind refresh tokens),
    // search_word (the dictionary that search corrects misspelt words against), pending_recount
    // (the figures a bulk import recounts once, at its end), idempotency_key (the first answers
    // to creates sent with an Idempotency-Key), and TMDB's crew (department, crew_credit), keywords,
    // companies, languages and every production country, api_key (the keys of the TMDB-compatible surface),
    // and the search's postings (movie_search_word, person_search_word: every word with its row's weight).
    const TMDB_TABLES = ['department', 'crew_credit', 'keyword', 'movie_keyword', 'company', 'movie_company', 'language', 'movie_language'];
    expect([...actual.keys()].sort()).toEqual(
      [
        ...Object.keys(MODEL),
        'auth_session',
        'search_word',
        'pending_recount',
        'idempotency_key',
        ...TMDB_TABLES,
        'movie_country',
        'api_key',
        'movie_search_word',
        'person_search_word',
      ].sort(),
    );
    const languages = await query<{ code: string; name: string }>(t.handle, 'select code, name from language order by code');
    // ISO 639-1's 183 codes, the withdrawn sh, and TMDB's cn and xx.
    expect(languages).toHaveLength(186);
    expect(languages.filter((l) => ['cn', 'en', 'fr', 'xx', 'zh'].includes(l.code))).toEqual([
      { code: 'cn', name: 'Cantonese' },
      { code: 'en', name: 'English' },
      { code: 'fr', name: 'French' },
      { code: 'xx', name: 'No Language' },
      { code: 'zh', name: 'Chinese' },
    ]);
    expect(actual.get('crew_credit')).toEqual(
      new Map([
        ['credit_id', 'integer'],
        ['movie_id', 'integer'],
        ['person_id', 'integer'],
        ['department_id', 'integer'],
        ['job', 'text'],
      ]),
    );
    const departments = await query<{ name: string }>(t.handle, 'select name from department order by department_id');
    expect(departments.map((d) => d.name)).toEqual([
      'Directing',
      'Writing',
      'Production',
      'Editing',
      'Camera',
      'Sound',
      'Art',
      'Costume & Make-Up',
      'Crew',
      'Visual Effects',
      'Lighting',
      'Actors',
    ]);
    for (const [table, columns] of Object.entries(MODEL)) {
      for (const [column, type] of Object.entries(columns)) {
        expect(actual.get(table)?.has(column), `${table}.${column}`).toBe(true);
        if (type) expect(actual.get(table)?.get(column), `${table}.${column}`).toBe(type);
      }
    }
  });

  it('keeps budget as numeric(14,2) and gender as the enum female, male, non_binary, unknown', async () => {
    const budget = await one<{ numeric_precision: number; numeric_scale: number }>(
      `select numeric_precision, numeric_scale from information_schema.columns
       where table_name = 'movie' and column_name = 'budget'`,
    );
    expect(budget).toEqual({ numeric_precision: 14, numeric_scale: 2 });
    const labels = await run(
      `select e.enumlabel from pg_enum e join pg_type t on t.oid = e.enumtypid
       where t.typname = 'gender' order by e.enumsortorder`,
    );
    expect(labels.map((r) => r.enumlabel)).toEqual(['female', 'male', 'non_binary', 'unknown']);
    const personGender = await one<{ udt_name: string }>(
      `select udt_name from information_schema.columns where table_name = 'person' and column_name = 'gender'`,
    );
    expect(personGender.udt_name).toBe('gender');
  });

  it('indexes every foreign key and gives each a deliberate ON DELETE rule', async () => {
    const keys = await query<{ name: string; table: string; columns: string[]; on_delete: string; indexed: boolean }>(
      t.handle,
      `select c.conname as name, c.conrelid::regclass::text as table,
              array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i)
                    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as columns,
              c.confdeltype::text as on_delete,
              exists (select 1 from pg_index i where i.indrelid = c.conrelid
                      and (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] = c.conkey) as indexed
       from pg_constraint c where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
    );
    expect(keys.length).toBeGreaterThanOrEqual(17);
    for (const key of keys) {
      expect(key.indexed, `${key.name} on ${key.table}(${key.columns.join(', ')}) has an index`).toBe(true);
      // 'a' is NO ACTION, the default nobody chose.
      expect(key.on_delete, `${key.name} has a deliberate ON DELETE rule`).not.toBe('a');
    }
  });
});

describe('rules the database enforces', () => {
  let movieId: number;
  let directorId: number;
  let actorId: number;
  let otherPersonId: number;

  beforeEach(async () => {
    for (const table of ['favorite_movies', '"character"', 'movie_genre', 'movie', 'person_photos', 'person', 'user_account', 'file']) {
      await run(`delete from ${table}`);
    }
    directorId = (
      await one<{ id: number }>(`insert into person (first_name, last_name) values ('Greta', 'Gerwig') returning person_id as id`)
    ).id;
    actorId = (
      await one<{ id: number }>(`insert into person (first_name, last_name) values ('Saoirse', 'Ronan') returning person_id as id`)
    ).id;
    otherPersonId = (await one<{ id: number }>(`insert into person (first_name) values ('Zendaya') returning person_id as id`)).id;
    movieId = (
      await one<{ id: number }>(
        `insert into movie (title, budget, release_date, duration, director_id)
         values ('Lady Bird', 10000000, '2017-11-03', interval '94 minutes', ${directorId}) returning movie_id as id`,
      )
    ).id;
  });

  const insertFile = async (key: string) =>
    (
      await one<{ id: number }>(
        `insert into file (file_name, mime_type, key, public_url) values ('a.jpg', 'image/jpeg', '${key}', 'http://x/${key}')
         returning file_id as id`,
      )
    ).id;

  it('refuses a character role outside leading, supporting and background', async () => {
    expect(await stateOf(`insert into "character" (name, role, movie_id) values ('Christine', 'cameo', ${movieId})`)).toBe(CHECK_VIOLATION);
    for (const role of ['leading', 'supporting', 'background']) {
      expect(await stateOf(`insert into "character" (name, role, movie_id) values ('X', '${role}', ${movieId})`)).toBeUndefined();
    }
  });

  it('keeps crew credits to TMDB departments, with a job, once each', async () => {
    const credit = (department: string, job: string) =>
      `insert into crew_credit (movie_id, person_id, department_id, job)
       select ${movieId}, ${otherPersonId}, department_id, '${job}' from department where name = '${department}'`;
    expect(await stateOf(credit('Directing', 'Director'))).toBeUndefined();
    expect(await stateOf(credit('Writing', 'Screenplay'))).toBeUndefined();
    expect(await stateOf(credit('Directing', 'Director'))).toBe(UNIQUE_VIOLATION);
    expect(await stateOf(credit('Writing', '  '))).toBe(CHECK_VIOLATION);
    expect(await stateOf(credit('Writing', 'x'.repeat(201)))).toBe(CHECK_VIOLATION);
    expect(
      await stateOf(`insert into crew_credit (movie_id, person_id, department_id, job) values (${movieId}, ${otherPersonId}, 999, 'Grip')`),
    ).toBe(FOREIGN_KEY_VIOLATION);
    // A person in a crew stays until detached; the movie takes its crew with it.
    // ON DELETE RESTRICT: 23001 on PGlite (PostgreSQL 17), 23503 on PostgreSQL 15; a refusal either way.
    expect([RESTRICT_VIOLATION, FOREIGN_KEY_VIOLATION]).toContain(await stateOf(`delete from person where person_id = ${otherPersonId}`));
    await run(`delete from movie where movie_id = ${movieId}`);
    expect(await query(t.handle, 'select * from crew_credit')).toEqual([]);
  });

  it('keeps movie.country_id as the first of the production countries', async () => {
    const countries = async () =>
      (
        await query<{ code: string; position: number }>(
          t.handle,
          `select c.code, mc.position from movie_country mc join country c using (country_id) where mc.movie_id = ${movieId} order by mc.position, c.code`,
        )
      ).map((r) => `${r.code}${r.position}`);
    expect(await countries()).toEqual([]);
    await run(`update movie set country_id = (select country_id from country where code = 'US') where movie_id = ${movieId}`);
    await run(`insert into movie_country (movie_id, country_id, position) select ${movieId}, country_id, 1 from country where code = 'GB'`);
    expect(await countries()).toEqual(['US0', 'GB1']);
    // Another head replaces the first; the one already in the list moves to the head.
    await run(`update movie set country_id = (select country_id from country where code = 'GB') where movie_id = ${movieId}`);
    expect(await countries()).toEqual(['GB0']);
    await run(`insert into movie_country (movie_id, country_id, position) select ${movieId}, country_id, 1 from country where code = 'FR'`);
    await run(`update movie set title = 'Lady Bird (2017)' where movie_id = ${movieId}`);
    expect(await countries()).toEqual(['GB0', 'FR1']);
    await run(`update movie set country_id = null where movie_id = ${movieId}`);
    expect(await countries()).toEqual([]);
    expect(await stateOf(`insert into movie_language (movie_id, language_code, position) values (${movieId}, 'qq', 0)`)).toBe(
      FOREIGN_KEY_VIOLATION,
    );
  });

  it('orders by TMDB popularity where there is one, else by favorites with votes breaking ties', async () => {
    const score = async () => Number((await one<{ s: number }>(`select popularity_score as s from movie where movie_id = ${movieId}`)).s);
    expect(await score()).toBe(0);
    await run(`update movie set vote_count = 3 where movie_id = ${movieId}`);
    expect(await score()).toBe(0.75);
    await run(`update movie set popularity = 42.5 where movie_id = ${movieId}`);
    expect(await score()).toBe(42.5);
  });

  it("keeps each keyword's and company's movie count as links come and go", async () => {
    const keywordId = (await one<{ id: number }>(`insert into keyword (name) values ('coming of age') returning keyword_id as id`)).id;
    const companyId = (await one<{ id: number }>(`insert into company (name) values ('A24') returning company_id as id`)).id;
    const otherMovieId = (await one<{ id: number }>(`insert into movie (title) values ('Minari') returning movie_id as id`)).id;
    const counts = async () =>
      one<{ k: number; c: number }>(
        `select (select movies_count from keyword where keyword_id = ${keywordId}) as k,
                (select movies_count from company where company_id = ${companyId}) as c`,
      );
    await run(`insert into movie_keyword (movie_id, keyword_id) values (${movieId}, ${keywordId}), (${otherMovieId}, ${keywordId})`);
    await run(
      `insert into movie_company (movie_id, company_id, position) values (${movieId}, ${companyId}, 0), (${otherMovieId}, ${companyId}, 0)`,
    );
    expect(await counts()).toEqual({ k: 2, c: 2 });
    await run(`delete from movie_keyword where movie_id = ${movieId}`);
    expect(await counts()).toEqual({ k: 1, c: 2 });
    // A movie takes its links, and their counts, with it.
    await run(`delete from movie where movie_id = ${otherMovieId}`);
    expect(await counts()).toEqual({ k: 0, c: 1 });
  });

  it("keeps each movie's keyword and company ids, sorted, as links come and go", async () => {
    const ids = async (name: string) =>
      (await one<{ id: number }>(`insert into keyword (name) values ('${name}') returning keyword_id as id`)).id;
    const [space, heist, noir] = [await ids('space'), await ids('heist'), await ids('noir')];
    const studio = (await one<{ id: number }>(`insert into company (name) values ('Ghibli') returning company_id as id`)).id;
    const other = (await one<{ id: number }>(`insert into company (name) values ('Toho') returning company_id as id`)).id;
    const lists = async () =>
      one<{ k: number[]; c: number[] }>(`select keyword_ids as k, company_ids as c from movie where movie_id = ${movieId}`);
    expect(await lists()).toEqual({ k: [], c: [] });
    // Inserted out of order, kept sorted.
    await run(`insert into movie_keyword (movie_id, keyword_id) values (${movieId}, ${noir}), (${movieId}, ${space})`);
    await run(`insert into movie_keyword (movie_id, keyword_id) values (${movieId}, ${heist})`);
    await run(`insert into movie_company (movie_id, company_id, position) values (${movieId}, ${other}, 0), (${movieId}, ${studio}, 1)`);
    expect(await lists()).toEqual({ k: [space, heist, noir].sort((a, b) => a - b), c: [studio, other].sort((a, b) => a - b) });
    await run(`delete from movie_keyword where movie_id = ${movieId} and keyword_id = ${heist}`);
    await run(`update movie_company set position = 5 where movie_id = ${movieId} and company_id = ${other}`);
    await run(`delete from movie_company where movie_id = ${movieId} and company_id = ${studio}`);
    expect(await lists()).toEqual({ k: [space, noir].sort((a, b) => a - b), c: [other] });
    // A keyword deleted leaves no id behind.
    await run(`delete from keyword where keyword_id = ${space}`);
    expect((await lists()).k).toEqual([noir]);
  });

  it('refuses an unknown gender', async () => {
    expect(await stateOf(`insert into person (first_name, gender) values ('Pat', 'robot')`)).toBe(INVALID_TEXT_REPRESENTATION);
    expect(await stateOf(`insert into person (first_name, gender) values ('Pat', 'non_binary')`)).toBeUndefined();
  });

  it('refuses a primary photo that belongs to someone else, and clears only photo_id when it is removed', async () => {
    const fileId = await insertFile('p1');
    const photoId = (
      await one<{ id: number }>(
        `insert into person_photos (person_id, file_id) values (${otherPersonId}, ${fileId}) returning photo_id as id`,
      )
    ).id;
    expect(await stateOf(`update person set photo_id = ${photoId} where person_id = ${actorId}`)).toBe(FOREIGN_KEY_VIOLATION);
    expect(await stateOf(`update person set photo_id = ${photoId} where person_id = ${otherPersonId}`)).toBeUndefined();
    await run(`delete from person_photos where photo_id = ${photoId}`);
    const person = await one<{ person_id: number; photo_id: number | null }>(
      `select person_id, photo_id from person where person_id = ${otherPersonId}`,
    );
    expect(person).toEqual({ person_id: otherPersonId, photo_id: null });
  });

  it('refuses a duplicate favorite', async () => {
    const userId = (
      await one<{ id: number }>(
        `insert into user_account (username, email, password_hash) values ('ana', 'ana@example.com', 'x') returning user_id as id`,
      )
    ).id;
    expect(await stateOf(`insert into favorite_movies (user_id, movie_id) values (${userId}, ${movieId})`)).toBeUndefined();
    expect(await stateOf(`insert into favorite_movies (user_id, movie_id) values (${userId}, ${movieId})`)).toBe(UNIQUE_VIOLATION);
  });

  it('refuses a duplicate genre name, whatever its case', async () => {
    expect(await stateOf(`insert into genre (genre_name) values ('Drama')`)).toBe(UNIQUE_VIOLATION);
    expect(await stateOf(`insert into genre (genre_name) values ('dRAMA')`)).toBe(UNIQUE_VIOLATION);
    expect(await stateOf(`insert into genre (genre_name) values ('Mumblecore')`)).toBeUndefined();
    await run(`delete from genre where genre_name = 'Mumblecore'`);
  });

  it('refuses a username or e-mail that differs from another only in case', async () => {
    await run(`insert into user_account (username, email, password_hash) values ('Ana', 'Ana@Example.com', 'x')`);
    expect(await stateOf(`insert into user_account (username, email, password_hash) values ('ana', 'b@example.com', 'x')`)).toBe(
      UNIQUE_VIOLATION,
    );
    expect(await stateOf(`insert into user_account (username, email, password_hash) values ('bob', 'ana@example.COM', 'x')`)).toBe(
      UNIQUE_VIOLATION,
    );
  });

  it('refuses a negative budget, a zero duration and a country code that is not two capitals', async () => {
    expect(await stateOf(`insert into movie (title, budget) values ('X', -1)`)).toBe(CHECK_VIOLATION);
    expect(await stateOf(`insert into movie (title, duration) values ('X', interval '0')`)).toBe(CHECK_VIOLATION);
    expect(await stateOf(`insert into country (code, name) values ('us', 'Lowercase')`)).toBe(CHECK_VIOLATION);
  });

  it('keeps the principal actor among the actor_roles of a character', async () => {
    const characterId = (
      await one<{ id: number }>(
        `insert into "character" (name, role, movie_id, actor_id, billing_order) values ('Christine', 'leading', ${movieId}, ${actorId}, 0)
         returning character_id as id`,
      )
    ).id;
    const roles = () => run(`select actor_id from actor_roles where character_id = ${characterId} order by actor_id`);
    expect(await roles()).toEqual([{ actor_id: actorId }]);

    // The principal's row cannot go while the character names that principal.
    expect(await stateOf(`delete from actor_roles where character_id = ${characterId}`)).toBe(FOREIGN_KEY_VIOLATION);

    // A new principal joins the performers; the former one stays listed until removed.
    await run(`update "character" set actor_id = ${otherPersonId} where character_id = ${characterId}`);
    expect(await roles()).toEqual([{ actor_id: actorId }, { actor_id: otherPersonId }].sort((a, b) => a.actor_id - b.actor_id));
    expect(await stateOf(`delete from actor_roles where character_id = ${characterId} and actor_id = ${actorId}`)).toBeUndefined();

    // Deleting the character takes its actor_roles with it.
    await run(`delete from "character" where character_id = ${characterId}`);
    expect(await roles()).toEqual([]);
  });

  it('adds actor_roles for every character of a multi-row insert', async () => {
    await run(
      `insert into "character" (name, role, movie_id, actor_id) values
       ('A', 'leading', ${movieId}, ${actorId}), ('B', 'supporting', ${movieId}, ${otherPersonId}), ('C', 'background', ${movieId}, null)`,
    );
    const rows = await run(
      `select c.name, r.actor_id from "character" c left join actor_roles r using (character_id) where c.movie_id = ${movieId} order by c.name`,
    );
    expect(rows).toEqual([
      { name: 'A', actor_id: actorId },
      { name: 'B', actor_id: otherPersonId },
      { name: 'C', actor_id: null },
    ]);
  });

  it('refuses to delete a person who directs or plays something, until they are detached', async () => {
    expect(await stateOf(`delete from person where person_id = ${directorId}`)).toEqual(RESTRICTED);
    await run(`insert into "character" (name, role, movie_id, actor_id) values ('Christine', 'leading', ${movieId}, ${actorId})`);
    expect(await stateOf(`delete from person where person_id = ${actorId}`)).toEqual(RESTRICTED);

    await run(`update movie set director_id = null where movie_id = ${movieId}`);
    expect(await stateOf(`delete from person where person_id = ${directorId}`)).toBeUndefined();
  });

  it('deletes a person together with their gallery', async () => {
    const fileId = await insertFile('gallery');
    const photoId = (
      await one<{ id: number }>(
        `insert into person_photos (person_id, file_id) values (${otherPersonId}, ${fileId}) returning photo_id as id`,
      )
    ).id;
    await run(`update person set photo_id = ${photoId} where person_id = ${otherPersonId}`);
    expect(await stateOf(`delete from person where person_id = ${otherPersonId}`)).toBeUndefined();
    expect(await run(`select * from person_photos where photo_id = ${photoId}`)).toEqual([]);
    // The file itself stays: storage clean-up decides about it.
    expect(await run(`select file_id from file where file_id = ${fileId}`)).toEqual([{ file_id: fileId }]);
  });

  it('deletes a movie with its characters, genre links and favorites', async () => {
    const userId = (
      await one<{ id: number }>(
        `insert into user_account (username, email, password_hash) values ('eve', 'eve@example.com', 'x') returning user_id as id`,
      )
    ).id;
    await run(`insert into favorite_movies (user_id, movie_id) values (${userId}, ${movieId})`);
    await run(
      `insert into movie_genre (movie_id, genre_id) select ${movieId}, genre_id from genre where genre_name in ('Drama', 'Comedy')`,
    );
    await run(`insert into "character" (name, role, movie_id, actor_id) values ('Christine', 'leading', ${movieId}, ${actorId})`);

    await run(`delete from movie where movie_id = ${movieId}`);
    for (const table of ['favorite_movies', 'movie_genre', '"character"']) {
      expect(await run(`select count(*)::int as n from ${table} where movie_id = ${movieId}`), table).toEqual([{ n: 0 }]);
    }
    expect(await run(`select count(*)::int as n from actor_roles`)).toEqual([{ n: 0 }]);
    // The people and the genres themselves remain.
    expect(await run(`select count(*)::int as n from person where person_id in (${actorId}, ${directorId})`)).toEqual([{ n: 2 }]);
    expect(await run(`select count(*)::int as n from genre where genre_name in ('Drama', 'Comedy')`)).toEqual([{ n: 2 }]);
  });

  it('refuses to delete a file still in use as a poster, avatar or photo', async () => {
    const poster = await insertFile('poster');
    const avatar = await insertFile('avatar');
    const photo = await insertFile('photo');
    await run(`update movie set poster_file_id = ${poster} where movie_id = ${movieId}`);
    await run(`insert into user_account (username, email, password_hash, avatar_id) values ('bo', 'bo@example.com', 'x', ${avatar})`);
    await run(`insert into person_photos (person_id, file_id) values (${actorId}, ${photo})`);
    for (const fileId of [poster, avatar, photo]) {
      expect(await stateOf(`delete from file where file_id = ${fileId}`), `file ${fileId}`).toEqual(RESTRICTED);
    }
    const unused = await insertFile('unused');
    expect(await stateOf(`delete from file where file_id = ${unused}`)).toBeUndefined();
  });

  it('sets created_at and updated_at in the database and moves updated_at on every update', async () => {
    // Compared in the database, to the microsecond: two statements can fall in one millisecond.
    const stamps = () =>
      one<{ created: string; updated: string; same: boolean }>(
        `select created_at::text as created, updated_at::text as updated, updated_at = created_at as same from movie where movie_id = ${movieId}`,
      );
    const before = await stamps();
    expect(before.same).toBe(true);
    // Even a write that tries to pin updated_at cannot stop it moving.
    await run(`update movie set title = 'Lady Bird (2017)', updated_at = '2000-01-01' where movie_id = ${movieId}`);
    const [after] = await query<{ created: string; moved: boolean }>(
      t.handle,
      `select created_at::text as created, updated_at > '${before.updated}'::timestamptz as moved from movie where movie_id = ${movieId}`,
    );
    expect(after).toEqual({ created: before.created, moved: true });
  });
});
