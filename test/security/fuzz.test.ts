// Bad requests to every operation of the OpenAPI document, by a caller the operation lets in:
// each request starts from a valid one built from the operation's own schemas and breaks it in
// one place (a value of the wrong type, out of bounds, too long, not in the list, a NUL, an
// unknown field or parameter, a missing field, a malformed or oversized body, a bad key or
// token), or names something that does not exist. What must hold for every answer: no 5xx,
// every error is problem details of at most 16 KB, and no table changed.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Access, Role } from '../../src/http/principal.js';
import { MAX_ID } from '../../src/http/types.js';
import { useTestApp } from '../helpers/app.js';
import { type SignedIn, clientFor, created, signInAs } from '../helpers/builders.js';
import { query } from '../helpers/database.js';

const PER_OPERATION = 100;
const MAX_ANSWER_BYTES = 16 * 1024;

type Schema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
  $ref?: string;
};
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required?: boolean;
  schema: Schema;
}
interface Operation {
  method: string;
  path: string;
  access: Access;
  parameters: Parameter[];
  body?: { type: string; schema: Schema };
  bodyRequired: boolean;
}
interface Request {
  what: string;
  /** Valid, naming nothing: an idempotent DELETE may answer 204; it must change nothing all the same. */
  mayPass?: boolean;
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

// Values that match the API's patterns, for building valid requests; a new pattern fails the
// test until it has one here.
const PATTERN_EXAMPLES: Record<string, string> = {
  '^[A-Za-z0-9_.-]{3,30}$': 'fuzzer',
  '^[^,|]+([,|][^,|]+)*$': 'Drama',
  '^(\\d{1,10}|[A-Za-z]{2})$': 'US',
  '^\\d{1,10}([,|]\\d{1,10}){0,99}$': '1',
  '^(?!0000)\\d{4}-': '2001-02-03',
  '^\\d{1,10}(,\\d{1,10}){0,99}$': '1,2',
  '\\S': 'Fuzz',
  '^[A-Za-z]{2}$': 'QZ',
  '^(?!\\s*\\d+\\s*$)[^,|]*[^,|\\s][^,|]*$': 'Fuzzgenre',
  '^[a-z]{2,3}$': 'fr',
  '^[a-z]{2,3}([,|][a-z]{2,3}){0,99}$': 'fr,en',
  '^https?://': 'https://example.org/fuzz',
};

const t = useTestApp();
let document: { paths: Record<string, Record<string, Record<string, unknown>>>; components: { schemas: Record<string, Schema> } };
const callers: Partial<Record<Role, SignedIn>> = {};

beforeAll(async () => {
  document = t.app.swagger() as unknown as typeof document;
  for (const role of ['user', 'editor', 'admin'] as const) callers[role] = await signInAs(t, role);
  // Something to point at: a movie with a character, a person.
  const editor = clientFor(t, callers.editor);
  const movie = await created<{ id: number }>(await editor.post('/movies', { title: 'Fuzzed' }));
  await created(await editor.post(`/movies/${movie.id}/characters`, { name: 'Target', role: 'leading' }));
  await created(await editor.post('/persons', { firstName: 'Fuzz', lastName: 'Target' }));
});

/** A seeded generator, so that a failure is the same failure the next run. */
function randomFrom(seed: number) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  return {
    int: (below: number) => Math.floor(next() * below),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!,
    ascii: (length: number) => Array.from({ length }, () => String.fromCharCode(0x21 + Math.floor(next() * 94))).join(''),
    junk: (length: number) =>
      Array.from({ length }, () =>
        String.fromCodePoint(next() < 0.8 ? 0x21 + Math.floor(next() * 94) : 0xa0 + Math.floor(next() * 0x2f00)),
      ).join(''),
  };
}

function resolve(schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) return resolve(document.components.schemas[schema.$ref.split('/').pop()!]);
  return schema;
}

const typesOf = (schema: Schema): string[] => {
  const s = resolve(schema);
  if (s.anyOf) return s.anyOf.flatMap(typesOf);
  return ([] as string[]).concat(s.type ?? []);
};
const nullable = (schema: Schema) => typesOf(schema).includes('null');
const branch = (schema: Schema): Schema => {
  const s = resolve(schema);
  return s.anyOf ? resolve(s.anyOf.find((option) => resolve(option).type !== 'null')) : s;
};

/** The smallest valid value of a schema. */
function validValue(schema: Schema): unknown {
  const s = branch(schema);
  if (s.enum) return s.enum[0];
  if (s.const !== undefined) return s.const;
  switch (typesOf(s)[0]) {
    case 'integer':
    case 'number':
      return typeof s.minimum === 'number' ? Math.max(s.minimum, 1) : 1;
    case 'boolean':
      return true;
    case 'array':
      return [];
    case 'object':
      return Object.fromEntries((s.required ?? []).map((name) => [name, validValue(s.properties![name]!)]));
    case 'string': {
      if (s.format === 'email') return 'fuzz@example.com';
      if (s.format === 'date') return '2001-02-03';
      if (typeof s.pattern === 'string') {
        const example = PATTERN_EXAMPLES[s.pattern];
        if (example === undefined) throw new Error(`No example for the pattern ${s.pattern}: add one to PATTERN_EXAMPLES`);
        return example;
      }
      return 'f'.repeat(Math.max(1, Number(s.minLength ?? 1)));
    }
    default:
      return 'x';
  }
}

/** Values that break the schema, each certainly (a JSON value for bodies, text for query and path). */
function invalidValues(schema: Schema, asText: boolean, random: ReturnType<typeof randomFrom>): unknown[] {
  const s = branch(schema);
  const out: unknown[] = [];
  const type = typesOf(s)[0];
  if (!nullable(schema) && !asText) out.push(null);
  if (s.enum) out.push('zz-not-one-of-them', `${String(s.enum[0])}\u0000`);
  if (type === 'integer' || type === 'number') {
    if (asText) out.push('abc', '1e3', ' 1', '0x1F', '+1', '', `x${random.junk(5)}`, '99999999999999999999999');
    else out.push('1', true, [1], { n: 1 });
    if (type === 'integer') out.push(asText ? '1.5' : 1.5);
    if (typeof s.minimum === 'number') out.push(asText ? String(s.minimum - 1) : s.minimum - 1);
    if (typeof s.maximum === 'number') out.push(asText ? String(s.maximum + 1) : s.maximum + 1);
  } else if (type === 'boolean') {
    out.push(asText ? 'yes' : 'true', asText ? `x${random.junk(3)}` : 1);
  } else if (type === 'string') {
    if (!asText) out.push(5, ['x'], { x: 1 });
    if (typeof s.maxLength === 'number' && s.maxLength < 20_000) out.push('m'.repeat(s.maxLength + 1));
    if (Number(s.minLength ?? 0) > 0) out.push('');
    out.push(`${String(validValue(s))}\u0000${random.junk(4)}`);
    if (s.format === 'date') out.push('2023-02-30', '0000-01-01', 'yesterday');
    if (s.format === 'email') out.push('not an e-mail');
  } else if (type === 'array') {
    out.push(asText ? undefined : 'not-a-list', asText ? undefined : { 0: 1 });
    if (!asText && typeof s.maxItems === 'number') out.push(Array.from({ length: s.maxItems + 1 }, (_, n) => n + 1));
    if (!asText && s.items) for (const bad of invalidValues(s.items, false, random).slice(0, 3)) out.push([bad]);
  } else if (type === 'object' && !asText) {
    out.push('not-an-object', [], 7);
  }
  return out.filter((value) => value !== undefined);
}

function operations(): Operation[] {
  const policies = new Map(t.app.routePolicies().map((policy) => [`${policy.method} ${policy.url}`, policy.access]));
  return Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, raw]) => {
      const operation = raw as {
        parameters?: Parameter[];
        requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
      };
      const route = path.replace(/\{(\w+)\}/g, ':$1');
      const access = policies.get(`${method.toUpperCase()} ${route}`);
      if (!access) throw new Error(`No access policy for ${method} ${path}`);
      const content = operation.requestBody?.content ?? {};
      const type = content['application/json'] ? 'application/json' : Object.keys(content)[0];
      return {
        method: method.toUpperCase(),
        path,
        access,
        parameters: operation.parameters ?? [],
        ...(type ? { body: { type, schema: content[type]!.schema } } : {}),
        bodyRequired: operation.requestBody?.required !== false,
      };
    }),
  );
}

function callerFor(access: Access): SignedIn | undefined {
  // The /3 surface (apiKey) is not in moviedb's OpenAPI document, so not fuzzed here.
  return access === 'public' || access === 'apiKey' ? undefined : callers[access];
}

/** The bad requests for one operation: each breaks a valid request in one place. */
function badRequests(operation: Operation, random: ReturnType<typeof randomFrom>): Request[] {
  const pathParams = operation.parameters.filter((p) => p.in === 'path');
  const queryParams = operation.parameters.filter((p) => p.in === 'query');
  const headerParams = operation.parameters.filter((p) => p.in === 'header');
  const validPath: Record<string, string> = Object.fromEntries(pathParams.map((p) => [p.name, '1']));
  const validBody =
    operation.body?.type === 'application/json' ? (validValue(operation.body.schema) as Record<string, unknown>) : undefined;
  const caller = callerFor(operation.access);
  const authorization = caller ? caller.headers : {};

  const build = (
    what: string,
    {
      path = validPath,
      query = '',
      body = validBody,
      raw,
      headers = {},
    }: {
      path?: Record<string, string>;
      query?: string;
      body?: unknown;
      raw?: { payload: string | Buffer; type: string };
      headers?: Record<string, string>;
    },
  ): Request => {
    const url = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => path[name] ?? '1') + (query ? `?${query}` : '');
    const payload = raw ? raw.payload : body === undefined || !operation.body ? undefined : JSON.stringify(body);
    const type = raw?.type ?? (payload !== undefined ? 'application/json' : undefined);
    return {
      what: `${operation.method} ${operation.path}: ${what}`,
      method: operation.method,
      url,
      headers: { ...authorization, ...(type ? { 'content-type': type } : {}), ...headers },
      ...(payload !== undefined ? { payload } : {}),
    };
  };

  const requests: Request[] = [];
  for (const parameter of pathParams) {
    for (const bad of [...invalidValues(parameter.schema, true, random), '%C3%28', '1'.repeat(101)]) {
      requests.push(
        build(`path ${parameter.name}=${String(bad).slice(0, 30)}`, {
          path: { ...validPath, [parameter.name]: encodeURIComponent(String(bad)).replace('%25C3%2528', '%C3%28') },
        }),
      );
    }
    // Valid, but nothing has that id: the handler runs, and must change nothing.
    requests.push({
      ...build(`path ${parameter.name} names nothing`, { path: { ...validPath, [parameter.name]: String(MAX_ID) } }),
      mayPass: true,
    });
  }
  for (const parameter of queryParams) {
    for (const bad of invalidValues(parameter.schema, true, random)) {
      requests.push(
        build(`query ${parameter.name}=${String(bad).slice(0, 30)}`, { query: `${parameter.name}=${encodeURIComponent(String(bad))}` }),
      );
    }
  }
  requests.push(build('an unknown query parameter', { query: `zz${random.int(1000)}=1` }));
  requests.push(
    build('an unknown query parameter of junk', {
      query: `${encodeURIComponent(`q${random.junk(8)}`)}=${encodeURIComponent(random.junk(8))}`,
    }),
  );
  for (const parameter of headerParams) {
    for (const bad of ['', 'has space', 'x'.repeat(300), 'naïve', '"open'])
      requests.push(build(`header ${parameter.name}=${bad.slice(0, 20)}`, { headers: { [parameter.name]: bad } }));
  }
  if (caller) {
    for (const token of ['Bearer junk.junk.junk', 'Bearer ', 'Basic Zm9vOmJhcg==', `Bearer ${random.ascii(40)}`]) {
      requests.push(build(`authorization ${token.slice(0, 20)}`, { headers: { authorization: token } }));
    }
  }

  if (!operation.body) {
    requests.push(build('a body it does not take', { raw: { payload: '{"x":1}', type: 'application/json' } }));
  } else if (operation.body.type === 'application/json') {
    const schema = branch(operation.body.schema);
    const properties = schema.properties ?? {};
    for (const [name, property] of Object.entries(properties)) {
      for (const bad of invalidValues(property, false, random)) {
        requests.push(build(`body ${name}=${JSON.stringify(bad)?.slice(0, 30)}`, { body: { ...validBody, [name]: bad } }));
      }
    }
    for (const name of schema.required ?? []) {
      const { [name]: _left, ...rest } = validBody!;
      requests.push(build(`body without ${name}`, { body: rest }));
    }
    requests.push(build('body with an unknown field', { body: { ...validBody, zzUnknown: 1 } }));
    requests.push(build('body with a junk field name', { body: { ...validBody, [`k${random.junk(12)}`]: random.junk(6) } }));
    requests.push(
      build('body with __proto__', {
        raw: { payload: `{"__proto__":{"admin":true},${JSON.stringify(validBody).slice(1)}`, type: 'application/json' },
      }),
    );
    // (A body that may be left out may be sent as null.)
    for (const wrong of [[], 'text', 42, ...(operation.bodyRequired ? [null] : [])])
      requests.push(build(`body ${JSON.stringify(wrong)}`, { body: wrong }));
    requests.push(build('malformed JSON', { raw: { payload: '{"title": ', type: 'application/json' } }));
    requests.push(
      build('JSON nested 5,000 deep', { raw: { payload: `${'['.repeat(5_000)}${']'.repeat(5_000)}`, type: 'application/json' } }),
    );
    requests.push(
      build('a body over 64 KB', { raw: { payload: JSON.stringify({ ...validBody, pad: 'p'.repeat(70_000) }), type: 'application/json' } }),
    );
    requests.push(build('an XML body', { raw: { payload: '<movie/>', type: 'application/xml' } }));
    requests.push(build('a JSON body sent as text', { raw: { payload: JSON.stringify(validBody), type: 'text/plain' } }));
  } else {
    // Uploads: malformed multipart, no file part, bytes that are no image.
    requests.push(build('multipart without a boundary', { raw: { payload: 'junk', type: 'multipart/form-data' } }));
    const boundary = 'fuzzboundary';
    const part = (name: string, content: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="f.png"\r\nContent-Type: image/png\r\n\r\n${content}\r\n--${boundary}--\r\n`;
    for (const [what, payload] of [
      ['a part not named file', part('other', 'x')],
      ['a file of no image', part('file', random.junk(64))],
      ['a body cut short', part('file', 'x').slice(0, 60)],
    ] as const) {
      requests.push(build(`multipart ${what}`, { raw: { payload, type: `multipart/form-data; boundary=${boundary}` } }));
    }
    requests.push(build('an XML body', { raw: { payload: '<file/>', type: 'application/xml' } }));
  }

  // More of the same, with other junk, until each operation has its share.
  for (let n = 0; requests.length < PER_OPERATION; n++) {
    const base = requests[n % requests.length]!;
    const choice = random.int(3);
    if (choice === 0)
      requests.push({
        ...base,
        what: `${base.what} (and an unknown parameter)`,
        url: `${base.url}${base.url.includes('?') ? '&' : '?'}zz${n}=${encodeURIComponent(random.junk(5))}`,
      });
    else if (choice === 1 && validBody)
      requests.push(build(`body with junk field ${n}`, { body: { ...validBody, [`zz${random.junk(6)}`]: random.junk(10) } }));
    else
      requests.push(
        build(`junk query ${n}`, { query: `${encodeURIComponent(`zz${random.junk(6)}`)}=${encodeURIComponent(random.junk(20))}` }),
      );
  }
  return requests;
}

async function tableDigests(): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    t.database.handle,
    `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query<{ digest: string | null; count: number }>(
      t.database.handle,
      `select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as digest, count(*)::int as count from "${name}" r`,
    );
    digests[name] = `${row!.count}:${row!.digest}`;
  }
  return digests;
}

describe('fuzzing every operation with bad requests', () => {
  it(`answers at least ${PER_OPERATION} bad requests per operation with a small problem details 4xx, changing nothing`, async () => {
    const all = operations();
    expect(all.length).toBeGreaterThanOrEqual(50);
    const random = randomFrom(20261202);
    const requests = all.flatMap((operation) => badRequests(operation, random));
    expect(requests.length).toBeGreaterThanOrEqual(5_000);

    const before = await tableDigests();
    const failures: string[] = [];
    const statuses: Record<number, number> = {};
    for (const request of requests) {
      const response = await t.app.inject({
        method: request.method as 'GET',
        url: request.url,
        headers: request.headers,
        ...(request.payload !== undefined ? { payload: request.payload } : {}),
      });
      statuses[response.statusCode] = (statuses[response.statusCode] ?? 0) + 1;
      const status = response.statusCode;
      if (status >= 500) failures.push(`${request.what}: ${status} ${response.body.slice(0, 200)}`);
      else if (status < 400 && !request.mayPass) failures.push(`${request.what}: answered ${status}`);
      else if (status < 400) continue;
      else {
        if (!String(response.headers['content-type']).startsWith('application/problem+json'))
          failures.push(`${request.what}: ${status} not problem details`);
        if (Buffer.byteLength(response.rawPayload) > MAX_ANSWER_BYTES)
          failures.push(`${request.what}: ${status} answer of ${response.rawPayload.length} bytes`);
        const body = response.json<{ status?: number; requestId?: string; title?: string }>();
        if (body.status !== status || !body.requestId || !body.title)
          failures.push(`${request.what}: ${status} problem without status, title or requestId`);
      }
    }
    const after = await tableDigests();
    console.log(`fuzz: ${requests.length} requests over ${all.length} operations; answers by status ${JSON.stringify(statuses)}`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect(after).toEqual(before);
    // Every operation met its callers: some answers got past authentication to the rules.
    expect(statuses[400]).toBeGreaterThan(requests.length / 2);
  }, 300_000);
});
