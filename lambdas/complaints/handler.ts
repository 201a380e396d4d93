import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { UseCases } from '#shared/capability.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { createDefaultProofCodes } from '#shared/default-proof-codes.ts';
import { parseEnv } from '#shared/env.ts';
import { capabilityHandler } from '#shared/middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import {
  type TicketingFlowDependencies,
  ticketingFlowDependencies,
} from '#shared/ticketing-dependencies.ts';
import { createTicketOpener } from '#shared/tickets/open-ticket.ts';
import { proofGuardOn } from '#shared/verification.ts';
import { complaintsCapability } from './capability.ts';
import { complaintStatus, requestStatusCode } from './complaint-status.ts';
import { ComplaintsEnvironmentSchema } from './config.ts';
import { lodgeComplaint } from './lodge-complaint.ts';

export type ComplaintsHandlerDependencies = TicketingFlowDependencies;

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): ComplaintsHandlerDependencies =>
  ticketingFlowDependencies(parseEnv(ComplaintsEnvironmentSchema, env), aws);

/** The operations on typed input, for any channel (the Connect handler below, USSD, text). */
export const complaintsUseCases = ({
  db,
  tables,
  identityHasher,
  notifier,
  clock: now,
  timeZone,
}: Omit<ComplaintsHandlerDependencies, 'speech'>) => {
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

export const createHandler = (deps: ComplaintsHandlerDependencies) =>
  capabilityHandler(complaintsCapability, complaintsUseCases(deps), deps.speech);

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      kms: new KMSClient({}),
      sqs: new SQSClient({}),
    }),
  ),
);
