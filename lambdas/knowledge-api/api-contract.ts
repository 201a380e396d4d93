/**
 * The knowledge API's contract as data, free of side effects: CDK (routes), the local server
 * and the agent desktop import it without loading the handler.
 */

/** Every route key, as API Gateway names them. */
export const KNOWLEDGE_ROUTE_KEYS = [
  'GET /knowledge/search',
  'GET /knowledge/categories',
  'GET /knowledge/categories/{categoryId}',
  'GET /knowledge/articles/{id}',
  'GET /knowledge/articles/{id}/versions',
  'POST /knowledge/articles',
  'PUT /knowledge/articles/{id}',
  'POST /knowledge/articles/{id}/publish',
  /** Sends the summary to the caller on a contact's line (the desktop names the contact). */
  'POST /knowledge/articles/{id}/sms',
] as const;
export type KnowledgeRouteKey = (typeof KNOWLEDGE_ROUTE_KEYS)[number];
