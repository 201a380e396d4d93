import type { Role } from '../shared/roles.ts';

/**
 * What each role may do with knowledge articles. Agency focal persons edit only their own
 * agency's articles; only supervisors publish, and never a draft they wrote part of.
 * Free of runtime imports: the agent desktop shows only the actions the API will accept.
 */
export const KNOWLEDGE_PERMISSIONS = {
  read: ['agent', 'supervisor', 'agency'],
  history: ['supervisor', 'agency'],
  edit: ['supervisor', 'agency'],
  publish: ['supervisor'],
  /** Send an article to the caller on the line: those who take calls. */
  send: ['agent', 'supervisor'],
} as const satisfies Record<string, readonly Role[]>;
export type KnowledgePermission = keyof typeof KNOWLEDGE_PERMISSIONS;

export const mayKnowledge = (role: Role, permission: KnowledgePermission): boolean =>
  (KNOWLEDGE_PERMISSIONS[permission] as readonly Role[]).includes(role);
