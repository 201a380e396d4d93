import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import type { FlowContact } from '#shared/contact.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createPensionRepository } from '#shared/data/pensions.repository.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { createVerifiedContactRepository } from '#shared/data/verified-contacts.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { connectHandler, type FlowOutcome } from '#shared/middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import {
  type TicketingFlowDependencies,
  ticketingFlowDependencies,
} from '#shared/ticketing-dependencies.ts';
import { createTicketOpener } from '#shared/tickets/open-ticket.ts';
import { proofGuardOn } from '#shared/verification.ts';
import { PensionsEnvironmentSchema } from './config.ts';
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

export type PensionsHandlerDependencies = TicketingFlowDependencies;

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): PensionsHandlerDependencies =>
  ticketingFlowDependencies(parseEnv(PensionsEnvironmentSchema, env), aws);

/** The operations on typed input, for any channel (the Connect handler below, USSD, text). */
export const pensionsUseCases = ({
  db,
  tables,
  identityHasher,
  notifier,
  clock: now,
}: Omit<PensionsHandlerDependencies, 'speech'>) => {
  const pensions = createPensionRepository(db, tables.serviceData);
  const verifiedContacts = createVerifiedContactRepository(db, tables.serviceData);
  const proofs = proofGuardOn(db, tables.serviceData, identityHasher, now);
  const openTicket = createTicketOpener({
    tickets: createTicketRepository(db, tables.tickets, { hasher: identityHasher }),
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
  return (
    parameters: z.infer<typeof PensionsParametersSchema>,
    contact: FlowContact,
  ): Promise<FlowOutcome> => {
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
  };
};

export const createHandler = (deps: PensionsHandlerDependencies) =>
  connectHandler({
    parameters: PensionsParametersSchema,
    useCase: pensionsUseCases(deps),
    speech: deps.speech,
  });

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      kms: new KMSClient({}),
      sqs: new SQSClient({}),
    }),
  ),
);
