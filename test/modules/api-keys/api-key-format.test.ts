// The key's form, without a database: TMDB's v3 shape, its hash and its prefix.
import { describe, expect, it } from 'vitest';
import { apiKeyPrefix, hashApiKey, isApiKeyShaped, newApiKey } from '../../../src/modules/api-keys/api-key-format.js';

describe('API keys', () => {
  it('are 32 lower-case hex characters, a new one each time', () => {
    const keys = new Set(Array.from({ length: 100 }, newApiKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(isApiKeyShaped(key)).toBe(true);
  });

  it.each([
    '',
    '0123456789abcdef0123456789abcde',
    '0123456789abcdef0123456789abcdef0',
    '0123456789ABCDEF0123456789abcdef',
    '0123456789abcdeg0123456789abcdef',
    ' 0123456789abcdef0123456789abcdef',
    '0123456789abcdef0123456789abcdef\n',
  ])('refuse %j as no key', (text) => expect(isApiKeyShaped(text)).toBe(false));

  it('are stored as their sha256 in hex, shown by their first 6 characters', () => {
    expect(hashApiKey('0123456789abcdef0123456789abcdef')).toBe('3eb1bd439947eb762998e566ccc2e099c791118b2f40579cc4f7da2b5061b7f9');
    expect(apiKeyPrefix('0123456789abcdef0123456789abcdef')).toBe('012345');
  });
});
