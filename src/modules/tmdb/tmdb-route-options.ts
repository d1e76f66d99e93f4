// What every /3 route shares: public to the access policy (the API key is checked by the module's
// own hook), cached (ETag, Cache-Control), and left out of moviedb's own OpenAPI document, since
// TMDB's document describes these routes (docs/tmdb-compatible.md lists them).
import type { TSchema } from 'typebox';

export function tmdbRead<S extends { querystring?: TSchema; params?: TSchema }>(schema: S) {
  return { config: { access: 'public' as const, cache: true }, schema: { hide: true, ...schema } };
}
