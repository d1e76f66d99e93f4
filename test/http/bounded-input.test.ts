// Bad input costs little: bodies past 64 KB are refused before they are parsed, validation stops
// early, an answer names at most 10 errors and stays under 16 KB, every string and array of every
// route's schema has a bound, and the sign-in doors count an address before reading its body.
import { beforeAll, describe, expect, it } from 'vitest';
import { JSON_BODY_LIMIT_BYTES } from '../../src/app.js';
import { createTestApp, RELAXED_RATE_LIMITS, useTestApp } from '../helpers/app.js';
import { type Client, clientFor, created, signInAs } from '../helpers/builders.js';
import { query } from '../helpers/database.js';

const MAX_ANSWER_BYTES = 16 * 1024;

const t = useTestApp();
let editor: Client;
let editorHeaders: Record<string, string>;
beforeAll(async () => {
  const signedIn = await signInAs(t, 'editor');
  editor = clientFor(t, signedIn);
  editorHeaders = signedIn.headers;
});

const unknownKeys = (count: number, keyLength = 6) =>
  Object.fromEntries(Array.from({ length: count }, (_, n) => [`k${String(n).padStart(keyLength, '0')}`, 1]));

function expectSmallProblem(response: { statusCode: number; headers: Record<string, unknown>; body: string }, status: number) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(Buffer.byteLength(response.body)).toBeLessThanOrEqual(MAX_ANSWER_BYTES);
  const body = JSON.parse(response.body) as {
    status: number;
    requestId: string;
    detail: string;
    instance: string;
    errors?: { in: string; field: string; message: string }[];
  };
  expect(body.status).toBe(status);
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
}

describe('bodies past the limit', () => {
  it('refuses a 650 KB sign-up of 60,000 unknown keys with 413, unread', async () => {
    const payload = JSON.stringify({
      username: 'big_one',
      email: 'big@example.com',
      password: 'long enough password',
      ...unknownKeys(60_000),
    });
    expect(payload.length).toBeGreaterThan(600_000);
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload,
      headers: { 'content-type': 'application/json' },
    });
    const body = expectSmallProblem(response, 413);
    expect(body).toMatchObject({ title: 'Payload Too Large', instance: '/api/v1/auth/register' });
    expect(await query(t.database.handle, `select 1 from user_account where username = 'big_one'`)).toEqual([]);
  });

  it('refuses 200,000 performers with 413', async () => {
    const movie = await created<{ id: number }>(await editor.post('/movies', { title: 'Crowded' }));
    const character = await created<{ id: number }>(
      await editor.post(`/movies/${movie.id}/characters`, { name: 'Everyone', role: 'background' }),
    );
    const actorIds = Array.from({ length: 200_000 }, (_, n) => `x${n}`);
    const response = await editor.put(`/characters/${character.id}/actors`, { actorIds });
    expectSmallProblem(response, 413);
  });

  it(`takes a body of just under ${JSON_BODY_LIMIT_BYTES / 1024} KB, and refuses one just over`, async () => {
    const filler = (bytes: number) => JSON.stringify({ title: 'Sized', description: 'd'.repeat(bytes) });
    const fits = filler(JSON_BODY_LIMIT_BYTES - 100);
    const over = filler(JSON_BODY_LIMIT_BYTES + 100);
    const send = (payload: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/movies',
        payload,
        headers: { 'content-type': 'application/json', ...editorHeaders },
      });
    // Within the limit, the description's own bound (10,000 characters) refuses it: a 400, not a 413.
    expect((await send(fits)).statusCode).toBe(400);
    expectSmallProblem(await send(over), 413);
  });
});

describe('invalid bodies within the limit', () => {
  it('answers 4,000 unknown keys with at most 10 errors, under 16 KB', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      payload: { username: 'keys_one', email: 'keys@example.com', password: 'long enough password', ...unknownKeys(4_000) },
    });
    const body = expectSmallProblem(response, 400);
    expect(body.errors!.length).toBeGreaterThanOrEqual(1);
    expect(body.errors!.length).toBeLessThanOrEqual(10);
    expect(body.errors![0]).toEqual({ in: 'body', field: 'k000000', message: 'is not a known field' });
  });

  it('answers 10,000 bad performers with at most 10 errors, under 16 KB', async () => {
    const movie = await created<{ id: number }>(await editor.post('/movies', { title: 'Crowded too' }));
    const character = await created<{ id: number }>(
      await editor.post(`/movies/${movie.id}/characters`, { name: 'Many', role: 'background' }),
    );
    const response = await editor.put(`/characters/${character.id}/actors`, { actorIds: Array.from({ length: 10_000 }, () => 'x') });
    const body = expectSmallProblem(response, 400);
    expect(body.errors!.length).toBeLessThanOrEqual(10);
    expect(body.errors![0]).toMatchObject({ in: 'body', field: 'actorIds' });
  });

  it('cuts a field name of 60,000 characters short in the answer', async () => {
    const response = await editor.post('/movies', { title: 'Long key', ['x'.repeat(60_000)]: 1 });
    const body = expectSmallProblem(response, 400);
    expect(body.errors![0]!.field.length).toBeLessThanOrEqual(100);
    expect(body.errors![0]!.field.startsWith('xxxx')).toBe(true);
    expect(body.errors![0]!.message).toBe('is not a known field');
    expect(body.detail.length).toBeLessThanOrEqual(2_000);
  });

  it('still names every error of a small invalid body, up to 10', async () => {
    const response = await editor.post('/movies', { title: '', budget: -1, durationMinutes: 0, colour: 'red' });
    const body = expectSmallProblem(response, 400);
    expect(body.errors!.map((e) => e.field).sort()).toEqual(['budget', 'colour', 'durationMinutes', 'title']);
    const many = await editor.post('/movies', { title: 'Many', ...unknownKeys(30) });
    const manyBody = expectSmallProblem(many, 400);
    expect(manyBody.errors).toHaveLength(10);
    expect(manyBody.detail).toMatch(/; and more\.$/);
  });

  it('keeps an answer under 16 KB however long the path', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/${'p'.repeat(12_000)}` });
    const body = expectSmallProblem(response, 404);
    expect(body.instance.length).toBeLessThanOrEqual(500);
  });
});

describe('schemas', () => {
  it('bound every string and array a request may carry (uploads are bound by MAX_UPLOAD_MB)', () => {
    const document = t.app.swagger() as {
      paths: Record<
        string,
        Record<
          string,
          { parameters?: { in: string; name: string; schema: unknown }[]; requestBody?: { content: Record<string, { schema: unknown }> } }
        >
      >;
      components: { schemas: Record<string, unknown> };
    };
    const unbounded: string[] = [];
    const walk = (schema: unknown, where: string, seen: Set<unknown>) => {
      if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
      seen.add(schema);
      const s = schema as Record<string, unknown>;
      if (typeof s.$ref === 'string') walk(document.components.schemas[s.$ref.split('/').pop()!], where, seen);
      const types = ([] as unknown[]).concat(s.type ?? []);
      const fixed = s.enum !== undefined || s.const !== undefined || s.format === 'binary';
      if (types.includes('string') && s.maxLength === undefined && !fixed) unbounded.push(`${where}: a string without maxLength`);
      if (types.includes('array') && s.maxItems === undefined) unbounded.push(`${where}: an array without maxItems`);
      for (const key of ['anyOf', 'oneOf', 'allOf']) for (const inner of (s[key] as unknown[] | undefined) ?? []) walk(inner, where, seen);
      for (const [name, inner] of Object.entries((s.properties as Record<string, unknown> | undefined) ?? {}))
        walk(inner, `${where}.${name}`, seen);
      if (s.items) walk(s.items, `${where}[]`, seen);
    };
    let checked = 0;
    for (const [route, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        checked++;
        for (const parameter of operation.parameters ?? [])
          walk(parameter.schema, `${method} ${route} ${parameter.in} ${parameter.name}`, new Set());
        for (const [type, content] of Object.entries(operation.requestBody?.content ?? {}))
          walk(content.schema, `${method} ${route} ${type}`, new Set());
      }
    }
    expect(checked).toBeGreaterThanOrEqual(50);
    expect(unbounded).toEqual([]);
  });
});

describe('rate limits on the doors', () => {
  it('count an address before its body is read: the third oversized sign-up in a minute gets 429', async () => {
    const limited = await createTestApp({
      auth: { ...t.config.auth, rateLimits: { ...RELAXED_RATE_LIMITS, registerPerIp: 2, loginPerIp: 2 } },
    });
    try {
      const huge = JSON.stringify({ ...unknownKeys(60_000) });
      const send = (url: string) =>
        limited.app.inject({ method: 'POST', url, payload: huge, headers: { 'content-type': 'application/json' } });
      for (const url of ['/api/v1/auth/register', '/api/v1/auth/login']) {
        expect((await send(url)).statusCode).toBe(413);
        expect((await send(url)).statusCode).toBe(413);
        const third = await send(url);
        expect(third.statusCode).toBe(429);
        expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
        expect(third.json()).toMatchObject({ status: 429, title: 'Too Many Requests' });
      }
    } finally {
      await limited.close();
    }
  });
});
