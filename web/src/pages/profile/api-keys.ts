// How an API key reads in the profile's list: its prefix, its dates, whether it still works.
// Plain code (the schema's own file, not the client), so that the unit tests import it too.
import type { components } from '../../api/schema.js';

export type ApiKey = components['schemas']['ApiKey'];

/** The prefix as the start of the key it is: "3f9a1c…". */
export const shownPrefix = (key: Pick<ApiKey, 'keyPrefix'>) => `${key.keyPrefix}…`;

/** "4 Dec 2026, 14:05" in the reader's time zone (or the one given); "Never" for no date. */
export function keyTime(iso: string | null, timeZone?: string): string {
  if (!iso) return 'Never';
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
}

/** The live keys first (newest first, as the service lists them), then the revoked ones. */
export function liveFirst(keys: readonly ApiKey[]): ApiKey[] {
  return [...keys.filter((k) => !k.revokedAt), ...keys.filter((k) => k.revokedAt)];
}
