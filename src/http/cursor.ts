// Keyset paging: a cursor names where the previous page ended (the last row's sort values and id),
// so that the next page starts there through an index, at the same speed at any depth. Cursors are
// opaque and signed: a client cannot forge one, nor reuse one with another query (both get 400).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { CursorPosition } from '../db/keyset.js';
import { BadRequestError } from '../errors.js';

export interface CursorCodec {
  /** A cursor for the page after `position`, valid only for the query with this fingerprint. */
  encode(fingerprint: string, position: CursorPosition): string;
  /** The position a cursor names; 400 when it is forged, damaged, or made for another query. */
  decode(fingerprint: string, cursor: string): CursorPosition;
}

const MAC_BYTES = 16;

export function createCursorCodec(secret: string): CursorCodec {
  // A key of its own, so that no cursor can ever pass for a token, nor the reverse.
  const key = createHmac('sha256', secret).update('moviedb list cursors v1').digest();
  const mac = (fingerprint: string, body: string) =>
    createHmac('sha256', key).update(fingerprint).update('\n').update(body).digest().subarray(0, MAC_BYTES);

  const refuse = (reason: string): never => {
    throw new BadRequestError(`The cursor ${reason}: start again from the first page.`, [
      { in: 'query', field: 'cursor', message: reason },
    ]);
  };

  return {
    encode(fingerprint, position) {
      const body = Buffer.from(JSON.stringify(position)).toString('base64url');
      return `${body}.${mac(fingerprint, body).toString('base64url')}`;
    },
    decode(fingerprint, cursor) {
      const [body, signature, ...rest] = cursor.split('.');
      if (!body || !signature || rest.length > 0) return refuse('is not one this service made');
      const expected = mac(fingerprint, body);
      const given = Buffer.from(signature, 'base64url');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        return refuse('is not one this service made for this query (same filters and sort)');
      }
      const position: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      if (!Array.isArray(position) || position.length === 0) return refuse('is damaged');
      return position as CursorPosition;
    },
  };
}

/**
 * What a cursor is bound to: the list and every query parameter except those that only choose the
 * page. The same filters written in another order give the same fingerprint.
 */
export function queryFingerprint(list: string, query: object): string {
  const paging = new Set(['cursor', 'page', 'pageSize', 'includeTotal']);
  const entries = Object.entries(query)
    .filter(([name, value]) => !paging.has(name) && value !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256')
    .update(JSON.stringify([list, entries]))
    .digest('base64url');
}
