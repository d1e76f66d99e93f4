import { defineConfig } from 'drizzle-kit';

// Only `generate` is used: migrations are SQL files committed under drizzle/ and applied by the app.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/schema.ts',
  out: './drizzle',
  casing: 'snake_case',
});
