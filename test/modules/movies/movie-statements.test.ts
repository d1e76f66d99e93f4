// A movie page is built by a fixed number of SQL statements, however large its cast.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../helpers/app.js';
import { clientFor, created, signInAs } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';

const statements: string[] = [];
const t = useTestApp({}, { logQuery: (sql) => statements.push(sql) });

async function movieWithCast(size: number): Promise<number> {
  const editor = clientFor(t, await signInAs(t, 'editor'));
  const movie = await created<{ id: number }>(await editor.post('/movies', { title: `Cast of ${size}` }));
  const [first] = await query<{ id: number }>(
    t.database.handle,
    `insert into person (first_name, last_name) select 'Actor', 'No. ' || n from generate_series(1, ${size}) n returning person_id as id`,
  );
  await query(
    t.database.handle,
    `insert into "character" (name, role, movie_id, actor_id, billing_order)
     select 'Character ' || n, 'supporting', ${movie.id}, ${first!.id} + n - 1, n - 1 from generate_series(1, ${size}) n`,
  );
  return movie.id;
}

async function statementsFor(movieId: number): Promise<{ count: number; characters: number }> {
  statements.length = 0;
  const response = await t.app.inject({ method: 'GET', url: `/api/v1/movies/${movieId}` });
  expect(response.statusCode).toBe(200);
  // The response scan of the test helper adds its own statement; count the application's only.
  const own = statements.filter((sql) => !sql.includes('union all select refresh_token_hash'));
  return { count: own.length, characters: response.json<{ characters: unknown[] }>().characters.length };
}

describe('GET /movies/{id}', () => {
  it('runs the same number of SQL statements for 2 characters and for 200', async () => {
    const small = await statementsFor(await movieWithCast(2));
    const large = await statementsFor(await movieWithCast(200));
    expect(small.characters).toBe(2);
    expect(large.characters).toBe(200);
    expect(large.count).toBe(small.count);
    expect(small.count).toBe(1);
  });
});
