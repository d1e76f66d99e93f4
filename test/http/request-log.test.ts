// The request's log fields mask API keys sent in the address (src/http/request-log.ts).
import Fastify from 'fastify';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { redactedUrl, requestLogFields } from '../../src/http/request-log.js';

describe('the request log', () => {
  it('masks api_key and access_token wherever they stand in the query, and nothing else', () => {
    expect(redactedUrl('/3/movie/550?api_key=0123456789abcdef0123456789abcdef')).toBe('/3/movie/550?api_key=[redacted]');
    expect(redactedUrl('/3/discover/movie?page=2&API_KEY=abc&with_genres=28')).toBe(
      '/3/discover/movie?page=2&API_KEY=[redacted]&with_genres=28',
    );
    expect(redactedUrl('/x?access_token=t#frag')).toBe('/x?access_token=[redacted]#frag');
    expect(redactedUrl('/3/search/movie?query=api_key%3Dx&my_api_key=1')).toBe('/3/search/movie?query=api_key%3Dx&my_api_key=1');
    expect(redactedUrl('/api/v1/movies?genre=Drama')).toBe('/api/v1/movies?genre=Drama');
  });

  it('keeps the key out of the line Fastify logs for each request', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = Fastify({ logger: { level: 'info', stream, serializers: { req: requestLogFields } } });
    app.get('/3/movie/:id', async () => ({ ok: true }));
    const key = 'fedcba9876543210fedcba9876543210';
    expect((await app.inject({ url: `/3/movie/550?api_key=${key}&language=en-US` })).statusCode).toBe(200);
    await app.close();
    const logged = lines.join('');
    expect(logged).toContain('/3/movie/550?api_key=[redacted]&language=en-US');
    expect(logged).not.toContain(key);
  });
});
