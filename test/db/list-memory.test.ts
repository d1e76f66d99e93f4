// The list memory's own rules: entries are for one catalogue generation and a bounded age, the
// nearest page end before a page is found, and the catalogue generation moves on with each write
// to what lists read (and not with others).
import { describe, expect, it } from 'vitest';
import { ListMemory, MAX_AGE_MS, MAX_PAGE_ENDS_PER_LIST, catalogueGeneration } from '../../src/db/list-memory.js';
import { query, useTestDatabase } from '../helpers/database.js';

describe('ListMemory', () => {
  it('finds the nearest page end before a page, for its generation and age only', () => {
    let now = 1_000;
    const memory = new ListMemory(() => now);
    memory.keepPageEnd('list', 'g1', 3, ['a', 3]);
    memory.keepPageEnd('list', 'g1', 10, ['b', 10]);
    memory.keepPageEnd('list', 'g1', 7, ['c', 7]);
    expect(memory.startBefore('list', 'g1', 10)).toEqual({ page: 7, position: ['c', 7] });
    expect(memory.startBefore('list', 'g1', 11)).toEqual({ page: 10, position: ['b', 10] });
    expect(memory.startBefore('list', 'g1', 3)).toBeUndefined();
    expect(memory.startBefore('other', 'g1', 11)).toBeUndefined();
    expect(memory.startBefore('list', 'g2', 11)).toBeUndefined();
    // The other generation's read dropped the entry: the first one is gone too.
    expect(memory.startBefore('list', 'g1', 11)).toBeUndefined();

    memory.keepTotal('count', 'g1', { value: 40, exact: true });
    expect(memory.total('count', 'g1')).toEqual({ value: 40, exact: true });
    now += MAX_AGE_MS + 1;
    expect(memory.total('count', 'g1')).toBeUndefined();
  });

  it('counts an entry kept again, unchanged or raised, from when it was first kept; each page end from its own', () => {
    let now = 0;
    const memory = new ListMemory(() => now);
    memory.keepTotal('count', 'g', { value: 30, exact: false });
    memory.keepPageEnd('list', 'g', 1, ['a', 1]);
    now = MAX_AGE_MS - 10;
    memory.keepTotal('count', 'g', { value: 41, exact: false });
    memory.keepPageEnd('list', 'g', 2, ['b', 2]);
    now = MAX_AGE_MS + 10;
    expect(memory.total('count', 'g')).toBeUndefined();
    // Page 1's end is too old; page 2's is not.
    expect(memory.startBefore('list', 'g', 2)).toBeUndefined();
    expect(memory.startBefore('list', 'g', 3)).toEqual({ page: 2, position: ['b', 2] });
  });

  it('keeps at most MAX_PAGE_ENDS_PER_LIST page ends of a list, the newest', () => {
    const memory = new ListMemory(() => 0);
    const pages = MAX_PAGE_ENDS_PER_LIST + 50;
    for (let page = 1; page <= pages; page++) memory.keepPageEnd('list', 'g', page, ['x', page]);
    expect(memory.startBefore('list', 'g', 51)).toBeUndefined();
    expect(memory.startBefore('list', 'g', 52)).toEqual({ page: 51, position: ['x', 51] });
    expect(memory.startBefore('list', 'g', 10_000)).toEqual({ page: pages, position: ['x', pages] });
  });
});

describe('catalogue_generation', () => {
  const database = useTestDatabase();

  it('moves on with every statement writing what lists read, and not with a user or a key', async () => {
    const before = await catalogueGeneration(database.handle.db);
    await query(database.handle, `insert into movie (title) values ('Counted')`);
    const afterMovie = await catalogueGeneration(database.handle.db);
    expect(afterMovie).not.toBe(before);
    await query(database.handle, `update person set first_name = first_name where false`);
    const afterPerson = await catalogueGeneration(database.handle.db);
    expect(afterPerson).not.toBe(afterMovie);
    const [movie] = await query<{ id: number }>(database.handle, `select max(movie_id) as id from movie`);
    const [genre] = await query<{ id: number }>(
      database.handle,
      `insert into genre (genre_name) values ('Counted') returning genre_id as id`,
    );
    const linked = await catalogueGeneration(database.handle.db);
    await query(database.handle, `insert into movie_genre (movie_id, genre_id) values (${movie!.id}, ${genre!.id})`);
    expect(await catalogueGeneration(database.handle.db)).not.toBe(linked);
    for (const table of ['keyword', 'company']) {
      const was = await catalogueGeneration(database.handle.db);
      await query(database.handle, `insert into ${table} (name) values ('Counted ${table}')`);
      expect(await catalogueGeneration(database.handle.db)).not.toBe(was);
    }
    const quiet = await catalogueGeneration(database.handle.db);
    await query(database.handle, `insert into user_account (username, email, password_hash) values ('generation', 'g@example.com', 'x')`);
    expect(await catalogueGeneration(database.handle.db)).toBe(quiet);
  });
});
