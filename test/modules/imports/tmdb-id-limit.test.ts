// The TMDB import refuses TMDB ids from 1,000,000,000 up, which the /3 surface gives to items
// created in moviedb (modules/tmdb/tmdb-ids.ts): a line that carries one is skipped and said so.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTmdb } from '../../../src/modules/imports/tmdb-import.js';
import { positiveId, TMDB_ID_MAX } from '../../../src/modules/imports/tmdb-source-model.js';
import { readTmdb } from '../../../src/modules/imports/tmdb-source.js';
import { query, useTestDatabase } from '../../helpers/database.js';

const dir = mkdtempSync(path.join(tmpdir(), 'moviedb-tmdb-ids-'));
const write = (name: string, text: string) => {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
};
const quoted = (value: unknown) => `"${JSON.stringify(value).replace(/"/g, '""')}"`;

describe('TMDB ids of the native range', () => {
  const t = useTestDatabase();

  it('takes 999999999 and no more', () => {
    expect(TMDB_ID_MAX).toBe(999_999_999);
    expect(positiveId('999999999')).toBe(999_999_999);
    expect(positiveId('1000000000')).toBeUndefined();
    expect(positiveId(2_000_000_000)).toBeUndefined();
  });

  it('skips movies, people, keywords and companies with such an id, line by line', async () => {
    const header = 'id,title,genres,production_countries,keywords,production_companies';
    const keywords = quoted([
      { id: 1_000_000_000, name: 'too far' },
      { id: 5, name: 'kept' },
    ]);
    const companies = quoted([{ id: 1_000_000_001, name: 'Far Pictures' }]);
    const movies = write(
      'movies.csv',
      [header, `999999999,Last One,[],[],${keywords},${companies}`, `1000000000,Native Range,[],[],[],[]`].join('\n') + '\n',
    );
    const persons = write('person.csv', 'person_id,person_name\n7,Kept Person\n1000000000,Far Person\n');
    const cast = write(
      'movie_cast.csv',
      'movie_id,person_id,character_name,gender_id,cast_order\n999999999,7,Hero,2,0\n999999999,1000000000,Villain,1,1\n',
    );
    const crew = write('movie_crew.csv', 'movie_id,person_id,department_id,job\n');
    const summary = await importTmdb(t.handle.db, await readTmdb(movies, { kind: 'normalized', persons, cast, crew }));
    const skipped = summary.skipped.map((s) => `${path.basename(s.file)}:${s.line}: ${s.reason}`).sort();
    expect(skipped).toEqual([
      'movie_cast.csv:3: cast row without a usable movie or person id',
      'movies.csv:2: keyword without a usable id left out',
      'movies.csv:2: production company without a usable id left out',
      'movies.csv:3: no usable movie id',
      'person.csv:3: person without a usable id or name',
    ]);
    expect(await query(t.handle, 'select tmdb_id, title from movie')).toEqual([{ tmdb_id: 999_999_999, title: 'Last One' }]);
    expect(await query(t.handle, 'select tmdb_id from person')).toEqual([{ tmdb_id: 7 }]);
    expect(await query(t.handle, 'select tmdb_id from keyword')).toEqual([{ tmdb_id: 5 }]);
    expect(await query(t.handle, 'select count(*)::int as n from company')).toEqual([{ n: 0 }]);
  });
});
