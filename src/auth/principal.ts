// Who is calling: the roles, their order, and the signed-in principal a request carries.

export const ROLES = ['user', 'editor', 'admin'] as const;
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
