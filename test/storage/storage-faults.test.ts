// The file store failing under an upload: S3 unreachable or the disk full is a 503 problem with
// Retry-After (it may work in a moment), a store that refuses access is a bare 500; either way no
// file row is written and no stored object or temporary file is left behind.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../../src/storage/local-storage.js';
import { createS3Storage } from '../../src/storage/s3-storage.js';
import type { Storage } from '../../src/storage/storage.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { signInAs } from '../helpers/builders.js';
import { query } from '../helpers/database.js';
import { freePort } from '../helpers/ports.js';
import { makeImage, multipart } from '../helpers/images.js';

const apps: TestApp[] = [];
const folders: string[] = [];
afterAll(async () => {
  for (const app of apps) await app.close();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

async function upload(storage: Storage) {
  const t = await createTestApp({}, { storage });
  apps.push(t);
  const user = await signInAs(t, 'user');
  const image = multipart(await makeImage(64, 48, 'png'), 'fault.png', 'image/png');
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { ...user.headers, ...image.headers },
    payload: image.payload,
  });
  const rows = await query(t.database.handle, `select 1 from file where file_name = 'fault.png'`);
  const leftovers = readdirSync(path.join(t.config.dataDir, 'tmp'), { recursive: true });
  return { response, rows, leftovers };
}

function failing(base: Storage, code: string, afterPuts = 0): Storage {
  let puts = 0;
  return {
    ...base,
    put: async (key, body, type) => {
      if (puts++ >= afterPuts) {
        body.resume();
        throw Object.assign(new Error(`${code}: simulated`), { code, syscall: 'write' });
      }
      return base.put(key, body, type);
    },
  };
}

describe('an upload while the file store fails', () => {
  it('answers 503 with Retry-After when S3 cannot be reached, and records nothing', async () => {
    const storage = createS3Storage({
      bucket: 'moviedb-test',
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${await freePort()}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    });
    const { response, rows, leftovers } = await upload(storage);
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('2');
    expect(response.json()).toMatchObject({ status: 503, detail: expect.stringMatching(/^The file storage is unavailable/) as unknown });
    expect(rows).toEqual([]);
    expect(leftovers).toEqual([]);
    storage.client.destroy();
  });

  it('answers 503 when the S3 server goes away halfway, and removes what it stored', async () => {
    const directory = mkdtempSync(path.join(tmpdir(), 'moviedb-s3-'));
    folders.push(directory);
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
    const { port } = await server.run();
    const real = createS3Storage({
      bucket: 'moviedb-test',
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await real.client.send(new CreateBucketCommand({ Bucket: 'moviedb-test' }));
    // The original and the first size are stored, then the server stops answering.
    let puts = 0;
    const storage: Storage = {
      ...real,
      put: async (key, body, type) => {
        if (++puts === 3) await server.close();
        return real.put(key, body, type);
      },
    };
    const { response, rows } = await upload(storage);
    expect(response.statusCode).toBe(503);
    expect(rows).toEqual([]);
    real.client.destroy();
  });

  it('answers 503 when the disk is full, leaving no file behind', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'moviedb-full-'));
    folders.push(root);
    const local = createLocalStorage({ root, publicBaseUrl: 'http://localhost' });
    const { response, rows, leftovers } = await upload(failing(local, 'ENOSPC', 2));
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('2');
    expect(rows).toEqual([]);
    expect(leftovers).toEqual([]);
    // The two sizes stored before the disk filled up were removed again.
    expect(readdirSync(root, { recursive: true }).filter((entry) => String(entry).includes('.'))).toEqual([]);
  });

  it('answers a bare 500 when the store refuses access, which no retry mends', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'moviedb-denied-'));
    folders.push(root);
    const { response, rows } = await upload(failing(createLocalStorage({ root, publicBaseUrl: 'http://localhost' }), 'EACCES'));
    expect(response.statusCode).toBe(500);
    expect(response.headers['retry-after']).toBeUndefined();
    expect(response.json()).toMatchObject({ status: 500, detail: 'An unexpected error occurred. Quote the request id when reporting it.' });
    expect(rows).toEqual([]);
  });
});
