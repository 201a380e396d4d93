import { KMSClient } from '@aws-sdk/client-kms';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { UseCases } from '#shared/capability.ts';
import { type Clock, systemClock } from '#shared/clock.ts';
import { createBookingRepository } from '#shared/data/bookings.repository.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { parseEnv } from '#shared/env.ts';
import type { OpeningHours } from '#shared/hours.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import { capabilityHandler } from '#shared/middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { agentsBack, callerContext } from './caller-context.ts';
import { callerContextCapability } from './capability.ts';
import { CallerContextEnvironmentSchema } from './config.ts';
import './prompts.ts';

export interface CallerContextHandlerDependencies {
  readonly db: DynamoDBDocumentClient;
  readonly tables: { readonly serviceData: string; readonly tickets: string };
  /** Booking index keys hold a keyed hash of the number: the calling number is hashed to look. */
  readonly identityHasher: IdentityHasher;
  readonly clock: Clock;
  readonly timeZone: string;
  /** The hours Connect checks (CONTACT_CENTRE_HOURS): when the agents are back. */
  readonly hours: OpeningHours;
  readonly speech: SpeechSettings;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms'>,
): CallerContextHandlerDependencies => {
  const config = parseEnv(CallerContextEnvironmentSchema, env);
  return {
    db: aws.dynamoDb,
    tables: { serviceData: config.SERVICE_DATA_TABLE_NAME, tickets: config.TICKETS_TABLE_NAME },
    identityHasher: identityHasherFor(config, aws.kms),
    clock: systemClock,
    timeZone: config.TIME_ZONE,
    hours: config.CONTACT_CENTRE_HOURS,
    speech: speechSettingsFrom(config),
  };
};

/** The operations on typed input, for any channel. */
export const callerContextUseCases = ({
  db,
  tables,
  identityHasher,
  clock,
  timeZone,
  hours,
}: Omit<CallerContextHandlerDependencies, 'speech'>): UseCases<typeof callerContextCapability> => ({
  context: callerContext({
    tickets: createTicketRepository(db, tables.tickets, { hasher: identityHasher }),
    bookings: createBookingRepository(db, tables.serviceData, identityHasher),
    clock,
    timeZone,
  }),
  'agents-back': agentsBack({ hours, clock }),
});

export const createHandler = (deps: CallerContextHandlerDependencies) =>
  capabilityHandler(callerContextCapability, callerContextUseCases(deps), deps.speech);

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      kms: new KMSClient({}),
    }),
  ),
);
