// Movie reads and writes. Reads build their JSON in PostgreSQL, so that a movie page, however large
// its cast, is one statement, and a list is one statement plus its count.
// What the service and other modules import, one entry point over the files by responsibility:
// summaries, the movie page, list conditions, sorts and pages, writes, the crew.
export * from './movie-summaries.queries.js';
export * from './movie-details.queries.js';
export * from './movie-conditions.queries.js';
export * from './movie-lists.queries.js';
export * from './movie-writes.queries.js';
export * from './crew.queries.js';
