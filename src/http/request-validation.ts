// How requests are validated against their route's schemas (Ajv, through @fastify/ajv-compiler).
// - JSON bodies are taken as sent (`"budget": null` stays null, `"title": 5` is refused); query
//   strings, paths and headers arrive as text and are converted to the declared types, but only
//   from numbers written the one plain way: `1`, never ` 1`, `01`, `1e3` or `0x1`.
// - Validation stops at the first error, so that a body of a thousand bad fields costs what one
//   does; only a small invalid input is validated again to report every error (at most
//   MAX_REPORTED_ERRORS).
// - Unknown fields and parameters are refused, never dropped.
import { AjvCompiler, type ValidatorFactory } from '@fastify/ajv-compiler';

export const MAX_REPORTED_ERRORS = 10;
/** An invalid input of more values than this is reported by its first error alone. */
const FULL_REPORT_MAX_VALUES = 500;

const BASE_OPTIONS = { removeAdditional: false, useDefaults: true } as const;
const ajvCompilers = AjvCompiler();

interface AjvIssue {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
}
type Validate = ((data: unknown, context?: unknown) => boolean) & { errors?: AjvIssue[] | null; schemaEnv?: unknown };
type RouteSchema = { properties?: Record<string, { type?: unknown }> };

/** Decimal numbers as a person writes them: no spaces, no leading zeros, no exponent, no hex. */
const CANONICAL = {
  integer: /^-?(0|[1-9]\d*)$/,
  number: /^-?(0|[1-9]\d*)(\.\d+)?$/,
} as const;
const CANONICAL_MESSAGE = {
  integer: 'must be a whole number written in plain decimal digits',
  number: 'must be a number written in plain decimal digits',
} as const;

export const buildRequestValidator: ValidatorFactory = (externalSchemas) => {
  const compilers = {
    exact: {
      first: ajvCompilers(externalSchemas, { customOptions: { ...BASE_OPTIONS, allErrors: false, coerceTypes: false } }),
      all: ajvCompilers(externalSchemas, { customOptions: { ...BASE_OPTIONS, allErrors: true, coerceTypes: false } }),
    },
    converting: {
      first: ajvCompilers(externalSchemas, { customOptions: { ...BASE_OPTIONS, allErrors: false, coerceTypes: 'array' } }),
      all: ajvCompilers(externalSchemas, { customOptions: { ...BASE_OPTIONS, allErrors: true, coerceTypes: 'array' } }),
    },
  };
  return (route) => {
    const { first, all } = route.httpPart === 'body' ? compilers.exact : compilers.converting;
    const stopAtFirst = first(route) as Validate;
    let reportAll: Validate | undefined;
    const numeric = route.httpPart === 'params' || route.httpPart === 'querystring' ? numericProperties(route.schema as RouteSchema) : [];
    const validate: Validate = (data, context) => {
      const notCanonical = numeric.length ? canonicalNumberIssues(data, numeric) : [];
      if (notCanonical.length === 0 && stopAtFirst(data, context)) return true;
      let issues = [...notCanonical, ...(notCanonical.length ? [] : (stopAtFirst.errors ?? []))];
      if (notCanonical.length === 0 && countValues(data, FULL_REPORT_MAX_VALUES) <= FULL_REPORT_MAX_VALUES) {
        // Compiled only when first needed: most routes never see an invalid request.
        reportAll ??= all(route) as Validate;
        reportAll(data, context);
        issues = reportAll.errors ?? issues;
      }
      validate.errors = issues.slice(0, MAX_REPORTED_ERRORS * 2);
      return false;
    };
    if (stopAtFirst.schemaEnv) validate.schemaEnv = stopAtFirst.schemaEnv;
    return validate as unknown as ReturnType<ReturnType<ValidatorFactory>>;
  };
};

function numericProperties(schema: RouteSchema | undefined): { name: string; kind: 'integer' | 'number' }[] {
  const found: { name: string; kind: 'integer' | 'number' }[] = [];
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    if (property.type === 'integer' || property.type === 'number') found.push({ name, kind: property.type });
  }
  return found;
}

function canonicalNumberIssues(data: unknown, numeric: { name: string; kind: 'integer' | 'number' }[]): AjvIssue[] {
  if (data === null || typeof data !== 'object') return [];
  const issues: AjvIssue[] = [];
  for (const { name, kind } of numeric) {
    const value = (data as Record<string, unknown>)[name];
    // A repeated query parameter arrives as an array; the schema refuses that on its own.
    if (typeof value === 'string' && !CANONICAL[kind].test(value)) {
      issues.push({ keyword: 'type', instancePath: `/${name}`, message: CANONICAL_MESSAGE[kind], params: { type: kind } });
    }
  }
  return issues;
}

/** How many values (objects, arrays, scalars) `data` holds, counting no further than `limit` + 1. */
function countValues(data: unknown, limit: number): number {
  let count = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const value = stack.pop();
    if (++count > limit) return count;
    if (value === null || typeof value !== 'object') continue;
    // for...in, not Object.values: a huge object is given up on without copying it first.
    for (const key in value) {
      stack.push((value as Record<string, unknown>)[key]);
      if (count + stack.length > limit) return limit + 1;
    }
  }
  return count;
}
