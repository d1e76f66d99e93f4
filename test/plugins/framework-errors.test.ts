// Every error answer is problem details with a requestId, including those Fastify and Node.js give
// before a route runs: a path that is not valid percent-encoding, a path part over 100 characters,
// a body too large or of the wrong type, headers over 16 KB, a request that never arrives, and a
// request that comes while the service shuts down.
import { type Socket, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientErrorHandler } from '../../src/plugins/problem-details.js';
import { useTestApp } from '../helpers/app.js';
import { signInAs } from '../helpers/builders.js';

// Without the web app: its page fallback would take the paths the router refuses (a 404 then).
const t = useTestApp({ webDir: path.join(tmpdir(), 'moviedb-no-web-app') });
let editor: Record<string, string>;
beforeAll(async () => {
  editor = (await signInAs(t, 'editor')).headers;
});

function expectProblem(response: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number) {
  expect(response.statusCode).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = response.json() as Record<string, unknown>;
  expect(body).toMatchObject({ type: 'about:blank', status });
  expect(body.requestId).toEqual(expect.any(String));
  expect(body.requestId).toBe(response.headers['x-request-id']);
  return body;
}

/** Sends raw bytes to a listening copy of the app and returns what came back, whole. */
async function rawExchange(port: number, request: string | Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    socket.on('error', (error) => (received ? resolve(received) : reject(error)));
    socket.on('close', () => resolve(received));
    socket.write(request);
  });
}

function parseRaw(raw: string) {
  const [head, ...rest] = raw.split('\r\n\r\n');
  const [statusLine, ...headerLines] = head!.split('\r\n');
  const headers = Object.fromEntries(
    headerLines.map((line) => [line.split(':')[0]!.toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
  );
  return { status: Number(statusLine!.split(' ')[1]), headers, body: JSON.parse(rest.join('\r\n\r\n')) as Record<string, unknown> };
}

describe("the framework's own refusals", () => {
  it('answers 404 for an unknown route', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/nowhere' }), 404);
    expect(body).toMatchObject({ title: 'Not Found', instance: '/api/v1/nowhere' });
  });

  it('answers 400 for a path that is not valid percent-encoding', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: '/api/v1/movies/%C3%28' }), 400);
    expect(body).toMatchObject({ title: 'Bad Request', detail: 'The path is not valid percent-encoded UTF-8.' });
  });

  it('answers 414 for a path parameter over 100 characters', async () => {
    const body = expectProblem(await t.app.inject({ method: 'GET', url: `/api/v1/movies/${'1'.repeat(101)}` }), 414);
    expect(body).toMatchObject({ title: 'URI Too Long', detail: 'A part of the path is longer than 100 characters.' });
  });

  it('answers 413 for a body over 64 KB and 415 for a type it does not take', async () => {
    const big = await t.app.inject({
      method: 'POST',
      url: '/api/v1/genres',
      headers: { ...editor, 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(70_000) }),
    });
    expect(expectProblem(big, 413)).toMatchObject({ title: 'Payload Too Large' });
    const text = await t.app.inject({
      method: 'POST',
      url: '/api/v1/genres',
      headers: { ...editor, 'content-type': 'application/xml' },
      payload: '<genre>Noir</genre>',
    });
    expect(expectProblem(text, 415)).toMatchObject({ title: 'Unsupported Media Type' });
    const broken = await t.app.inject({
      method: 'POST',
      url: '/api/v1/genres',
      headers: { ...editor, 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(expectProblem(broken, 400)).toMatchObject({ title: 'Bad Request' });
  });
});

describe("Node.js's refusals, over a real connection", () => {
  let port: number;
  beforeAll(async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });

  it('answers 431 for headers over 16 KB', async () => {
    const raw = await rawExchange(port, `GET /health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
    const { status, headers, body } = parseRaw(raw);
    expect(status).toBe(431);
    expect(headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(body).toMatchObject({ type: 'about:blank', title: 'Request Header Fields Too Large', status: 431 });
    expect(body.requestId).toBe(headers['x-request-id']);
  });

  it('answers 400 for a request that is not HTTP', async () => {
    const { status, body } = parseRaw(await rawExchange(port, 'HELLO THERE\r\n\r\n'));
    expect(status).toBe(400);
    expect(body).toMatchObject({ status: 400, detail: 'The request is not valid HTTP.' });
  });

  it('answers 503 problem details to a request that arrives while the service shuts down, after finishing the one in flight', async () => {
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (chunk) => (received += chunk.toString()));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    // A sign-in takes a while (argon2): it is in flight when the shutdown begins.
    const login = JSON.stringify({ login: 'nobody', password: 'wrong password' });
    socket.write(
      `POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${login.length}\r\n\r\n${login}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const closing = t.app.close();
    socket.write('GET /api/v1/genres HTTP/1.1\r\nHost: x\r\n\r\n');
    await closing;
    await closed;
    const answers = received.split(/(?=HTTP\/1\.1 )/).map(parseRaw);
    expect(answers.map((answer) => answer.status)).toEqual([401, 503]);
    expect(answers[1]!.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(answers[1]!.headers['retry-after']).toBe('2');
    expect(answers[1]!.body).toMatchObject({ status: 503, title: 'Service Unavailable' });
    expect(answers[1]!.body.detail).toMatch(/shutting down/);
  });
});

describe('the client error handler', () => {
  it('answers a request that never finished arriving with 408 problem details, then closes', () => {
    const socket = Object.assign(new PassThrough(), { destroyed: false, writable: true }) as unknown as Socket;
    let written = '';
    (socket as unknown as { write: (text: string) => void }).write = (text: string) => {
      written += text;
    };
    let destroyed = false;
    (socket as unknown as { destroy: () => void }).destroy = () => {
      destroyed = true;
    };
    const error = Object.assign(new Error('timeout'), { code: 'ERR_HTTP_REQUEST_TIMEOUT' });
    clientErrorHandler.call(t.app, error, socket);
    const { status, headers, body } = parseRaw(written);
    expect(status).toBe(408);
    expect(headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(Number(headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(body)));
    expect(body).toMatchObject({ type: 'about:blank', title: 'Request Timeout', status: 408, requestId: headers['x-request-id'] });
    expect(destroyed).toBe(true);
  });
});
