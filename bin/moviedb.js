#!/usr/bin/env node
// Runs the compiled command line; `npm start` and `npm run build` compile it into dist/.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  console.error('moviedb is not built yet: run `npm run build` (or `npm start`) in its folder first.');
  process.exit(1);
}
await import(cli.href);
