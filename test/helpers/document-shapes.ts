// Checks a document PostgreSQL built (sent as it came, past Fastify's serializer) against the
// response schema the OpenAPI document declares for it, strictly: every declared field present
// with its declared type, and no field the schema does not declare.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface OpenApiComponents {
  components: { schemas: Record<string, unknown> };
}

/** The schema with `additionalProperties: false` on every object that lists its properties. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (typeof schema !== 'object' || schema === null) return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) copy[key] = key === 'properties' ? mapValues(value, closed) : closed(value);
  if ('properties' in copy && !('additionalProperties' in copy)) copy.additionalProperties = false;
  return copy;
}

function mapValues(object: unknown, map: (value: unknown) => unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object as Record<string, unknown>).map(([key, value]) => [key, map(value)]));
}

export type DocumentCheck = (json: string) => string[];

/** A check for the named component schema; it answers the errors found (none when the document fits). */
export function documentCheck(openapi: OpenApiComponents, name: string): DocumentCheck {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ $id: 'openapi', components: { schemas: mapValues(openapi.components.schemas, closed) } });
  const validate = ajv.getSchema(`openapi#/components/schemas/${name}`);
  if (!validate) throw new Error(`The OpenAPI document has no schema ${name}`);
  return (json) => {
    const document: unknown = JSON.parse(json);
    if (validate(document)) return [];
    return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
  };
}
