// The admin's search in the address (web/src/pages/admin/users-url.ts).
import { describe, expect, it } from 'vitest';
import { parseRole, usersParams, usersSearchOf } from '../../web/src/pages/admin/users-url.js';

describe("the users page's address", () => {
  it('defaults to every user, first page', () => {
    expect(usersSearchOf(new URLSearchParams(''))).toEqual({ q: '', role: undefined, page: 1 });
  });

  it('ignores a role the service does not know and takes a bad page for the first', () => {
    for (const page of ['0', '-3', '2.5', 'two', '']) {
      expect(usersSearchOf(new URLSearchParams(`page=${page}&role=owner`))).toEqual({ q: '', role: undefined, page: 1 });
    }
    expect(parseRole('editor')).toBe('editor');
    expect(parseRole(null)).toBeUndefined();
  });

  it('writes only what is set, and reads back what it wrote', () => {
    expect(usersParams({ q: '', page: 1 }).toString()).toBe('');
    const search = { q: 'ann', role: 'admin' as const, page: 3 };
    expect(usersParams(search).toString()).toBe('q=ann&role=admin&page=3');
    expect(usersSearchOf(usersParams(search))).toEqual(search);
    expect(usersSearchOf(new URLSearchParams('q=%20ann%20'))).toEqual({ q: 'ann', role: undefined, page: 1 });
  });
});
