import * as z from '#shared/zod.ts';
import { ForbiddenError, UnauthenticatedError } from './errors.ts';
import { ROLE_GROUPS, type Role, roleFromGroups } from './roles.ts';

export { ROLE_GROUPS, type Role };

/** An agency id as data/agencies.json spells them, bounded so it can stand in a key. */
export const AgencyIdSchema = z.string().check(z.regex(/^[a-z0-9-]{1,64}$/));

/** Who is calling, from the authorizer's verified claims. */
export const PrincipalSchema = z.object({
  /** Username (never a phone number). */
  id: z.string().check(z.minLength(1)),
  role: z.enum(['agent', 'supervisor', 'agency']),
  /** The agency a focal person acts for; required for the `agency` role. */
  agencyId: z.optional(AgencyIdSchema),
});
export type Principal = z.infer<typeof PrincipalSchema>;

/** Claims an authorizer passes for a missing token: none. */
export const requireClaims = (claims: Record<string, unknown> | undefined) => {
  if (!claims || Object.keys(claims).length === 0)
    throw new UnauthenticatedError('No verified identity on the request');
  return claims;
};

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
  const role = roleFromGroups(groups);
  if (!role) throw new ForbiddenError('The user has no contact-centre role');
  const agencyId = verified['custom:agencyId'];
  if (role === 'agency' && !AgencyIdSchema.safeParse(agencyId).success)
    throw new ForbiddenError('An agency focal person without an agency');
  return PrincipalSchema.parse({
    id,
    role,
    ...(role === 'agency' && { agencyId }),
  });
};
