import { ForbiddenError } from '#shared/errors.ts';
import type { Principal } from '#shared/principal.ts';
import { may, type Permission } from './permissions.ts';

/** Refuses a principal whose role may not do this. */
export const assertMay = (principal: Principal, permission: Permission): void => {
  if (!may(principal.role, permission))
    throw new ForbiddenError(`A ${principal.role} may not ${permission} tickets`);
};

/** Whether the principal's scope covers an agency: a focal person only their own. */
export const inScope = (principal: Principal, agencyId: string): boolean =>
  principal.role !== 'agency' || principal.agencyId === agencyId;

/** Refuses a focal person acting on another agency's tickets (listing them). */
export const assertInScope = (principal: Principal, agencyId: string): void => {
  if (!inScope(principal, agencyId)) throw new ForbiddenError("Another agency's tickets");
};
