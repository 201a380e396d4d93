import { SFNClient } from '@aws-sdk/client-sfn';
import { documentClient } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { batchHandler } from '#shared/event-middleware.ts';
import { escalationsFor } from '#shared/tickets/escalations.ts';
import { ticketChange } from '#shared/tickets/ticket-events.ts';
import { config } from './config.ts';
import { type OnTicketChangeDependencies, onTicketChange } from './on-ticket-change.ts';

/** The Tickets stream consumer (filtered to complaint creations, resolutions and reopenings). */
export const createEscalationStartHandler = (
  overrides: Partial<OnTicketChangeDependencies> = {},
) => {
  const handle = onTicketChange({
    tickets: createTicketRepository(documentClient, config.TICKETS_TABLE_NAME),
    escalations: escalationsFor(new SFNClient({}), config.ESCALATION_STATE_MACHINE_ARN),
    ...overrides,
  });
  return batchHandler({
    source: 'DynamoDBStreams',
    handleRecord: (record) => handle(ticketChange(record)),
  });
};

export const handler = createEscalationStartHandler();
