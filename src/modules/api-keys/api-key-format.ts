// An API key has the shape of a TMDB v3 api_key (32 lower-case hex characters: 128 random bits),
// so that clients checking that shape take it. Only its sha256 is stored.
import { createHash, randomBytes } from 'node:crypto';

const API_KEY_SHAPE = /^[0-9a-f]{32}$/;

/** How many of the key's first characters are kept to tell keys apart in a list. */
const PREFIX_LENGTH = 6;

export function newApiKey(): string {
  return randomBytes(16).toString('hex');
}

/** False for anything that cannot be a key: it is refused before any lookup. */
export function isApiKeyShaped(key: string): boolean {
  return API_KEY_SHAPE.test(key);
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

export function apiKeyPrefix(key: string): string {
  return key.slice(0, PREFIX_LENGTH);
}
