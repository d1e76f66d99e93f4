// How the profile lists API keys (web/src/pages/profile/api-keys.ts).
import { describe, expect, it } from 'vitest';
import { type ApiKey, keyTime, liveFirst, shownPrefix } from '../../web/src/pages/profile/api-keys.js';

const key = (id: number, revokedAt: string | null = null): ApiKey => ({
  id,
  name: `Key ${id}`,
  keyPrefix: '3f9a1c',
  createdAt: '2026-12-04T14:05:09.123Z',
  lastUsedAt: null,
  revokedAt,
});

describe("the profile's API keys", () => {
  it('show the prefix as the start of a key', () => {
    expect(shownPrefix(key(1))).toBe('3f9a1c…');
  });

  it('show dates to the minute, in the time zone given, and "Never" for none', () => {
    expect(keyTime('2026-12-04T14:05:09.123Z', 'UTC')).toBe('4 Dec 2026, 14:05');
    expect(keyTime('2026-12-04T14:05:09.123Z', 'Asia/Tokyo')).toBe('4 Dec 2026, 23:05');
    expect(keyTime(null)).toBe('Never');
  });

  it('list the live keys first, each part in the order the service gave', () => {
    const keys = [key(5), key(4, '2026-12-04T15:00:00Z'), key(3), key(2, '2026-12-01T15:00:00Z'), key(1)];
    expect(liveFirst(keys).map((k) => k.id)).toEqual([5, 3, 1, 4, 2]);
    expect(keys.map((k) => k.id)).toEqual([5, 4, 3, 2, 1]);
  });
});
