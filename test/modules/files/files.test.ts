// Uploads on both storage drivers: the bytes come back identical, every size exists and is never
// wider than its name says, bad files are refused, and nothing is left half done.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureImage, WHOLE_DECODE_MAX_PIXELS } from '../../../src/modules/files/image-processing.js';
import { createLocalStorage } from '../../../src/storage/local-storage.js';
import { createS3Storage } from '../../../src/storage/s3-storage.js';
import type { Storage } from '../../../src/storage/storage.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { signInAs, type SignedIn } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';
import { makeImage, multipart } from '../../helpers/images.js';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

interface ImageDoc {
  id: number;
  fileName: string;
  mimeType: string;
  size: number;
  width: number;
  height: number;
  publicUrl: string;
  sizes: Record<'original' | 'w92' | 'w185' | 'w500', string>;
  createdAt: string;
}

interface Driver {
  name: string;
  setUp(): Promise<{
    storage: Storage;
    secrets?: string[];
    fetchBytes: (url: string, t: TestApp) => Promise<{ status: number; body: Buffer }>;
    tearDown: () => Promise<void>;
  }>;
}

const local: Driver = {
  name: 'local disk',
  async setUp() {
    const root = mkdtempSync(path.join(tmpdir(), 'moviedb-files-'));
    const storage = createLocalStorage({ root, publicBaseUrl: 'http://localhost:3000' });
    return {
      storage,
      // The app serves local files itself: ask it, as a browser would ask the server.
      fetchBytes: async (url, t) => {
        const response = await t.app.inject({ method: 'GET', url: new URL(url).pathname });
        return { status: response.statusCode, body: response.rawPayload };
      },
      tearDown: async () => rmSync(root, { recursive: true, force: true }),
    };
  },
};

const s3: Driver = {
  name: 'S3 (s3rver on loopback)',
  async setUp() {
    const directory = mkdtempSync(path.join(tmpdir(), 'moviedb-s3-'));
    const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory });
    const { port } = await server.run();
    const storage = createS3Storage({
      bucket: 'moviedb-test',
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    await storage.client.send(new CreateBucketCommand({ Bucket: 'moviedb-test' }));
    return {
      storage,
      secrets: ['S3RVER'],
      fetchBytes: async (url) => {
        const response = await fetch(url);
        return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
      },
      tearDown: async () => {
        storage.client.destroy();
        await server.close();
        rmSync(directory, { recursive: true, force: true });
      },
    };
  },
};

async function storedKeys(storage: Storage): Promise<string[]> {
  const keys: string[] = [];
  for await (const object of storage.list('images/')) keys.push(object.key);
  return keys.sort();
}

describe('the pixel limits', () => {
  it('refuses AVIF, GIF and WebP images over the whole-decode limit even below IMAGE_MAX_PIXELS', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'moviedb-pixels-'));
    try {
      const file = path.join(dir, 'large.webp');
      await sharp({ create: { width: 4001, height: 4000, channels: 3, background: '#333' } })
        .webp({ quality: 1 })
        .toFile(file);
      await expect(measureImage(file, 50_000_000)).rejects.toThrow(
        `The webp image has 16004000 pixels; at most ${WHOLE_DECODE_MAX_PIXELS} are accepted for that format.`,
      );
      // A JPEG of the same size decodes a few lines at a time, and passes.
      const jpeg = path.join(dir, 'large.jpg');
      await sharp({ create: { width: 4001, height: 4000, channels: 3, background: '#333' } })
        .jpeg()
        .toFile(jpeg);
      await expect(measureImage(jpeg, 50_000_000)).resolves.toEqual({ width: 4001, height: 4000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each([local, s3])('files on $name', (driver) => {
  let t: TestApp;
  let storage: Storage;
  let fetchBytes: (url: string, t: TestApp) => Promise<{ status: number; body: Buffer }>;
  let tearDown: () => Promise<void>;
  let ana: SignedIn;

  beforeAll(async () => {
    const setUp = await driver.setUp();
    ({ storage, fetchBytes, tearDown } = setUp);
    t = await createTestApp({ maxUploadBytes: MAX_UPLOAD_BYTES, imageMaxPixels: 4_000_000 }, { storage, secrets: setUp.secrets ?? [] });
    ana = await signInAs(t, 'user');
  });
  afterAll(async () => {
    await t.close();
    await tearDown();
  });

  const upload = (who: SignedIn | undefined, content: Buffer, fileName: string, contentType: string) => {
    const body = multipart(content, fileName, contentType);
    return t.app.inject({ method: 'POST', url: '/api/v1/files', payload: body.payload, headers: { ...body.headers, ...who?.headers } });
  };

  it('stores an upload in every size; the bytes come back identical', async () => {
    const original = await makeImage(800, 600, 'jpeg');
    const response = await upload(ana, original, 'Poster Final.JPG', 'image/jpeg');
    expect(response.statusCode).toBe(201);
    const image = response.json<ImageDoc>();
    expect(image).toMatchObject({ fileName: 'Poster Final.JPG', mimeType: 'image/jpeg', size: original.length, width: 800, height: 600 });
    expect(image.publicUrl).toBe(image.sizes.original);
    expect(Object.keys(image.sizes).sort()).toEqual(['original', 'w185', 'w500', 'w92']);

    const fetched = await fetchBytes(image.publicUrl, t);
    expect(fetched.status).toBe(200);
    expect(sha256(fetched.body)).toBe(sha256(original));
    const [row] = await query<{ sha256: string; key: string; uploaded_by: number }>(
      t.database.handle,
      `select sha256, key, uploaded_by from file where file_id = ${image.id}`,
    );
    expect(row).toMatchObject({ sha256: sha256(original), uploaded_by: ana.user.id });
    expect(row!.key).toMatch(/^images\/[0-9a-f-]{36}\/original\.jpg$/);

    for (const [size, width] of [
      ['w92', 92],
      ['w185', 185],
      ['w500', 500],
    ] as const) {
      const copy = await fetchBytes(image.sizes[size], t);
      expect(copy.status, size).toBe(200);
      const metadata = await sharp(copy.body).metadata();
      expect(metadata.format, size).toBe('webp');
      expect(metadata.width, size).toBe(width);
      expect(metadata.height, size).toBe(Math.round((600 * width) / 800));
    }
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/files/${image.id}`, headers: ana.headers })).json()).toEqual(image);
  });

  it("shows a file's metadata to its uploader, editors and admins only", async () => {
    const image = (await upload(ana, await makeImage(20, 20), 'private.jpg', 'image/jpeg')).json<ImageDoc>();
    const read = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: `/api/v1/files/${image.id}`, headers });
    expect((await read({})).statusCode).toBe(401);
    expect((await read((await signInAs(t, 'user')).headers)).statusCode).toBe(404);
    expect((await read((await signInAs(t, 'editor')).headers)).statusCode).toBe(200);
    expect((await read((await signInAs(t, 'admin')).headers)).json()).toMatchObject({ id: image.id, fileName: 'private.jpg' });
  });

  it('refuses malformed multipart bodies with 400', async () => {
    const image = await makeImage(20, 20);
    const good = multipart(image, 'a.jpg', 'image/jpeg');
    const cut = good.payload.subarray(0, good.payload.length - 20);
    const post = (payload: Buffer, contentType: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/files', payload, headers: { 'content-type': contentType, ...ana.headers } });
    expect((await post(cut, good.headers['content-type'])).statusCode).toBe(400);
    expect((await post(good.payload, 'multipart/form-data')).statusCode).toBe(400);
    const wrongField = multipart(image, 'a.jpg', 'image/jpeg', 'picture');
    const response = await post(wrongField.payload, wrongField.headers['content-type']);
    expect(response.json()).toMatchObject({ status: 400, errors: [{ field: 'file', message: 'is required' }] });
  });

  it('never enlarges a small image: every size is there, none wider than the original', async () => {
    const image = (await upload(ana, await makeImage(120, 80, 'png'), 'small.png', 'image/png')).json<ImageDoc>();
    for (const size of ['w92', 'w185', 'w500'] as const) {
      const metadata = await sharp((await fetchBytes(image.sizes[size], t)).body).metadata();
      expect(metadata.width, size).toBe(size === 'w92' ? 92 : 120);
    }
  });

  it.each([
    ['webp', 'image/webp', 'still.webp'],
    ['gif', 'image/gif', 'anim.gif'],
    ['avif', 'image/avif', 'modern.avif'],
  ] as const)('accepts %s', async (format, mimeType, name) => {
    const response = await upload(ana, await makeImage(64, 48, format), name, 'application/octet-stream');
    expect(response.statusCode).toBe(201);
    expect(response.json()).toMatchObject({ mimeType, width: 64, height: 48 });
  });

  it.each([
    ['a text file', Buffer.from('just some words, not an image'), 'notes.txt', 'text/plain'],
    [
      'an SVG renamed .png',
      Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
      'logo.png',
      'image/png',
    ],
    ['HTML renamed .png', Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>'), 'page.png', 'image/png'],
  ])('refuses %s with 415, storing nothing', async (_label, content, name, type) => {
    const before = await storedKeys(storage);
    const response = await upload(ana, content, name, type);
    expect(response.statusCode).toBe(415);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await storedKeys(storage)).toEqual(before);
  });

  it('refuses an image whose declared type or name says something else, with 415', async () => {
    const png = await makeImage(50, 50, 'png');
    const wrongType = await upload(ana, png, 'image.png', 'image/jpeg');
    expect(wrongType.statusCode).toBe(415);
    expect(wrongType.json()).toMatchObject({ detail: 'The file was sent as image/jpeg, but its content is image/png.' });
    const wrongName = await upload(ana, png, 'image.jpg', 'application/octet-stream');
    expect(wrongName.json()).toMatchObject({ status: 415, detail: 'The file is named .jpg, but its content is image/png.' });
  });

  it('refuses a file over MAX_UPLOAD_MB with 413, storing nothing and recording nothing', async () => {
    const before = await storedKeys(storage);
    const [{ count: rowsBefore }] = (await query<{ count: number }>(t.database.handle, 'select count(*)::int as count from file')) as [
      { count: number },
    ];
    // A real PNG header, then more bytes than the limit allows.
    const big = Buffer.concat([await makeImage(10, 10, 'png'), Buffer.alloc(MAX_UPLOAD_BYTES + 1024, 7)]);
    const response = await upload(ana, big, 'huge.png', 'image/png');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ status: 413, detail: 'The file is larger than 2 MB (MAX_UPLOAD_MB).' });
    expect(await storedKeys(storage)).toEqual(before);
    expect(await query(t.database.handle, 'select count(*)::int as count from file')).toEqual([{ count: rowsBefore }]);
  });

  it('refuses an image over IMAGE_MAX_PIXELS with 413 before decoding it', async () => {
    const response = await upload(ana, await makeImage(2100, 2000, 'jpeg'), 'wide.jpg', 'image/jpeg');
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ detail: 'The image has 4200000 pixels; at most 4000000 are accepted (IMAGE_MAX_PIXELS).' });
  });

  it('cleans the uploader file name: no folders, no control characters', async () => {
    const jpeg = await makeImage(20, 20, 'jpeg');
    const sneaky = (await upload(ana, jpeg, '../../etc/pass\u0007wd\u202e.jpg', 'image/jpeg')).json<ImageDoc>();
    expect(sneaky.fileName).toBe('pass\u0007wd.jpg'.replace('\u0007', ''));
    const windows = (await upload(ana, jpeg, 'C:\\Users\\me\\photo.jpg', 'image/jpeg')).json<ImageDoc>();
    expect(windows.fileName).toBe('photo.jpg');
  });

  it('refuses anonymous uploads, and an upload without a file', async () => {
    expect((await upload(undefined, await makeImage(10, 10), 'a.jpg', 'image/jpeg')).statusCode).toBe(401);
    const empty = await t.app.inject({
      method: 'POST',
      url: '/api/v1/files',
      headers: { ...ana.headers, 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x--\r\n',
    });
    expect(empty.statusCode).toBe(400);
  });

  it('lets the uploader or an admin delete a file, removing every size; nobody else', async () => {
    const image = (await upload(ana, await makeImage(300, 200), 'mine.jpg', 'image/jpeg')).json<ImageDoc>();
    const bob = await signInAs(t, 'user');
    const del = (who: SignedIn) => t.app.inject({ method: 'DELETE', url: `/api/v1/files/${image.id}`, headers: who.headers });
    const refused = await del(bob);
    expect(refused.statusCode).toBe(403);
    expect((await fetchBytes(image.publicUrl, t)).status).toBe(200);

    expect((await del(ana)).statusCode).toBe(204);
    for (const url of Object.values(image.sizes)) expect((await fetchBytes(url, t)).status, url).toBe(404);
    // Nothing of it is left in storage, not even its folder.
    expect((await storedKeys(storage)).filter((key) => image.publicUrl.includes(key.split('/')[1]!))).toEqual([]);
    if (storage.localRoot) expect(existsSync(path.join(storage.localRoot, 'images', image.publicUrl.split('/').at(-2)!))).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/files/${image.id}`, headers: ana.headers })).statusCode).toBe(404);

    const other = (await upload(ana, await makeImage(30, 30), 'other.jpg', 'image/jpeg')).json<ImageDoc>();
    const admin = await signInAs(t, 'admin');
    expect((await t.app.inject({ method: 'DELETE', url: `/api/v1/files/${other.id}`, headers: admin.headers })).statusCode).toBe(204);
  });

  it('refuses to delete a file in use (409), and lets it go once detached', async () => {
    const image = (await upload(ana, await makeImage(40, 40), 'me.jpg', 'image/jpeg')).json<ImageDoc>();
    const put = await t.app.inject({ method: 'PUT', url: '/api/v1/me/avatar', headers: ana.headers, payload: { fileId: image.id } });
    expect(put.statusCode).toBe(200);
    const refused = await t.app.inject({ method: 'DELETE', url: `/api/v1/files/${image.id}`, headers: ana.headers });
    expect(refused.statusCode).toBe(409);
    expect((await fetchBytes(image.publicUrl, t)).status).toBe(200);
    // Removing the avatar deletes the file, since nothing else uses it.
    expect((await t.app.inject({ method: 'DELETE', url: '/api/v1/me/avatar', headers: ana.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/files/${image.id}`, headers: ana.headers })).statusCode).toBe(404);
    expect((await fetchBytes(image.publicUrl, t)).status).toBe(404);
  });
});
