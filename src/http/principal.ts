// Who is calling: the roles, their order, and the signed-in principal a request carries.
import { userRoleEnum } from '../db/schema.js';

/** The roles, lowest first: the database's enum, in its order. */
export const ROLES = userRoleEnum.enumValues;
export type Role = (typeof ROLES)[number];

/** Who may call a route: anyone, or a signed-in caller with at least that role. */
export type Access = 'public' | Role;

export interface Principal {
  userId: number;
  sessionId: string;
  role: Role;
}

/** user < editor < admin: each role may do what the ones before it may. */
export function roleAllows(role: Role, access: Access): boolean {
  return access === 'public' || ROLES.indexOf(role) >= ROLES.indexOf(access);
}
