import { readFile } from 'node:fs/promises';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { OPENAPI_SNAPSHOT, WEB_API_TYPES, renderOpenApi, renderWebApiTypes } from '../../scripts/write-openapi.js';
import { useTestApp } from '../helpers/app.js';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>>;
}

const t = useTestApp();

describe('the OpenAPI document', () => {
  it('is served at /api/openapi.json and is a valid OpenAPI 3.1 document', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const document = response.json<OpenApiDocument>();
    expect(document.openapi).toBe('3.1.0');

    const validator = new Validator();
    const result = await validator.validate(document as unknown as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // Every $ref points somewhere.
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('documents every API route with a response schema and problem details for errors', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<OpenApiDocument>();
    const apiRoutes = t.app
      .routePolicies()
      .filter((route) => route.method !== 'HEAD' && (route.url.startsWith('/api/v1/') || ['/health', '/ready'].includes(route.url)));
    expect(apiRoutes.length).toBeGreaterThanOrEqual(4);
    for (const route of apiRoutes) {
      const path = route.url.replace(/:(\w+)/g, '{$1}');
      const operation = document.paths[path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.url} is documented`).toBeDefined();
      const ok = operation!.responses['200'] ?? operation!.responses['201'] ?? operation!.responses['204'];
      expect(ok, `${route.method} ${route.url} has a success response`).toBeDefined();
    }
    const countries = document.paths['/api/v1/countries']!.get!;
    expect(countries.responses['4XX']?.content?.['application/problem+json']?.schema).toEqual({ $ref: '#/components/schemas/Problem' });
  });

  it('matches the committed docs/openapi.json (run `npm run openapi` after changing a route)', async () => {
    const committed = await readFile(OPENAPI_SNAPSHOT, 'utf8');
    expect(await renderOpenApi()).toBe(committed);
  });

  it("matches the web app's committed API types, web/src/api/schema.d.ts (run `npm run openapi`)", async () => {
    const committed = await readFile(WEB_API_TYPES, 'utf8');
    const fromDocument = await renderWebApiTypes(await readFile(OPENAPI_SNAPSHOT, 'utf8'));
    expect(fromDocument).toBe(committed);
    // The generated types carry the routes the app calls.
    expect(committed).toContain('"/api/v1/movies/{id}"');
  });

  it('says which bodies may be left out: refresh (the cookie) and logout, not login', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
      paths: Record<string, { post: Record<string, unknown> & { requestBody: { required: boolean } } }>;
    }>();
    expect(document.paths['/api/v1/auth/refresh']!.post.requestBody.required).toBe(false);
    expect(document.paths['/api/v1/auth/logout']!.post.requestBody.required).toBe(false);
    expect(document.paths['/api/v1/auth/login']!.post.requestBody.required).toBe(true);
    expect(Object.keys(document.paths['/api/v1/auth/refresh']!.post)).not.toContain('x-optional-body');
  });

  it('has an API reference page at /docs', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('swagger-ui');
    // The page loads its script and the document from the same server.
    const initializer = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(initializer.statusCode).toBe(200);
    const spec = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(spec.json()).toEqual((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json());
  });
});
