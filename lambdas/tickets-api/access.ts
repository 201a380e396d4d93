import type { Ticket } from '#shared/data/tickets.repository.ts';
import { ForbiddenError, UnauthenticatedError } from '#shared/errors.ts';
import { type Principal, PrincipalSchema, requireClaims } from '#shared/http-middleware.ts';
import { ROLE_GROUPS } from './api-contract.ts';

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

/** `cognito:groups` arrives as an array, or (HTTP API JWT authorizer) as "[a b]" text. */
const groupsOf = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'string') return [];
  return value
    .replace(/^\[|\]$/g, '')
    .split(/[\s,]+/)
    .filter(Boolean);
};

/**
 * The principal from a Cognito ID token's verified claims: username, role from the groups,
 * and, for an agency focal person, the agency from `custom:agencyId` (an attribute only
 * administrators can set).
 */
export const principalFromClaims = (claims: Record<string, unknown> | undefined): Principal => {
  const verified = requireClaims(claims);
  const id = verified['cognito:username'] ?? verified.username ?? verified.sub;
  if (typeof id !== 'string' || id === '')
    throw new UnauthenticatedError('The token names no user');
  const groups = groupsOf(verified['cognito:groups']);
  const role = ROLE_GROUPS.find(([group]) => groups.includes(group))?.[1];
  if (!role) throw new ForbiddenError('The user has no contact-centre role');
  const agencyId = verified['custom:agencyId'];
  if (role === 'agency' && (typeof agencyId !== 'string' || agencyId === ''))
    throw new ForbiddenError('An agency focal person without an agency');
  return PrincipalSchema.parse({
    id,
    role,
    ...(role === 'agency' && { agencyId }),
  });
};

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
