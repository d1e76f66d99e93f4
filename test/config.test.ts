import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => p.variable);
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('has the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      host: '0.0.0.0',
      dataDir: './data',
      databaseUrl: undefined,
      storage: 'local',
      publicUrl: 'http://localhost:3000',
      logLevel: 'info',
      admin: undefined,
    });
  });

  it('reads and converts the variables it is given', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgresql://app:secret@db.internal:5432/moviedb',
      STORAGE: 's3',
      S3_BUCKET: 'posters',
      S3_FORCE_PATH_STYLE: 'true',
      PUBLIC_URL: 'https://movies.example.com/',
      ADMIN_EMAIL: 'root@example.com',
      ADMIN_PASSWORD: 'correct horse battery',
      LOG_LEVEL: 'warn',
    });
    expect(config).toMatchObject({
      port: 8080,
      databaseUrl: 'postgresql://app:secret@db.internal:5432/moviedb',
      storage: 's3',
      s3: { bucket: 'posters', forcePathStyle: true, region: 'us-east-1' },
      publicUrl: 'https://movies.example.com',
      admin: { email: 'root@example.com', password: 'correct horse battery' },
      logLevel: 'warn',
    });
    expect(loadConfig({ PORT: '4000' }).publicUrl).toBe('http://localhost:4000');
  });

  it("reads the TMDB-compatible surface's settings, and refuses bad ones", () => {
    expect(loadConfig({}).tmdbApi).toEqual({ prefix: '/3', requireKey: true, ratePer10Seconds: 50, today: undefined });
    expect(
      loadConfig({ TMDB_API_PREFIX: '/tmdb/3', TMDB_API_REQUIRE_KEY: 'false', TMDB_API_RATE_LIMIT: '400', TMDB_API_TODAY: '2017-02-28' })
        .tmdbApi,
    ).toEqual({ prefix: '/tmdb/3', requireKey: false, ratePer10Seconds: 400, today: '2017-02-28' });
    for (const [variable, value] of [
      ['TMDB_API_PREFIX', '3'],
      ['TMDB_API_PREFIX', '/3/'],
      ['TMDB_API_PREFIX', '/a b'],
      ['TMDB_API_REQUIRE_KEY', 'maybe'],
      ['TMDB_API_RATE_LIMIT', '0'],
      ['TMDB_API_RATE_LIMIT', '1.5'],
      ['TMDB_API_TODAY', '2017-02-30'],
      ['TMDB_API_TODAY', '2017-2-3'],
    ] as const) {
      expect(problemsOf({ [variable]: value }), `${variable}=${value}`).toEqual([variable]);
    }
  });

  it('reads TRUST_PROXY as a flag, a hop count or a list of addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
  });

  it('reads CORS_ORIGINS as a list, or * for any origin', () => {
    expect(loadConfig({}).corsOrigins).toEqual([]);
    expect(loadConfig({ CORS_ORIGINS: '*' }).corsOrigins).toBe('*');
    expect(loadConfig({ CORS_ORIGINS: 'https://app.example.com, http://localhost:5173' }).corsOrigins).toEqual([
      'https://app.example.com',
      'http://localhost:5173',
    ]);
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: ' ' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: '80.5' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://localhost/db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'postgres://us er@host:notaport/db' }, 'DATABASE_URL'],
    [{ DATABASE_URL: 'localhost:5432' }, 'DATABASE_URL'],
    [{ STORAGE: 'ftp' }, 'STORAGE'],
    [{ STORAGE: 's3' }, 'S3_BUCKET'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PUBLIC_URL: 'movies.example.com' }, 'PUBLIC_URL'],
    [{ JWT_SECRET: 'short' }, 'JWT_SECRET'],
    [{ ADMIN_EMAIL: 'root@example.com' }, 'ADMIN_PASSWORD'],
    [{ ADMIN_EMAIL: 'root', ADMIN_PASSWORD: 'a long enough password' }, 'ADMIN_EMAIL'],
    [{ S3_FORCE_PATH_STYLE: 'maybe' }, 'S3_FORCE_PATH_STYLE'],
    [{ REDIS_URL: 'localhost:6379' }, 'REDIS_URL'],
    [{ CORS_ORIGINS: 'app.example.com' }, 'CORS_ORIGINS'],
    [{ TRUST_PROXY: 'yes please' }, 'TRUST_PROXY'],
  ])('refuses %o naming %s', (env, variable) => {
    expect(problemsOf(env)).toEqual([variable]);
  });

  it('never repeats a secret, nor the password inside a URL', () => {
    const message = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (error) {
        return (error as Error).message;
      }
      return '';
    };
    expect(message({ JWT_SECRET: 'hunter2-short' })).toBe('Invalid configuration:\n  JWT_SECRET must be at least 32 characters');
    expect(message({ ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'hunter2' })).not.toContain('hunter2');
    const url = message({ DATABASE_URL: 'postgres://app:hunter2@db:notaport/x' });
    expect(url).toContain('DATABASE_URL is not a valid URL (got "postgres://app:***@db:notaport/x")');
    expect(url).not.toContain('hunter2');
  });

  it('names every bad variable at once, with the value it got', () => {
    expect(() => loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud' })).toThrow(
      /PORT must be a whole number from 0 to 65535 \(got "abc"\)[\s\S]*LOG_LEVEL must be one of/,
    );
  });
});
