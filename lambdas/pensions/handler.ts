import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { type Clock, systemClock } from '#shared/clock.ts';
import { createAttemptRepository } from '#shared/data/attempts.repository.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createPensionRepository } from '#shared/data/pensions.repository.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { createVerifiedContactRepository } from '#shared/data/verified-contacts.repository.ts';
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

export interface PensionsHandlerDependencies {
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
): PensionsHandlerDependencies => {
  const config = parseEnv(PensionsEnvironmentSchema, env);
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
}: PensionsHandlerDependencies) => {
  const pensions = createPensionRepository(db, tables.serviceData);
  const verifiedContacts = createVerifiedContactRepository(db, tables.serviceData);
  const proofs = createProofGuard({
    attempts: createAttemptRepository(db, tables.serviceData, identityHasher),
    now,
    hasher: identityHasher,
  });
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
