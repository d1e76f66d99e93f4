// Every failure answers with RFC 9457 problem details, and a 500 tells nothing of the internals.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';
import { query } from '../helpers/database.js';

const t = useTestApp();

const PROBLEM_KEYS = ['type', 'title', 'status', 'detail', 'instance', 'requestId'];

describe('problem details', () => {
  it('answers a bad query parameter with 400 naming the parameter', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/genres?pageSize=500&page=-1' });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.json()).toEqual({
      type: 'about:blank',
      title: 'Bad Request',
      status: 400,
      detail: 'Invalid query parameters: page must be >= 1; pageSize must be <= 100.',
      instance: '/api/v1/genres',
      requestId: response.headers['x-request-id'],
      errors: [
        { in: 'query', field: 'page', message: 'must be >= 1' },
        { in: 'query', field: 'pageSize', message: 'must be <= 100' },
      ],
    });
  });

  it('answers an unknown route with 404 problem details', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: 'about:blank',
      title: 'Not Found',
      status: 404,
      detail: 'No route for GET /api/v1/nothing-here',
      instance: '/api/v1/nothing-here',
    });
  });

  it('answers a wrong method on a known path with 404 problem details too', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/health' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toMatchObject({ status: 404, detail: 'No route for DELETE /health' });
  });

  it('keeps a sane request id from the caller and makes one up otherwise', async () => {
    const kept = await t.app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': 'lb-1234.abc' } });
    expect(kept.headers['x-request-id']).toBe('lb-1234.abc');
    expect(kept.json()).toMatchObject({ requestId: 'lb-1234.abc' });
    const replaced = await t.app.inject({ method: 'GET', url: '/nowhere', headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an internal failure with a bare 500: no stack, no SQL, no table names', async () => {
    // Break the database under the app: the genres query now fails inside the driver.
    await query(t.database.handle, 'alter table genre rename to genre_moved_away');
    try {
      const response = await t.app.inject({ method: 'GET', url: '/api/v1/genres' });
      expect(response.statusCode).toBe(500);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = response.json<Record<string, unknown>>();
      expect(Object.keys(body).sort()).toEqual([...PROBLEM_KEYS].sort());
      expect(body).toMatchObject({
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        detail: 'An unexpected error occurred. Quote the request id when reporting it.',
        requestId: response.headers['x-request-id'],
      });
      const { instance, ...rest } = body;
      expect(instance).toBe('/api/v1/genres');
      expect(JSON.stringify(rest)).not.toMatch(/genre|select|relation|stack|\.ts:|at /i);
    } finally {
      await query(t.database.handle, 'alter table genre_moved_away rename to genre');
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/genres' })).statusCode).toBe(200);
  });
});
