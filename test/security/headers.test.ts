// Security headers on every answer; CORS only for the origins the configuration names.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../helpers/app.js';

const t = useTestApp({ corsOrigins: ['https://app.example.com'] });
const open = useTestApp();

describe('security headers', () => {
  it('sends helmet headers on API answers, errors and the docs page', async () => {
    for (const url of ['/api/v1/genres', '/api/v1/nowhere', '/docs']) {
      const response = await t.app.inject({ method: 'GET', url });
      expect(response.headers['x-content-type-options'], url).toBe('nosniff');
      expect(response.headers['x-frame-options'], url).toBe('SAMEORIGIN');
      expect(response.headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
      expect(response.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(response.headers['content-security-policy'], url).toContain("script-src 'self'");
    }
  });
});

describe('CORS', () => {
  it('allows a configured origin, with the headers a client needs', async () => {
    const preflight = await t.app.inject({
      method: 'OPTIONS',
      url: '/api/v1/me',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'PATCH',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(preflight.headers['access-control-allow-methods']).toContain('PATCH');
    expect(String(preflight.headers['access-control-allow-headers']).toLowerCase()).toContain('authorization');

    expect(t.app.routePolicies()).toContainEqual({ method: 'OPTIONS', url: '*', access: 'public' });

    const get = await t.app.inject({ method: 'GET', url: '/api/v1/genres', headers: { origin: 'https://app.example.com' } });
    expect(get.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(String(get.headers['access-control-expose-headers'])).toContain('Retry-After');
    // A cached answer must vary by origin (CORS) and by caller (isFavorite) both.
    expect(
      String(get.headers.vary)
        .toLowerCase()
        .split(/\s*,\s*/)
        .sort(),
    ).toEqual(['authorization', 'origin']);
  });

  it('says nothing to another origin, nor to any origin when none is configured', async () => {
    const other = await t.app.inject({ method: 'GET', url: '/api/v1/genres', headers: { origin: 'https://evil.example.net' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
    const none = await open.app.inject({ method: 'GET', url: '/api/v1/genres', headers: { origin: 'https://app.example.com' } });
    expect(none.headers['access-control-allow-origin']).toBeUndefined();
  });
});
