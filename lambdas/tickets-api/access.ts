import type { Ticket } from '#shared/data/tickets.repository.ts';
import { ForbiddenError } from '#shared/errors.ts';
import type { Principal } from '#shared/principal.ts';

/** What each role may do to a ticket (always within its scope: an agency sees only its own). */
export const PERMISSIONS = {
  list: ['agent', 'supervisor', 'agency'],
  read: ['agent', 'supervisor', 'agency'],
  note: ['agent', 'supervisor', 'agency'],
  acknowledge: ['supervisor', 'agency'],
  resolve: ['agent', 'supervisor', 'agency'],
  reopen: ['agent', 'supervisor'],
  create: ['agent', 'supervisor'],
} as const satisfies Record<string, readonly Principal['role'][]>;
export type Permission = keyof typeof PERMISSIONS;

/** Refuses a principal whose role may not do this. */
export const assertMay = (principal: Principal, permission: Permission): void => {
  if (!(PERMISSIONS[permission] as readonly string[]).includes(principal.role))
    throw new ForbiddenError(`A ${principal.role} may not ${permission} tickets`);
};

/** Refuses a focal person acting on another agency's tickets. */
export const assertInScope = (principal: Principal, agencyId: string): void => {
  if (principal.role === 'agency' && principal.agencyId !== agencyId)
    throw new ForbiddenError("Another agency's tickets");
};

/** Both checks, for a ticket. */
export const assertMayOn = (principal: Principal, permission: Permission, ticket: Ticket) => {
  assertMay(principal, permission);
  assertInScope(principal, ticket.agencyId);
};
