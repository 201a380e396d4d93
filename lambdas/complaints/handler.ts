import type { UseCases } from '#shared/capability.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { createDefaultProofCodes } from '#shared/default-proof-codes.ts';
import {
  type TicketingFlowDependencies,
  type TicketingUseCaseDependencies,
  ticketingFlowHandler,
} from '#shared/ticketing-dependencies.ts';
import { createTicketOpener } from '#shared/tickets/open-ticket.ts';
import { proofGuardOn } from '#shared/verification.ts';
import { complaintsCapability } from './capability.ts';
import { complaintStatus, requestStatusCode } from './complaint-status.ts';
import { ComplaintsEnvironmentSchema } from './config.ts';
import { lodgeComplaint } from './lodge-complaint.ts';

export type ComplaintsHandlerDependencies = TicketingFlowDependencies;

/** The operations on typed input, for any channel (the Connect handler below, USSD, text). */
export const complaintsUseCases = ({
  db,
  tables,
  identityHasher,
  notifier,
  clock: now,
  timeZone,
}: TicketingUseCaseDependencies) => {
  const tickets = createTicketRepository(db, tables.tickets, { hasher: identityHasher });
  const lodge = lodgeComplaint({
    catalogue: createCatalogueRepository(db, tables.serviceData),
    openTicket: createTicketOpener({ tickets, notifier, now }),
  });
  const statusDependencies = {
    tickets,
    timeZone,
    proofs: proofGuardOn(db, tables.serviceData, identityHasher, now),
    codes: createDefaultProofCodes({
      db,
      tableName: tables.serviceData,
      identityHasher,
      notifier,
      clock: now,
    }),
  };
  const status = complaintStatus(statusDependencies);
  const statusCode = requestStatusCode(statusDependencies);
  const useCases: UseCases<typeof complaintsCapability> = {
    create: lodge,
    'status-code': statusCode,
    status,
  };
  return useCases;
};

export const { defaultDependencies, createHandler, handler } = ticketingFlowHandler(
  complaintsCapability,
  ComplaintsEnvironmentSchema,
  complaintsUseCases,
);
