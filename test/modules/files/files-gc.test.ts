// `moviedb files gc`: orphans go, recorded files and young orphans stay.
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, utimesSync } from 'node:fs';
import { collectGarbage, sweepUploadLeftovers } from '../../../src/modules/files/files.gc.js';
import { createLocalStorage } from '../../../src/storage/local-storage.js';
import { useTestApp } from '../../helpers/app.js';
import { signInAs } from '../../helpers/builders.js';
import { makeImage, multipart } from '../../helpers/images.js';

const t = useTestApp();
const storage = () => createLocalStorage({ root: `${t.config.dataDir}/files`, publicBaseUrl: 'http://localhost' });

async function keys(): Promise<string[]> {
  const found: string[] = [];
  for await (const object of storage().list('images/')) found.push(object.key);
  return found.sort();
}

describe('files gc', () => {
  it('sweeps old unfinished uploads from the temporary folder, sparing young ones', async () => {
    const tmp = `${t.config.dataDir}/tmp-sweep`;
    mkdirSync(`${tmp}/old`, { recursive: true });
    mkdirSync(`${tmp}/young`, { recursive: true });
    const past = new Date(Date.now() - 2 * 3_600_000);
    utimesSync(`${tmp}/old`, past, past);
    expect(await sweepUploadLeftovers(tmp, 3_600_000)).toBe(1);
    expect(readdirSync(tmp)).toEqual(['young']);
  });

  it('removes what no row refers to, keeps every size of recorded files, spares young orphans', async () => {
    const user = await signInAs(t, 'user');
    const body = multipart(await makeImage(50, 50), 'kept.jpg', 'image/jpeg');
    const upload = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      payload: body.payload,
      headers: { ...body.headers, ...user.headers },
    });
    expect(upload.statusCode).toBe(201);
    const recorded = await keys();
    expect(recorded).toHaveLength(4);

    const orphan = 'images/00000000-0000-4000-8000-000000000000/original.jpg';
    await storage().put(orphan, Readable.from([Buffer.from('left behind')]), 'image/jpeg');
    await storage().put('images/00000000-0000-4000-8000-000000000000/w92.webp', Readable.from([Buffer.from('x')]), 'image/webp');

    const young = await collectGarbage({ db: t.database.handle.db, storage: storage() }, { minAgeMs: 60 * 60_000 });
    expect(young).toEqual({ examined: 6, removed: [], spared: 2 });

    const dry = await collectGarbage({ db: t.database.handle.db, storage: storage() }, { minAgeMs: 0, dryRun: true });
    expect(dry.removed.sort()).toEqual([orphan, 'images/00000000-0000-4000-8000-000000000000/w92.webp'].sort());
    expect(await keys()).toHaveLength(6);

    const done = await collectGarbage({ db: t.database.handle.db, storage: storage() }, { minAgeMs: 0 });
    expect(done.removed).toHaveLength(2);
    expect(await keys()).toEqual(recorded);
  });
});
