import { systemClock } from '#shared/clock.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { documentClient } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { httpHandler } from '#shared/http-middleware.ts';
import { notifier } from '#shared/notifications/default-notifier.ts';
import { principalFromClaims } from '#shared/principal.ts';
import { callbackQueueFor } from '#shared/tickets/callbacks.ts';
import { createTicketOpener } from '#shared/tickets/open-ticket.ts';
import { createAgentComplaint } from '../complaints/create-agent-complaint.ts';
import { config } from './config.ts';
import { ticketRoutes } from './routes.ts';
import { type TicketUseCaseDependencies, ticketUseCases } from './tickets.ts';

/** The ticket API behind API Gateway's JWT authorizer; the local server passes its clock and queue. */
export const createTicketsApiHandler = (overrides: Partial<TicketUseCaseDependencies> = {}) => {
  const deps: TicketUseCaseDependencies = {
    tickets: createTicketRepository(documentClient, config.TICKETS_TABLE_NAME),
    callbacks: callbackQueueFor(config.CALLBACK_QUEUE_URL),
    clock: systemClock,
    ...overrides,
  };
  const createComplaint = createAgentComplaint({
    catalogue: createCatalogueRepository(documentClient, config.SERVICE_DATA_TABLE_NAME),
    openTicket: createTicketOpener({ tickets: deps.tickets, notifier, now: deps.clock }),
  });
  return httpHandler({
    routes: ticketRoutes(ticketUseCases(deps), createComplaint),
    principal: principalFromClaims,
  });
};

export const handler = createTicketsApiHandler();
