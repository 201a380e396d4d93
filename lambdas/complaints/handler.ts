import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import * as z from 'zod';
import type { FlowContact } from '#shared/contact.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { createDefaultProofCodes } from '#shared/default-proof-codes.ts';
import { parseEnv } from '#shared/env.ts';
import { connectHandler, type FlowOutcome } from '#shared/middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import {
  type TicketingFlowDependencies,
  ticketingFlowDependencies,
} from '#shared/ticketing-dependencies.ts';
import { createTicketOpener } from '#shared/tickets/open-ticket.ts';
import { proofGuardOn } from '#shared/verification.ts';
import {
  ComplaintStatusParametersSchema,
  complaintStatus,
  requestStatusCode,
  StatusCodeParametersSchema,
} from './complaint-status.ts';
import { ComplaintsEnvironmentSchema } from './config.ts';
import { LodgeComplaintParametersSchema, lodgeComplaint } from './lodge-complaint.ts';

export const ComplaintsParametersSchema = z.discriminatedUnion('operation', [
  LodgeComplaintParametersSchema,
  StatusCodeParametersSchema,
  ComplaintStatusParametersSchema,
]);

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
}: Omit<ComplaintsHandlerDependencies, 'speech'>) => {
  const tickets = createTicketRepository(db, tables.tickets, { hasher: identityHasher });
  const lodge = lodgeComplaint({
    catalogue: createCatalogueRepository(db, tables.serviceData),
    openTicket: createTicketOpener({ tickets, notifier, now }),
  });
  const statusDependencies = {
    tickets,
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
  return (
    parameters: z.infer<typeof ComplaintsParametersSchema>,
    contact: FlowContact,
  ): Promise<FlowOutcome> => {
    switch (parameters.operation) {
      case 'create':
        return lodge(parameters, contact);
      case 'status-code':
        return statusCode(parameters, contact);
      case 'status':
        return status(parameters, contact);
    }
  };
};

export const createHandler = (deps: ComplaintsHandlerDependencies) =>
  connectHandler({
    parameters: ComplaintsParametersSchema,
    useCase: complaintsUseCases(deps),
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
