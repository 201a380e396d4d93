import type { Role } from '#shared/roles.ts';

/**
 * What each role may do to a ticket (always within its scope: an agency sees only its own).
 * Free of runtime imports: the agent desktop shows only the actions the API will accept.
 */
export const PERMISSIONS = {
  list: ['agent', 'supervisor', 'agency'],
  read: ['agent', 'supervisor', 'agency'],
  note: ['agent', 'supervisor', 'agency'],
  acknowledge: ['supervisor', 'agency'],
  resolve: ['agent', 'supervisor', 'agency'],
  reopen: ['agent', 'supervisor'],
  create: ['agent', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;
export type Permission = keyof typeof PERMISSIONS;

export const may = (role: Role, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly Role[]).includes(role);
