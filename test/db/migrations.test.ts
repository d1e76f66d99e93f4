// Migrations apply once, in both database modes, and the embedded database keeps its data.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_FOLDER, openDatabase } from '../../src/db/database.js';
import { DataDirLockedError, lockDataDir } from '../../src/db/data-dir-lock.js';
import { createTestDatabase, query } from '../helpers/database.js';

const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, 'meta/_journal.json'), 'utf8')) as {
  entries: { tag: string }[];
};

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('migrations', () => {
  it('applies every committed migration to an empty database, then none the second time', async () => {
    const t = await createTestDatabase({ migrate: false });
    cleanups.push(() => t.drop());
    expect(journal.entries.length).toBeGreaterThanOrEqual(3);
    expect(await t.handle.migrate()).toEqual({ applied: journal.entries.length });
    expect(await t.handle.migrate()).toEqual({ applied: 0 });
  });

  it('seeds every ISO 3166-1 country and the 19 TMDB genres', async () => {
    const t = await createTestDatabase();
    cleanups.push(() => t.drop());
    const [counts] = await query<{ countries: number; genres: number }>(
      t.handle,
      'select (select count(*)::int from country) as countries, (select count(*)::int from genre) as genres',
    );
    expect(counts).toEqual({ countries: 249, genres: 19 });
    const some = await query(t.handle, `select code, name from country where code in ('FR', 'JP', 'US') order by code`);
    expect(some).toEqual([
      { code: 'FR', name: 'France' },
      { code: 'JP', name: 'Japan' },
      { code: 'US', name: 'United States of America' },
    ]);
  });
});

describe('the embedded database', () => {
  it('keeps its data in DATA_DIR across a close and a reopen', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'moviedb-data-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));

    const first = await openDatabase({ kind: 'pglite', dataDir });
    expect((await first.migrate()).applied).toBe(journal.entries.length);
    await query(first, `insert into genre (genre_name) values ('Mumblecore')`);
    await first.close();

    const second = await openDatabase({ kind: 'pglite', dataDir });
    cleanups.push(() => second.close());
    expect(await second.migrate()).toEqual({ applied: 0 });
    expect(await query(second, `select genre_name from genre where genre_name = 'Mumblecore'`)).toEqual([{ genre_name: 'Mumblecore' }]);
  });

  it('refuses a second process while one holds DATA_DIR, and takes over a lock left by a dead one', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'moviedb-lock-'));
    cleanups.push(() => rm(dataDir, { recursive: true, force: true }));
    const lockFile = path.join(dataDir, 'pgdata.lock');

    // A live process (our parent, the test runner) holds the lock.
    await writeFile(lockFile, String(process.ppid));
    await expect(lockDataDir(dataDir)).rejects.toThrow(DataDirLockedError);
    await expect(lockDataDir(dataDir)).rejects.toThrow(`in use by process ${process.ppid}`);

    // A process that has exited leaves a stale lock behind.
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = child.pid!;
    await new Promise((resolve) => child.on('exit', resolve));
    await writeFile(lockFile, String(deadPid));
    const unlock = await lockDataDir(dataDir);
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    await unlock();
    await expect(lockDataDir(dataDir).then((release) => release())).resolves.toBeUndefined();
  });
});
