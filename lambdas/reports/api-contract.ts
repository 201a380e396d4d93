/**
 * The reports API's contract as data, free of side effects: CDK (routes) and the local server
 * import it without loading the handler.
 */

/** Every route key, as API Gateway names them. */
export const REPORT_ROUTE_KEYS = [
  'GET /reports/daily',
  'GET /reports/agents',
  'GET /reports/staffing',
  'GET /reports/sla-board',
] as const;
export type ReportRouteKey = (typeof REPORT_ROUTE_KEYS)[number];

/** Reports show every agent's figures and every agency's complaints: supervisors only. */
export const REPORT_ROLES = ['supervisor'] as const;
