import { KMSClient } from '@aws-sdk/client-kms';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UseCases } from '#shared/capability.ts';
import { type Clock, systemClock } from '#shared/clock.ts';
import { createApplicationRepository } from '#shared/data/applications.repository.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { parseEnv } from '#shared/env.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import { capabilityHandler } from '#shared/middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { proofGuardOn } from '#shared/verification.ts';
import { trackingCapability } from './capability.ts';
import { checkApplicationNumber } from './check-number.ts';
import { TrackingEnvironmentSchema } from './config.ts';
import { trackApplication } from './track-application.ts';
import './prompts.ts';

export interface TrackingHandlerDependencies {
  readonly db: DynamoDBDocumentClient;
  readonly tables: { readonly serviceData: string };
  readonly identityHasher: IdentityHasher;
  readonly clock: Clock;
  readonly speech: SpeechSettings;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms'>,
): TrackingHandlerDependencies => {
  const config = parseEnv(TrackingEnvironmentSchema, env);
  return {
    db: aws.dynamoDb,
    tables: { serviceData: config.SERVICE_DATA_TABLE_NAME },
    identityHasher: identityHasherFor(config, aws.kms),
    clock: systemClock,
    speech: speechSettingsFrom(config),
  };
};

/** The operations on typed input, for any channel (the Connect handler below, USSD, text). */
export const trackingUseCases = ({
  db,
  tables,
  identityHasher,
  clock,
}: Omit<TrackingHandlerDependencies, 'speech'>) => {
  const track = trackApplication({
    applications: createApplicationRepository(db, tables.serviceData),
    proofs: proofGuardOn(db, tables.serviceData, identityHasher, clock),
  });
  const useCases: UseCases<typeof trackingCapability> = {
    'check-number': checkApplicationNumber,
    track,
  };
  return useCases;
};

export const createHandler = (deps: TrackingHandlerDependencies) =>
  capabilityHandler(trackingCapability, trackingUseCases(deps), deps.speech);

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      kms: new KMSClient({}),
    }),
  ),
);
