// Writes the OpenAPI document to docs/openapi.json, the committed copy that clients generate
// from, and the web app's types generated from it (web/src/api/schema.d.ts); a test fails when
// either drifts from what the routes declare. Run: npm run openapi
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';

export const OPENAPI_SNAPSHOT = new URL('../docs/openapi.json', import.meta.url);
export const WEB_API_TYPES = new URL('../web/src/api/schema.d.ts', import.meta.url);

/** The web app's API types, generated from the document (openapi-typescript). */
export async function renderWebApiTypes(document: string): Promise<string> {
  const ast = await openapiTS(JSON.parse(document) as Parameters<typeof openapiTS>[0]);
  return `// Generated from docs/openapi.json by \`npm run openapi\`: do not edit.\n${astToString(ast)}`;
}

export async function renderOpenApi(): Promise<string> {
  // The document depends only on the routes, never on data: an empty in-memory database will do.
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent', DATA_DIR: path.join(tmpdir(), 'moviedb-openapi') }),
    jwtSecret: 'not used: the document signs nothing, 32+ chars',
  };
  const app = await buildApp(config, { database });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const document = await renderOpenApi();
  await writeFile(OPENAPI_SNAPSHOT, document);
  await writeFile(WEB_API_TYPES, await renderWebApiTypes(document));
  console.log('Wrote docs/openapi.json and web/src/api/schema.d.ts');
}
