import type { Ticket } from '#shared/data/tickets.repository.ts';
import { ForbiddenError } from '#shared/errors.ts';
import type { Principal } from '#shared/principal.ts';
import { may, type Permission } from './permissions.ts';

/** Refuses a principal whose role may not do this. */
export const assertMay = (principal: Principal, permission: Permission): void => {
  if (!may(principal.role, permission))
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
