/**
 * Staff roles and the Cognito groups that grant them; a user in several gets the first listed.
 * Free of imports: CDK creates the groups from it and the agent desktop reads roles with it.
 */
export const ROLE_GROUPS = [
  ['supervisors', 'supervisor'],
  ['agents', 'agent'],
  ['agency-focal-persons', 'agency'],
] as const;

export type Role = (typeof ROLE_GROUPS)[number][1];

/** The role a user's groups give, if any. */
export const roleFromGroups = (groups: readonly string[]): Role | undefined =>
  ROLE_GROUPS.find(([group]) => groups.includes(group))?.[1];
