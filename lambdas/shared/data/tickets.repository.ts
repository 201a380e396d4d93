import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import { callbackState } from './tickets/callback-state.ts';
import { escalationSteps } from './tickets/escalation-steps.ts';
import { ticketQueries } from './tickets/ticket-queries.ts';
import { ticketRetention } from './tickets/ticket-retention.ts';
import { ticketWrites } from './tickets/ticket-writes.ts';

export type { CallbackUpdate, PendingCallback } from './tickets/callback-state.ts';
export type { EscalationStepRecord } from './tickets/escalation-steps.ts';
export * from './tickets/ticket.schema.ts';
export type { PurgeOutcome, RetentionEntry } from './tickets/ticket-retention.ts';
export type { CreatedTicket, StatusChange } from './tickets/ticket-writes.ts';

export interface TicketRepositoryOptions {
  /**
   * Hashes call-back numbers for the caller index (creating tickets, listing a caller's).
   * Functions that do neither go without, and never need the hashing key.
   */
  readonly hasher?: IdentityHasher;
}

/** Stands in for the hasher of a function that never touches the caller index. */
const withoutCallerIndex: IdentityHasher = {
  hash: () => Promise.reject(new Error('The caller index needs an identity hasher')),
};

/**
 * Tickets and their history in the Tickets table (layout in docs/data-model.md), in parts
 * along their seams: the model (tickets/ticket.schema.ts), the keys (ticket-keys.ts), writes
 * and history, queries, the escalation's outbox and steps, the call-back's outbox and state,
 * and the retention purge.
 */
export const createTicketRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
  { hasher = withoutCallerIndex }: TicketRepositoryOptions = {},
) => {
  const table = { client, tableName, hasher };
  return {
    ...ticketWrites(table),
    ...ticketQueries(table),
    ...escalationSteps(table),
    ...callbackState(table),
    ...ticketRetention(table),
  };
};

export type TicketRepository = ReturnType<typeof createTicketRepository>;
