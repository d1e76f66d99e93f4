// The service's configuration: one schema for the environment (DESIGN.md section 4), validated
// once at start. A bad value stops the process with a message that names the variable.
import { fileURLToPath } from 'node:url';
import Type, { type Static, type TSchema } from 'typebox';
import Value from 'typebox/value';
import type { DatabaseTimeouts } from './db/pg-connections.js';
import { EMAIL_RULE } from './modules/auth/credentials.schemas.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, PASSWORD_RULE } from './modules/auth/password-rule.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

// `hint` is ours, not a JSON Schema keyword: the sentence shown when the variable is wrong.
const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000, hint: 'must be a whole number from 0 to 65535' }),
  HOST: Type.String({ minLength: 1, default: '0.0.0.0', hint: 'must be a host name or address' }),
  DATA_DIR: Type.String({ minLength: 1, default: './data', hint: 'must be a directory path' }),
  DATABASE_URL: Type.Optional(Type.String({ pattern: '^postgres(ql)?://', hint: 'must be a postgres:// or postgresql:// connection URL' })),
  DATABASE_CONNECT_TIMEOUT_MS: Type.Integer({
    minimum: 100,
    maximum: 600_000,
    default: 5000,
    hint: 'must be a whole number of milliseconds from 100 to 600000',
  }),
  DATABASE_STATEMENT_TIMEOUT_MS: Type.Integer({
    minimum: 0,
    maximum: 3_600_000,
    default: 5000,
    hint: 'must be a whole number of milliseconds from 0 (no limit) to 3600000',
  }),
  STORAGE: Type.Union([Type.Literal('local'), Type.Literal('s3')], { default: 'local', hint: 'must be local or s3' }),
  S3_BUCKET: Type.Optional(Type.String({ minLength: 1, hint: 'must be a bucket name' })),
  S3_REGION: Type.String({ minLength: 1, default: 'us-east-1', hint: 'must be a region name' }),
  S3_ENDPOINT: Type.Optional(Type.String({ pattern: '^https?://', hint: 'must be an http(s):// URL' })),
  S3_FORCE_PATH_STYLE: Type.Boolean({ default: false, hint: 'must be true or false' }),
  S3_PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://', hint: 'must be an http(s):// URL' })),
  DEMO_DATA: Type.Boolean({ default: true, hint: 'must be true or false' }),
  MAX_UPLOAD_MB: Type.Integer({ minimum: 1, maximum: 10_240, default: 10, hint: 'must be a whole number of megabytes from 1 to 10240' }),
  IMAGE_MAX_PIXELS: Type.Integer({
    minimum: 1,
    maximum: 1_000_000_000,
    default: 50_000_000,
    hint: 'must be a whole number of pixels from 1 to 1000000000',
  }),
  PUBLIC_URL: Type.Optional(Type.String({ pattern: '^https?://', hint: 'must be an http(s):// URL' })),
  JWT_SECRET: Type.Optional(Type.String({ minLength: 32, hint: 'must be at least 32 characters' })),
  ADMIN_EMAIL: Type.Optional(Type.String({ ...EMAIL_RULE, hint: 'must be an e-mail address' })),
  ADMIN_PASSWORD: Type.Optional(
    Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, hint: `must be ${PASSWORD_RULE}` }),
  ),
  REDIS_URL: Type.Optional(Type.String({ pattern: '^rediss?://', hint: 'must be a redis:// or rediss:// URL' })),
  RATE_LIMITS: Type.Union([Type.Literal('on'), Type.Literal('off')], {
    default: 'on',
    hint: 'must be on or off (off only behind a gateway that limits sign-in attempts, or for benchmarks)',
  }),
  REDIS_KEY_PREFIX: Type.String({ minLength: 1, maxLength: 100, default: 'moviedb:', hint: 'must be 1 to 100 characters' }),
  CORS_ORIGINS: Type.Optional(
    Type.String({
      pattern: '^(\\*|https?://[^,\\s/]+(,\\s*https?://[^,\\s/]+)*)$',
      hint: 'must be * or a comma-separated list of origins such as https://app.example.com',
    }),
  ),
  TRUST_PROXY: Type.Optional(
    Type.String({
      pattern: '^(true|false|\\d+|[0-9a-fA-F.:/]+(,\\s*[0-9a-fA-F.:/]+)*)$',
      hint: 'must be true, false, a number of proxy hops, or a comma-separated list of proxy addresses or CIDRs',
    }),
  ),
  WEB_DIR: Type.Optional(Type.String({ minLength: 1, hint: 'must be a directory path' })),
  TMDB_API_PREFIX: Type.String({
    pattern: '^(/[A-Za-z0-9._~-]+)+$',
    maxLength: 100,
    default: '/3',
    hint: 'must be a path such as /3 or /tmdb/3 (no trailing slash)',
  }),
  TMDB_API_REQUIRE_KEY: Type.Boolean({ default: true, hint: 'must be true or false' }),
  TMDB_API_RATE_LIMIT: Type.Integer({
    minimum: 1,
    maximum: 1_000_000,
    default: 50,
    hint: 'must be a whole number of requests per 10 seconds, from 1 to 1000000',
  }),
  TMDB_API_TODAY: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', hint: 'must be a date, YYYY-MM-DD' })),
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((level) => Type.Literal(level)),
    { default: 'info', hint: `must be one of ${LOG_LEVELS.join(', ')}` },
  ),
});

type Env = Static<typeof EnvSchema>;
export type LogLevel = Env['LOG_LEVEL'];

/** The configuration the service runs with: each value of the environment's type (Env), converted once. */
export interface Config {
  port: Env['PORT'];
  host: Env['HOST'];
  dataDir: Env['DATA_DIR'];
  /** Unset: the embedded PGlite database under dataDir. */
  databaseUrl: Env['DATABASE_URL'];
  /** How long the service waits on PostgreSQL before answering 503 (milliseconds; statement 0: no limit). */
  databaseTimeouts: DatabaseTimeouts;
  storage: Env['STORAGE'];
  s3: {
    bucket: Env['S3_BUCKET'];
    region: Env['S3_REGION'];
    endpoint: Env['S3_ENDPOINT'];
    forcePathStyle: Env['S3_FORCE_PATH_STYLE'];
    publicUrl: Env['S3_PUBLIC_URL'];
  };
  /** PUBLIC_URL without a trailing slash; unset: http://localhost:PORT. */
  publicUrl: string;
  /** Seed the demo catalogue on the first start of an embedded install (DEMO_DATA). */
  demoData: Env['DEMO_DATA'];
  /** Largest upload accepted, in bytes (MAX_UPLOAD_MB). */
  maxUploadBytes: number;
  /** Largest image accepted, in pixels (width times height), checked before decoding. */
  imageMaxPixels: Env['IMAGE_MAX_PIXELS'];
  /** Unset: generated once and kept in DATA_DIR (embedded mode only; see modules/auth/jwt-secret.ts). */
  jwtSecret: Env['JWT_SECRET'];
  admin: { email: NonNullable<Env['ADMIN_EMAIL']>; password: NonNullable<Env['ADMIN_PASSWORD']> } | undefined;
  /** RATE_LIMITS=off turns the sign-in, registration and refresh limits off. */
  rateLimitsEnabled: boolean;
  /** Unset: rate limits are counted in this process's memory. */
  redisUrl: Env['REDIS_URL'];
  redisKeyPrefix: Env['REDIS_KEY_PREFIX'];
  /** Origins allowed to call the API from a browser; empty: none (same origin only). */
  corsOrigins: string[] | '*';
  /** Fastify's trustProxy: whose X-Forwarded-For to believe for the client's IP (rate limits). */
  trustProxy: boolean | number | string[];
  logLevel: LogLevel;
  /** The TMDB-compatible surface (docs/tmdb-compatible.md). */
  tmdbApi: {
    /** Where its routes go (TMDB_API_PREFIX, default /3). */
    prefix: Env['TMDB_API_PREFIX'];
    /** False: anyone may call it without an API key. */
    requireKey: Env['TMDB_API_REQUIRE_KEY'];
    /** Requests per 10 seconds, per API key (per address without one). */
    ratePer10Seconds: Env['TMDB_API_RATE_LIMIT'];
    /** A frozen "today" for now_playing and upcoming; unset: the clock's date (UTC). */
    today: Env['TMDB_API_TODAY'];
  };
  /** The built web app (index.html and assets/), served at /; default: dist/web of this package. */
  webDir: string;
  auth: AuthSettings;
}

/** Fixed by the code, not the environment; tests may change them. */
export interface AuthSettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  /** Attempts per minute. */
  rateLimits: {
    loginPerIp: number;
    loginPerAccount: number;
    registerPerIp: number;
    registerPerAccount: number;
    refreshPerIp: number;
    refreshPerAccount: number;
    passwordChangePerUser: number;
  };
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  // Access tokens live at most 15 minutes; the refresh token renews them.
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlDays: 30,
  rateLimits: {
    loginPerIp: 30,
    loginPerAccount: 10,
    registerPerIp: 10,
    registerPerAccount: 3,
    refreshPerIp: 60,
    refreshPerAccount: 30,
    passwordChangePerUser: 5,
  },
};

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p.variable} ${p.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const VARIABLES = Object.keys(EnvSchema.properties) as (keyof Env)[];

/** Reads the configuration from an environment (process.env by default); throws ConfigError. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const raw: Record<string, string> = {};
  for (const name of VARIABLES) {
    const value = environment[name];
    // An empty variable is treated as unset, as shells and .env files often leave them.
    if (value !== undefined && value.trim() !== '') raw[name] = value.trim();
  }
  // Default and Convert work in place: give them a copy, and keep `raw` as the operator wrote it.
  const converted: unknown = Value.Convert(EnvSchema, Value.Default(EnvSchema, { ...raw }));

  const properties = EnvSchema.properties as Record<string, TSchema & { hint?: string; type?: string }>;
  const problems = new Map<string, string>();
  const refuse = (variable: string, message?: string) => {
    const hint = properties[variable]?.hint ?? message ?? 'is invalid';
    problems.set(variable, `${hint}${shown(variable, raw[variable])}`);
  };
  for (const error of Value.Errors(EnvSchema, converted)) {
    const variable = error.instancePath.replace(/^\//, '');
    if (variable && !problems.has(variable)) refuse(variable, error.message);
  }
  // Conversion is lenient ("80.5" would become 80); a whole number must be written as one.
  for (const [variable, value] of Object.entries(raw)) {
    if (properties[variable]?.type === 'integer' && !/^\d+$/.test(value)) refuse(variable);
  }
  if (problems.size === 0) checkCombinations(converted as Env, raw, problems);
  if (problems.size > 0) {
    throw new ConfigError([...problems].map(([variable, message]) => ({ variable, message })));
  }

  const env = converted as Env;
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: env.DATA_DIR,
    databaseUrl: env.DATABASE_URL,
    databaseTimeouts: { connectMs: env.DATABASE_CONNECT_TIMEOUT_MS, statementMs: env.DATABASE_STATEMENT_TIMEOUT_MS },
    storage: env.STORAGE,
    s3: {
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      publicUrl: env.S3_PUBLIC_URL,
    },
    publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
    demoData: env.DEMO_DATA,
    maxUploadBytes: env.MAX_UPLOAD_MB * 1024 * 1024,
    imageMaxPixels: env.IMAGE_MAX_PIXELS,
    jwtSecret: env.JWT_SECRET,
    admin: env.ADMIN_EMAIL && env.ADMIN_PASSWORD ? { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD } : undefined,
    rateLimitsEnabled: env.RATE_LIMITS === 'on',
    redisUrl: env.REDIS_URL,
    redisKeyPrefix: env.REDIS_KEY_PREFIX,
    corsOrigins:
      env.CORS_ORIGINS === '*'
        ? '*'
        : (env.CORS_ORIGINS ?? '')
            .split(',')
            .map((o) => o.trim())
            .filter(Boolean),
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    logLevel: env.LOG_LEVEL,
    tmdbApi: {
      prefix: env.TMDB_API_PREFIX,
      requireKey: env.TMDB_API_REQUIRE_KEY,
      ratePer10Seconds: env.TMDB_API_RATE_LIMIT,
      today: env.TMDB_API_TODAY,
    },
    webDir: env.WEB_DIR ?? fileURLToPath(new URL('../dist/web', import.meta.url)),
    auth: DEFAULT_AUTH_SETTINGS,
  };
}

const SECRET_VARIABLES = new Set(['JWT_SECRET', 'ADMIN_PASSWORD']);

/** The value a message may repeat: never a secret, never the password inside a URL. */
function shown(variable: string, value: string | undefined): string {
  if (value === undefined || SECRET_VARIABLES.has(variable)) return '';
  return ` (got ${JSON.stringify(value.replace(/(\/\/[^/@:\s]*):[^/@]*@/, '$1:***@'))})`;
}

function parseTrustProxy(value: string | undefined): boolean | number | string[] {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value.split(',').map((address) => address.trim());
}

/** Rules across variables, and values a pattern cannot judge alone. */
function checkCombinations(env: Env, raw: Record<string, string>, problems: Map<string, string>): void {
  const urls = ['DATABASE_URL', 'S3_ENDPOINT', 'S3_PUBLIC_URL', 'PUBLIC_URL', 'REDIS_URL'] as const;
  for (const name of urls) {
    const value = env[name];
    if (value !== undefined && !URL.canParse(value)) {
      problems.set(name, `is not a valid URL${shown(name, raw[name])}`);
    }
  }
  const today = env.TMDB_API_TODAY;
  const parsed = today === undefined ? undefined : new Date(`${today}T00:00:00Z`);
  if (parsed && (Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== today)) {
    problems.set('TMDB_API_TODAY', `must be a date, YYYY-MM-DD${shown('TMDB_API_TODAY', raw.TMDB_API_TODAY)}`);
  }
  if (env.STORAGE === 's3' && !env.S3_BUCKET) problems.set('S3_BUCKET', 'is required when STORAGE=s3');
  if (Boolean(env.ADMIN_EMAIL) !== Boolean(env.ADMIN_PASSWORD)) {
    problems.set(env.ADMIN_EMAIL ? 'ADMIN_PASSWORD' : 'ADMIN_EMAIL', 'is required when the other ADMIN_ variable is set');
  }
}
