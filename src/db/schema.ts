// The eleven tables of DESIGN.md section 1, as Drizzle sees them. What Drizzle cannot express
// (triggers, the person -> person_photos composite key with SET NULL (photo_id)) lives in the
// hand-written migration drizzle/0001_rules_and_triggers.sql.
// The tables live by area in schema/ (column shapes shared by them in schema/columns.ts); this file is
// the one entry point: the app's drizzle handle and drizzle.config.ts read every table from here.
export * from './schema/accounts.js';
export * from './schema/lookups.js';
export * from './schema/people.js';
export * from './schema/movies.js';
export * from './schema/credits.js';
export * from './schema/favorites.js';
export * from './schema/derived.js';
export * from './schema/api-keys.js';
