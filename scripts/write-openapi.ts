// Writes the OpenAPI document to docs/openapi.json, the committed copy that clients generate
// from; a test fails when it drifts from what the routes declare. Run: npm run openapi
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/database.js';

export const OPENAPI_SNAPSHOT = new URL('../docs/openapi.json', import.meta.url);

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
  await writeFile(OPENAPI_SNAPSHOT, await renderOpenApi());
  console.log('Wrote docs/openapi.json');
}
