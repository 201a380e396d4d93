import type { UseCases } from '#shared/capability.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { createDefaultProofCodes } from '#shared/default-proof-codes.ts';
import {
  type TicketingUseCaseDependencies,
  ticketingFlowHandler,
  ticketingParts,
} from '#shared/ticketing-dependencies.ts';
import { complaintsCapability } from './capability.ts';
import { complaintStatus, requestStatusCode } from './complaint-status.ts';
import { ComplaintsEnvironmentSchema } from './config.ts';
import { lodgeComplaint } from './lodge-complaint.ts';
import './prompts.ts';

/** The operations on typed input, for any channel (the Connect handler below, USSD, text). */
export const complaintsUseCases = (deps: TicketingUseCaseDependencies) => {
  const { db, tables, identityHasher, notifier, clock: now, timeZone } = deps;
  const { tickets, openTicket, proofs } = ticketingParts(deps);
  const lodge = lodgeComplaint({
    catalogue: createCatalogueRepository(db, tables.serviceData),
    openTicket,
  });
  const statusDependencies = {
    tickets,
    timeZone,
    proofs,
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
