import { z } from 'zod';
import { type Clock, systemClock } from '#shared/clock.ts';
import { createAttemptRepository } from '#shared/data/attempts.repository.ts';
import { documentClient } from '#shared/data/client.ts';
import { createPensionRepository } from '#shared/data/pensions.repository.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { createVerifiedContactRepository } from '#shared/data/verified-contacts.repository.ts';
import { identityHasher } from '#shared/identity/default-identity-hasher.ts';
import { connectHandler } from '#shared/middleware.ts';
import { notifier } from '#shared/notifications/default-notifier.ts';
import { createTicketOpener } from '#shared/tickets/open-ticket.ts';
import { createProofGuard } from '#shared/verification.ts';
import { config } from './config.ts';
import { PensionInfoParametersSchema, pensionInfo } from './pension-info.ts';
import {
  ClaimStatusParametersSchema,
  claimStatus,
  LastPaymentParametersSchema,
  LifeCertificateParametersSchema,
  lastPayment,
  lifeCertificate,
} from './pensioner-status.ts';
import {
  RequestPensionServiceParametersSchema,
  requestPensionService,
} from './request-pension-service.ts';
import { VerifyPensionerParametersSchema, verifyPensioner } from './verify-pensioner.ts';

export const PensionsParametersSchema = z.discriminatedUnion('operation', [
  PensionInfoParametersSchema,
  VerifyPensionerParametersSchema,
  ClaimStatusParametersSchema,
  LastPaymentParametersSchema,
  LifeCertificateParametersSchema,
  RequestPensionServiceParametersSchema,
]);

/** The Lambda on `clock` (the local runtime passes its simulated one). */
export const createHandler = (now: Clock = systemClock) => {
  const pensions = createPensionRepository(documentClient, config.SERVICE_DATA_TABLE_NAME);
  const verifiedContacts = createVerifiedContactRepository(
    documentClient,
    config.SERVICE_DATA_TABLE_NAME,
  );
  const proofs = createProofGuard({
    attempts: createAttemptRepository(
      documentClient,
      config.SERVICE_DATA_TABLE_NAME,
      identityHasher,
    ),
    now,
    hasher: identityHasher,
  });
  const openTicket = createTicketOpener({
    tickets: createTicketRepository(documentClient, config.TICKETS_TABLE_NAME),
    notifier,
    now,
  });

  const operations = {
    info: pensionInfo({ now }),
    verify: verifyPensioner({ pensions, verifiedContacts, proofs, identityHasher, now }),
    'claim-status': claimStatus({ pensions, verifiedContacts, now }),
    'last-payment': lastPayment({ pensions, verifiedContacts, now }),
    'life-certificate': lifeCertificate({ pensions, verifiedContacts, now }),
    request: requestPensionService({ verifiedContacts, now, openTicket }),
  };
  return connectHandler({
    parameters: PensionsParametersSchema,
    useCase: (parameters, contact) => {
      switch (parameters.operation) {
        case 'info':
          return operations.info(parameters);
        case 'verify':
          return operations.verify(parameters, contact);
        case 'claim-status':
          return operations['claim-status'](parameters, contact);
        case 'last-payment':
          return operations['last-payment'](parameters, contact);
        case 'life-certificate':
          return operations['life-certificate'](parameters, contact);
        case 'request':
          return operations.request(parameters, contact);
      }
    },
  });
};

export const handler = createHandler();
