// What every /3 route shares: `apiKey` to the access policy (the key is checked by the module's
// own hook, no session is looked for), or `public` for the images, which a browser asks for with
// no key; cached (ETag, Cache-Control); and left out of moviedb's own OpenAPI document, since
// TMDB's document describes these routes (docs/tmdb-compatible.md lists them).
import type { TSchema } from 'typebox';

export function tmdbRead<S extends { querystring?: TSchema; params?: TSchema }>(schema: S, access: 'apiKey' | 'public' = 'apiKey') {
  return { config: { access, cache: true }, schema: { hide: true, ...schema } };
}
