import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { type Clock, systemClock } from '#shared/clock.ts';
import { createAttemptRepository } from '#shared/data/attempts.repository.ts';
import { createCatalogueRepository } from '#shared/data/catalogue.repository.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import { connectHandler } from '#shared/middleware.ts';
import { notifierFor } from '#shared/notifications/default-notifier.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { createTicketOpener } from '#shared/tickets/open-ticket.ts';
import { createProofGuard } from '#shared/verification.ts';
import { ComplaintStatusParametersSchema, complaintStatus } from './complaint-status.ts';
import { ComplaintsEnvironmentSchema } from './config.ts';
import { LodgeComplaintParametersSchema, lodgeComplaint } from './lodge-complaint.ts';

export const ComplaintsParametersSchema = z.discriminatedUnion('operation', [
  LodgeComplaintParametersSchema,
  ComplaintStatusParametersSchema,
]);

export interface ComplaintsHandlerDependencies {
  readonly db: DynamoDBDocumentClient;
  readonly tables: { readonly serviceData: string; readonly tickets: string };
  readonly identityHasher: IdentityHasher;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly speech: SpeechSettings;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): ComplaintsHandlerDependencies => {
  const config = parseEnv(ComplaintsEnvironmentSchema, env);
  return {
    db: aws.dynamoDb,
    tables: { serviceData: config.SERVICE_DATA_TABLE_NAME, tickets: config.TICKETS_TABLE_NAME },
    identityHasher: identityHasherFor(config, aws.kms),
    notifier: notifierFor(config, aws.sqs),
    clock: systemClock,
    speech: speechSettingsFrom(config),
  };
};

export const createHandler = ({
  db,
  tables,
  identityHasher,
  notifier,
  clock: now,
  speech,
}: ComplaintsHandlerDependencies) => {
  const tickets = createTicketRepository(db, tables.tickets, { hasher: identityHasher });
  const lodge = lodgeComplaint({
    catalogue: createCatalogueRepository(db, tables.serviceData),
    openTicket: createTicketOpener({ tickets, notifier, now }),
  });
  const status = complaintStatus({
    tickets,
    proofs: createProofGuard({
      attempts: createAttemptRepository(db, tables.serviceData, identityHasher),
      now,
      hasher: identityHasher,
    }),
  });
  return connectHandler({
    parameters: ComplaintsParametersSchema,
    useCase: (parameters, contact) =>
      parameters.operation === 'create' ? lodge(parameters, contact) : status(parameters, contact),
    speech,
  });
};

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      kms: new KMSClient({}),
      sqs: new SQSClient({}),
    }),
  ),
);
