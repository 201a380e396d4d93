/**
 * The ticket API's contract as data, free of side effects: CDK (routes) and the
 * local server import it without loading the handler.
 */

/** Every route key, as API Gateway names them. */
export const TICKET_ROUTE_KEYS = [
  'GET /tickets',
  'POST /tickets',
  'GET /tickets/{reference}',
  'POST /tickets/{reference}/notes',
  'POST /tickets/{reference}/acknowledge',
  'POST /tickets/{reference}/resolve',
  'POST /tickets/{reference}/reopen',
] as const;
export type TicketRouteKey = (typeof TICKET_ROUTE_KEYS)[number];
