import type { UseCases } from '#shared/capability.ts';
import { createPensionRepository } from '#shared/data/pensions.repository.ts';
import { createVerifiedContactRepository } from '#shared/data/verified-contacts.repository.ts';
import {
  type TicketingUseCaseDependencies,
  ticketingFlowHandler,
  ticketingParts,
} from '#shared/ticketing-dependencies.ts';
import { pensionsCapability } from './capability.ts';
import { PensionsEnvironmentSchema } from './config.ts';
import { pensionInfo } from './pension-info.ts';
import { claimStatus, lastPayment, lifeCertificate } from './pensioner-status.ts';
import { requestPensionService } from './request-pension-service.ts';
import { verifyPensioner } from './verify-pensioner.ts';
import './prompts.ts';

/** The operations on typed input, for any channel (the Connect handler below, USSD, text). */
export const pensionsUseCases = (deps: TicketingUseCaseDependencies) => {
  const { db, tables, identityHasher, clock: now, timeZone } = deps;
  const { openTicket, proofs } = ticketingParts(deps);
  const pensions = createPensionRepository(db, tables.serviceData);
  const verifiedContacts = createVerifiedContactRepository(db, tables.serviceData);

  const operations = {
    info: pensionInfo({ now, timeZone }),
    verify: verifyPensioner({ pensions, verifiedContacts, proofs, identityHasher, now }),
    'claim-status': claimStatus({ pensions, verifiedContacts, now }),
    'last-payment': lastPayment({ pensions, verifiedContacts, now }),
    'life-certificate': lifeCertificate({ pensions, verifiedContacts, now }),
    request: requestPensionService({ verifiedContacts, now, openTicket }),
  };
  const useCases: UseCases<typeof pensionsCapability> = operations;
  return useCases;
};

export const { defaultDependencies, createHandler, handler } = ticketingFlowHandler(
  pensionsCapability,
  PensionsEnvironmentSchema,
  pensionsUseCases,
);
