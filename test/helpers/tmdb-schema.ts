// Checks /3 answers against TMDB's own OpenAPI document (../shared/tmdb/openapi-v3.json), read as
// ../shared/tmdb/SOURCE.md says: every property a schema lists is required (except in the mixed
// results of search/multi and a person's known_for), null is accepted wherever a type is given,
// extra properties are allowed; an appended part is checked against its own endpoint's schema,
// without its id.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';

type Schema = Record<string, unknown>;

const DOCUMENT = path.resolve('../shared/tmdb/openapi-v3.json');
let paths: Record<string, { get: { responses: { 200: { content: { 'application/json': { schema: Schema } } } } } }> | undefined;
const ajv = new Ajv({ strict: false, allErrors: true });
const compiled = new Map<string, ValidateFunction>();

/** How many answers were checked, in this test file. */
export const validated = { answers: 0 };

/**
 * Scores TMDB's examples happened to hold as whole numbers (a list's vote_average of 0, the
 * latest movie's popularity), typed integer by the inference, where other endpoints type the
 * same field number: read as number. Ids and counts stay integer.
 */
const SCORES = new Set(['vote_average', 'popularity']);

function strict(schema: Schema, mixed: boolean, name = ''): Schema {
  const out: Schema = { ...schema };
  if (SCORES.has(name) && out.type === 'integer') out.type = 'number';
  if (typeof out.type === 'string') out.type = [out.type, 'null'];
  if (out.properties && typeof out.properties === 'object') {
    const properties: Record<string, Schema> = {};
    for (const [name, inner] of Object.entries(out.properties as Record<string, Schema>)) {
      properties[name] = strict(inner, name === 'known_for', name);
    }
    out.properties = properties;
    if (!mixed) out.required = Object.keys(properties);
  }
  if (out.items && typeof out.items === 'object') out.items = strict(out.items as Schema, mixed);
  return out;
}

function responseSchema(route: string): Schema {
  paths ??= (JSON.parse(readFileSync(DOCUMENT, 'utf8')) as { paths: NonNullable<typeof paths> }).paths;
  const operation = paths[route];
  if (!operation) throw new Error(`TMDB's document has no ${route}`);
  return operation.get.responses[200].content['application/json'].schema;
}

function validatorOf(route: string, withoutId: boolean): ValidateFunction {
  const name = `${route}${withoutId ? ' (appended)' : ''}`;
  let validate = compiled.get(name);
  if (!validate) {
    const schema = strict(responseSchema(route), false);
    if (route === '/3/search/multi') {
      const rawItems = (responseSchema(route).properties as Record<string, Schema>).results!.items as Schema;
      (schema.properties as Record<string, Schema>).results!.items = strict(rawItems, true);
    }
    if (withoutId && Array.isArray(schema.required)) schema.required = schema.required.filter((p) => p !== 'id');
    validate = ajv.compile(schema);
    compiled.set(name, validate);
  }
  return validate;
}

/** Throws, naming every mismatch, unless `body` fits the 200 answer of `route` (TMDB's path, such as /3/movie/{movie_id}). */
export function expectTmdbShape(route: string, body: unknown, appended: Record<string, string> = {}): void {
  const check = (name: string, validate: ValidateFunction, value: unknown) => {
    if (!validate(value)) throw new Error(`${name}: ${ajv.errorsText(validate.errors, { separator: '\n' })}`);
  };
  check(route, validatorOf(route, false), body);
  for (const [part, partRoute] of Object.entries(appended)) {
    check(`${route} + ${part}`, validatorOf(partRoute, true), (body as Record<string, unknown>)[part]);
  }
  validated.answers++;
}
