import { z } from 'zod';
import { type Clock, systemClock } from '#shared/clock.ts';
import { createAttemptRepository } from '#shared/data/attempts.repository.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { documentClient } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { identityHasher } from '#shared/identity/default-identity-hasher.ts';
import { connectHandler } from '#shared/middleware.ts';
import { notifier } from '#shared/notifications/default-notifier.ts';
import { createTicketOpener } from '#shared/tickets/open-ticket.ts';
import { createProofGuard } from '#shared/verification.ts';
import { ComplaintStatusParametersSchema, complaintStatus } from './complaint-status.ts';
import { config } from './config.ts';
import { LodgeComplaintParametersSchema, lodgeComplaint } from './lodge-complaint.ts';

export const ComplaintsParametersSchema = z.discriminatedUnion('operation', [
  LodgeComplaintParametersSchema,
  ComplaintStatusParametersSchema,
]);

/** The Lambda on `clock` (the local runtime passes its simulated one). */
export const createHandler = (now: Clock = systemClock) => {
  const tickets = createTicketRepository(documentClient, config.TICKETS_TABLE_NAME);
  const lodge = lodgeComplaint({
    catalogue: createCatalogueRepository(documentClient, config.SERVICE_DATA_TABLE_NAME),
    openTicket: createTicketOpener({ tickets, notifier, now }),
  });
  const status = complaintStatus({
    tickets,
    proofs: createProofGuard({
      attempts: createAttemptRepository(
        documentClient,
        config.SERVICE_DATA_TABLE_NAME,
        identityHasher,
      ),
      now,
      hasher: identityHasher,
    }),
  });
  return connectHandler({
    parameters: ComplaintsParametersSchema,
    useCase: (parameters, contact) =>
      parameters.operation === 'create' ? lodge(parameters, contact) : status(parameters, contact),
  });
};

export const handler = createHandler();
