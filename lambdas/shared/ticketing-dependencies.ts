import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import { hashingNotifyingClients } from './aws-clients.ts';
import type { CapabilityDescriptor, UseCases } from './capability.ts';
import { type Clock, systemClock } from './clock.ts';
import { parseEnv } from './env.ts';
import {
  type IdentityHasherSettings,
  identityHasherFor,
} from './identity/default-identity-hasher.ts';
import type { IdentityHasher } from './identity/identity-hasher.ts';
import { capabilityHandler } from './middleware.ts';
import { type NotifierSettings, notifierFor } from './notifications/default-notifier.ts';
import type { Notifier } from './notifications/notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from './platform.ts';
import { type SpeechSettings, speechSettingsFrom } from './speech/render.ts';

/** What a flow handler that proves callers and opens tickets is built from. */
export interface TicketingFlowDependencies {
  readonly db: DynamoDBDocumentClient;
  readonly tables: { readonly serviceData: string; readonly tickets: string };
  readonly identityHasher: IdentityHasher;
  readonly notifier: Notifier;
  readonly clock: Clock;
  /** The contact centre's time zone, for the dates a caller hears. */
  readonly timeZone: string;
  readonly speech: SpeechSettings;
}

/** The parsed environment they are built from (lambdas/shared/ticketing-environment.ts). */
export type TicketingFlowSettings = {
  SERVICE_DATA_TABLE_NAME: string;
  TICKETS_TABLE_NAME: string;
  PROMPT_AUDIO_URI: string;
  TIME_ZONE: string;
} & IdentityHasherSettings &
  NotifierSettings;

/** Those dependencies from a parsed environment (service data and tickets tables, hasher, notifier, speech). */
export const ticketingFlowDependencies = (
  config: TicketingFlowSettings,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): TicketingFlowDependencies => ({
  db: aws.dynamoDb,
  tables: { serviceData: config.SERVICE_DATA_TABLE_NAME, tickets: config.TICKETS_TABLE_NAME },
  identityHasher: identityHasherFor(config, aws.kms),
  notifier: notifierFor(config, aws.sqs),
  clock: systemClock,
  timeZone: config.TIME_ZONE,
  speech: speechSettingsFrom(config),
});

/** The use cases' share of those dependencies (speech is the Connect handler's). */
export type TicketingUseCaseDependencies = Omit<TicketingFlowDependencies, 'speech'>;

/**
 * A flow handler that proves callers and opens tickets (complaints, pensions), on the handler
 * contract (lambdas/shared/platform.ts): its environment parsed by the capability's schema,
 * its use cases built from the dependencies.
 */
export const ticketingFlowHandler = <D extends CapabilityDescriptor>(
  capability: D,
  environment: z.ZodType<TicketingFlowSettings>,
  useCasesOf: (deps: TicketingUseCaseDependencies) => UseCases<D>,
) => {
  const defaultDependencies = (
    env: Environment,
    aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
  ): TicketingFlowDependencies => ticketingFlowDependencies(parseEnv(environment, env), aws);
  const createHandler = (deps: TicketingFlowDependencies) =>
    capabilityHandler(capability, useCasesOf(deps), deps.speech);
  const handler = deployedHandler(() =>
    createHandler(defaultDependencies(process.env, hashingNotifyingClients())),
  );
  return { defaultDependencies, createHandler, handler };
};
