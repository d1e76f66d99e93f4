// The admin's search lives in the address (?q=&role=&page=), so that Back and links work. Plain
// code, which the unit tests import.
import type { components } from '../../api/schema.js';

export type Role = components['schemas']['AdminUser']['role'];

export const ROLES: { value: Role; label: string }[] = [
  { value: 'user', label: 'User' },
  { value: 'editor', label: 'Editor' },
  { value: 'admin', label: 'Admin' },
];

export interface UsersSearch {
  q: string;
  role?: Role;
  page: number;
}

/** A role the service knows, or none: anything else in the address is ignored. */
export const parseRole = (value: string | null): Role | undefined => ROLES.find((r) => r.value === value)?.value;

/** The search the address asks for: a page below 2 or not a whole number is the first. */
export function usersSearchOf(params: URLSearchParams): UsersSearch {
  const page = Number(params.get('page'));
  return {
    q: params.get('q')?.trim() ?? '',
    role: parseRole(params.get('role')),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The address of a search: only what is set, the first page without a number. */
export function usersParams(search: Partial<UsersSearch>): URLSearchParams {
  const params = new URLSearchParams();
  if (search.q) params.set('q', search.q);
  if (search.role) params.set('role', search.role);
  if (search.page && search.page > 1) params.set('page', String(search.page));
  return params;
}
