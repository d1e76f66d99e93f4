// Posters, avatars and gallery photos: attached by upload or by file id, shown by every read,
// replaced and removed without leaving files behind; the local files served safely; no half states.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLocalStorage } from '../../../src/storage/local-storage.js';
import { assertSafeKey, type Storage, UnsafeKeyError } from '../../../src/storage/storage.js';
import { createTestApp, useTestApp } from '../../helpers/app.js';
import { type Client, clientFor, created, signInAs, type SignedIn } from '../../helpers/builders.js';
import { query } from '../../helpers/database.js';
import { makeImage, multipart } from '../../helpers/images.js';

interface ImageDoc {
  id: number;
  publicUrl: string;
  sizes: Record<string, string>;
  width: number;
}

const t = useTestApp();
let editor: SignedIn;
let editorClient: Client;
let anonymous: Client;

beforeAll(async () => {
  editor = await signInAs(t, 'editor');
  editorClient = clientFor(t, editor);
  anonymous = clientFor(t);
});

const send = async (method: 'PUT' | 'POST', url: string, who: SignedIn, width = 300) => {
  const body = multipart(await makeImage(width, 200), 'image.jpg', 'image/jpeg');
  return t.app.inject({ method, url: `/api/v1${url}`, payload: body.payload, headers: { ...body.headers, ...who.headers } });
};
const fileCount = async (id: number) =>
  (await query<{ n: number }>(t.database.handle, `select count(*)::int as n from file where file_id = ${id}`))[0]!.n;
const localPath = (url: string) => new URL(url).pathname;

describe('movie posters', () => {
  it('attaches by upload, shows it in every movie read, and replaces it (deleting the old file)', async () => {
    const movie = await created<{ id: number }>(await editorClient.post('/movies', { title: 'Poster Child', releaseDate: '2020-01-01' }));
    const first = await send('PUT', `/movies/${movie.id}/poster`, editor);
    expect(first.statusCode).toBe(200);
    const poster = first.json<{ poster: ImageDoc }>().poster;
    expect(poster).toMatchObject({ width: 300, mimeType: 'image/jpeg' });
    expect(Object.keys(poster.sizes).sort()).toEqual(['original', 'w185', 'w500', 'w92']);

    expect((await anonymous.get(`/movies/${movie.id}`)).json()).toMatchObject({ poster: { id: poster.id } });
    const listed = (await anonymous.get('/movies?q=Poster%20Child')).json<{ items: { poster: ImageDoc }[] }>();
    expect(listed.items[0]!.poster).toEqual(poster);
    expect((await t.app.inject({ method: 'GET', url: localPath(poster.publicUrl) })).statusCode).toBe(200);

    const second = (await send('PUT', `/movies/${movie.id}/poster`, editor, 500)).json<{ poster: ImageDoc }>().poster;
    expect(second.id).not.toBe(poster.id);
    expect(await fileCount(poster.id)).toBe(0);
    expect((await t.app.inject({ method: 'GET', url: localPath(poster.publicUrl) })).statusCode).toBe(404);

    expect((await editorClient.delete(`/movies/${movie.id}/poster`)).statusCode).toBe(204);
    expect((await anonymous.get(`/movies/${movie.id}`)).json()).toMatchObject({ poster: null });
    expect(await fileCount(second.id)).toBe(0);
  });

  it('attaches a file uploaded before, keeping it while another movie still uses it', async () => {
    const image = (await send('POST', '/files', editor)).json<ImageDoc>();
    const [a, b] = [
      await created<{ id: number }>(await editorClient.post('/movies', { title: 'Shared A' })),
      await created<{ id: number }>(await editorClient.post('/movies', { title: 'Shared B' })),
    ];
    for (const movie of [a, b]) expect((await editorClient.put(`/movies/${movie.id}/poster`, { fileId: image.id })).statusCode).toBe(200);
    await editorClient.delete(`/movies/${a.id}/poster`);
    expect(await fileCount(image.id)).toBe(1);
    await editorClient.delete(`/movies/${b.id}`);
    expect(await fileCount(image.id)).toBe(0);
  });

  it('refuses users, unknown movies and unknown files; an upload for a missing movie is not kept', async () => {
    const movie = await created<{ id: number }>(await editorClient.post('/movies', { title: 'Guarded Poster' }));
    const user = await signInAs(t, 'user');
    expect((await send('PUT', `/movies/${movie.id}/poster`, user)).statusCode).toBe(403);
    const before = (await query<{ n: number }>(t.database.handle, 'select count(*)::int as n from file'))[0]!.n;
    expect((await send('PUT', '/movies/987654/poster', editor)).statusCode).toBe(404);
    expect(await query(t.database.handle, 'select count(*)::int as n from file')).toEqual([{ n: before }]);
    const missing = await editorClient.put(`/movies/${movie.id}/poster`, { fileId: 987_654 });
    expect(missing.json()).toMatchObject({ status: 422, errors: [{ field: 'fileId', message: 'names no file' }] });
    const wrong = await editorClient.put(`/movies/${movie.id}/poster`, { file: 1 });
    expect(wrong.statusCode).toBe(400);
  });
});

describe('avatars', () => {
  it('sets my avatar from an upload and shows it on my account and in the admin view', async () => {
    const ana = await signInAs(t, 'user');
    const response = await send('PUT', '/me/avatar', ana, 120);
    expect(response.statusCode).toBe(200);
    const avatar = response.json<{ avatar: ImageDoc }>().avatar;
    expect(avatar).toMatchObject({ width: 120 });
    expect((await clientFor(t, ana).get('/me')).json()).toMatchObject({ avatar: { id: avatar.id } });
    const admin = clientFor(t, await signInAs(t, 'admin'));
    expect((await admin.get(`/users/${ana.user.id}`)).json()).toMatchObject({ avatar: { id: avatar.id } });
  });

  it("refuses someone else's file as my avatar, and never touches another user's avatar", async () => {
    const [ana, bob] = [await signInAs(t, 'user'), await signInAs(t, 'user')];
    const anas = (await send('POST', '/files', ana)).json<ImageDoc>();
    await clientFor(t, ana).put('/me/avatar', { fileId: anas.id });
    const refused = await clientFor(t, bob).put('/me/avatar', { fileId: anas.id });
    expect(refused.statusCode).toBe(403);
    expect((await clientFor(t, bob).get('/me')).json()).toMatchObject({ avatar: null });
    // Bob removing "his" avatar leaves Ana's alone; Bob cannot delete Ana's file either.
    expect((await clientFor(t, bob).delete('/me/avatar')).statusCode).toBe(204);
    expect((await clientFor(t, bob).delete(`/files/${anas.id}`)).statusCode).toBe(403);
    expect((await clientFor(t, ana).get('/me')).json()).toMatchObject({ avatar: { id: anas.id } });
  });

  it('deletes the avatar file with the account', async () => {
    const ana = await signInAs(t, 'user');
    const avatar = (await send('PUT', '/me/avatar', ana)).json<{ avatar: ImageDoc }>().avatar;
    expect((await clientFor(t, ana).delete('/me')).statusCode).toBe(204);
    expect(await fileCount(avatar.id)).toBe(0);
  });
});

describe('person photos', () => {
  it('adds photos (the first is primary), chooses another, and removes them', async () => {
    const person = await created<{ id: number }>(await editorClient.post('/persons', { firstName: 'Gallery', lastName: 'Owner' }));
    const first = await send('POST', `/persons/${person.id}/photos`, editor, 200);
    expect(first.statusCode).toBe(201);
    const photo1 = first.json<{ id: number; isPrimary: boolean; image: ImageDoc }>();
    expect(photo1).toMatchObject({ isPrimary: true, image: { width: 200 } });
    const image2 = (await send('POST', '/files', editor, 250)).json<ImageDoc>();
    const photo2 = await created<{ id: number; isPrimary: boolean }>(
      await editorClient.post(`/persons/${person.id}/photos`, { fileId: image2.id }),
    );
    expect(photo2.isPrimary).toBe(false);

    let page = (await anonymous.get(`/persons/${person.id}`)).json<{ photo: ImageDoc; photos: { id: number; isPrimary: boolean }[] }>();
    expect(page.photo.id).toBe(photo1.image.id);
    expect(page.photos.map((p) => [p.id, p.isPrimary])).toEqual([
      [photo1.id, true],
      [photo2.id, false],
    ]);

    const chosen = await editorClient.put(`/persons/${person.id}/photo`, { photoId: photo2.id });
    expect(chosen.json()).toMatchObject({ photo: { id: image2.id } });

    // The person's photo shows wherever the person does: as a director, as an actor.
    const movie = await created<{ id: number }>(await editorClient.post('/movies', { title: 'Framed', directorId: person.id }));
    await editorClient.post(`/movies/${movie.id}/characters`, { name: 'Self', role: 'leading', actorId: person.id });
    const details = (await anonymous.get(`/movies/${movie.id}`)).json<{
      director: { photo: ImageDoc };
      characters: { actor: { photo: ImageDoc }; performers: { photo: ImageDoc }[] }[];
    }>();
    expect(details.director.photo.id).toBe(image2.id);
    expect(details.characters[0]!.actor.photo.id).toBe(image2.id);
    expect(details.characters[0]!.performers[0]!.photo.id).toBe(image2.id);

    expect((await editorClient.delete(`/persons/${person.id}/photos/${photo2.id}`)).statusCode).toBe(204);
    page = (await anonymous.get(`/persons/${person.id}`)).json();
    expect(page.photo).toBeNull();
    expect(page.photos.map((p) => p.id)).toEqual([photo1.id]);
    expect(await fileCount(image2.id)).toBe(0);
    expect((await editorClient.delete(`/persons/${person.id}/photos/${photo2.id}`)).statusCode).toBe(404);
  });

  it("refuses another person's photo as primary (422), a file twice (409), and plain users (403)", async () => {
    const [a, b] = [
      await created<{ id: number }>(await editorClient.post('/persons', { firstName: 'A', lastName: 'A' })),
      await created<{ id: number }>(await editorClient.post('/persons', { firstName: 'B', lastName: 'B' })),
    ];
    const photoOfB = (await send('POST', `/persons/${b.id}/photos`, editor)).json<{ id: number; image: ImageDoc }>();
    const refused = await editorClient.put(`/persons/${a.id}/photo`, { photoId: photoOfB.id });
    expect(refused.json()).toMatchObject({ status: 422, errors: [{ field: 'photoId' }] });
    const twice = await editorClient.post(`/persons/${b.id}/photos`, { fileId: photoOfB.image.id });
    expect(twice.statusCode).toBe(409);
    const user = await signInAs(t, 'user');
    expect((await send('POST', `/persons/${a.id}/photos`, user)).statusCode).toBe(403);
    expect((await clientFor(t, user).delete(`/persons/${b.id}/photos/${photoOfB.id}`)).statusCode).toBe(403);
    expect((await clientFor(t, user).put(`/persons/${b.id}/photo`, { photoId: photoOfB.id })).statusCode).toBe(403);
  });
});

describe('local files', () => {
  it('serves bytes with type, length, ETag, a year of caching, ranges and nosniff', async () => {
    const image = (await send('POST', '/files', editor)).json<ImageDoc & { size: number }>();
    const url = localPath(image.publicUrl);
    const full = await t.app.inject({ method: 'GET', url });
    expect(full.statusCode).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(Number(full.headers['content-length'])).toBe(image.size);
    expect(full.headers.etag).toBeTruthy();
    expect(full.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(full.headers['x-content-type-options']).toBe('nosniff');
    expect(full.headers['accept-ranges']).toBe('bytes');
    // Shown by web apps on other origins too.
    expect(full.headers['cross-origin-resource-policy']).toBe('cross-origin');

    const range = await t.app.inject({ method: 'GET', url, headers: { range: 'bytes=0-9' } });
    expect(range.statusCode).toBe(206);
    expect(range.rawPayload).toEqual(full.rawPayload.subarray(0, 10));
    expect(range.headers['content-range']).toBe(`bytes 0-9/${image.size}`);

    const again = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': full.headers.etag as string } });
    expect(again.statusCode).toBe(304);
    const webp = await t.app.inject({ method: 'GET', url: localPath(image.sizes.w92!) });
    expect(webp.headers['content-type']).toBe('image/webp');
  });

  it('never serves anything outside the storage folder', async () => {
    // A marker beside the storage folder (DATA_DIR/secret.txt), which no path may reach.
    writeFileSync(path.join(t.config.dataDir, 'secret.txt'), 'MARKER-not-for-serving');
    for (const url of [
      '/files/../secret.txt',
      '/files/%2e%2e/secret.txt',
      '/files/..%2fsecret.txt',
      '/files/..%5csecret.txt',
      '/files/images/../../secret.txt',
      '/files/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/files/.hidden',
    ]) {
      const response = await t.app.inject({ method: 'GET', url });
      expect([400, 403, 404], url).toContain(response.statusCode);
      expect(response.body, url).not.toContain('MARKER');
    }
  });

  it('refuses unsafe keys in the storage layer itself', () => {
    for (const key of ['../x', 'images/../../x', '/etc/passwd', 'images/a/../b', 'Images/X.JPG', 'images//x', '']) {
      expect(() => assertSafeKey(key), key).toThrow(UnsafeKeyError);
    }
    expect(assertSafeKey('images/0f1e2d3c-aaaa-4bbb-8ccc-000000000000/original.jpg')).toMatch(/^images\//);
  });
});

describe('no half states', () => {
  it('writes no row when storage fails, and leaves no bytes behind', async () => {
    const puts: string[] = [];
    const deletes: string[] = [];
    const root = `${t.config.dataDir}/failing`;
    const inner = createLocalStorage({ root, publicBaseUrl: 'http://localhost' });
    const failing: Storage = {
      ...inner,
      async put(key, body, type) {
        puts.push(key);
        // The third object (a resized copy) cannot be stored.
        if (puts.length === 3) {
          body.destroy();
          throw new Error('disk full');
        }
        return inner.put(key, body, type);
      },
      async delete(key) {
        deletes.push(key);
        return inner.delete(key);
      },
    };
    const own = await createTestApp({}, { storage: failing });
    try {
      const user = await signInAs(own, 'user');
      const body = multipart(await makeImage(100, 100), 'a.jpg', 'image/jpeg');
      const response = await own.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        payload: body.payload,
        headers: { ...body.headers, ...user.headers },
      });
      expect(response.statusCode).toBe(500);
      expect(await query(own.database.handle, 'select count(*)::int as n from file')).toEqual([{ n: 0 }]);
      expect(deletes.sort()).toEqual(puts.sort());
      const left = [];
      for await (const object of inner.list('images/')) left.push(object.key);
      expect(left).toEqual([]);
    } finally {
      await own.close();
    }
  });

  it('removes the stored bytes when the database write fails', async () => {
    const root = `${t.config.dataDir}/dbfail`;
    const storage = createLocalStorage({ root, publicBaseUrl: 'http://localhost' });
    const own = await createTestApp({}, { storage });
    try {
      const user = await signInAs(own, 'user');
      await query(own.database.handle, `alter table file add constraint no_new_files check (file_id < 0) not valid`);
      const body = multipart(await makeImage(100, 100), 'a.jpg', 'image/jpeg');
      const response = await own.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        payload: body.payload,
        headers: { ...body.headers, ...user.headers },
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      const left = [];
      for await (const object of storage.list('images/')) left.push(object.key);
      expect(left).toEqual([]);
    } finally {
      await own.close();
    }
  });
});
