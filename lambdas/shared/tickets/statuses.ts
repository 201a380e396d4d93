/**
 * Where a ticket stands, in the order it moves. AWAITING_CUSTOMER pauses the SLA clock; RESOLVED
 * triggers the call-back. Plain data, so the agent desktop's bundle reads the same list.
 */
export const TICKET_STATUSES = [
  'OPEN',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'AWAITING_CUSTOMER',
  'RESOLVED',
  'CLOSED',
] as const;
