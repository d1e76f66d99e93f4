// Who is calling: the roles, their order, and the signed-in principal a request carries.
import { userRoleEnum } from '../db/schema.js';

/** The roles, lowest first: the database's enum, in its order. */
export const ROLES = userRoleEnum.enumValues;
export type Role = (typeof ROLES)[number];

/**
 * Who may call a route: anyone (`public`); the holder of an API key of the TMDB-compatible surface
 * (`apiKey`: checked by that surface, never through a session, so no role reaches it); or a
 * signed-in caller with at least that role.
 */
export type Access = 'public' | 'apiKey' | Role;

export interface Principal {
  userId: number;
  sessionId: string;
  role: Role;
}

/** user < editor < admin: each role may do what the ones before it may. */
export function roleAllows(role: Role, access: Access): boolean {
  if (access === 'public') return true;
  if (access === 'apiKey') return false;
  return ROLES.indexOf(role) >= ROLES.indexOf(access);
}
