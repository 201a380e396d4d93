import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type * as z from '#shared/zod.ts';
import { type HashingNotifyingSettings, hashingNotifyingClients } from './aws-clients.ts';
import type { CapabilityDescriptor, UseCases } from './capability.ts';
import { type Clock, systemClock } from './clock.ts';
import { createTicketRepository } from './data/tickets.repository.ts';
import { parseEnv } from './env.ts';
import { identityHasherFor } from './identity/default-identity-hasher.ts';
import type { IdentityHasher } from './identity/identity-hasher.ts';
import { capabilityHandler } from './middleware.ts';
import { notifierFor } from './notifications/default-notifier.ts';
import type { Notifier } from './notifications/notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from './platform.ts';
import { type SpeechSettings, speechSettingsFrom } from './speech/render.ts';
import { createTicketOpener } from './tickets/open-ticket.ts';
import { proofGuardOn } from './verification.ts';

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
export type TicketingFlowSettings = HashingNotifyingSettings & {
  TICKETS_TABLE_NAME: string;
  PROMPT_AUDIO_URI: string;
};

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

/** What every ticketing use case stands on: the tickets, the opener that notifies, the proof guard. */
export const ticketingParts = ({
  db,
  tables,
  identityHasher,
  notifier,
  clock,
}: TicketingUseCaseDependencies) => {
  const tickets = createTicketRepository(db, tables.tickets, { hasher: identityHasher });
  return {
    tickets,
    openTicket: createTicketOpener({ tickets, notifier, now: clock }),
    proofs: proofGuardOn(db, tables.serviceData, identityHasher, clock),
  };
};

/**
 * A flow handler that proves callers and opens tickets (complaints, pensions), on the handler
 * contract (lambdas/shared/platform.ts): its environment parsed by the capability's schema,
 * its use cases built from the dependencies.
 */
export const ticketingFlowHandler = <D extends CapabilityDescriptor>(
  capability: D,
  environment: z.ZodMiniType<TicketingFlowSettings>,
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
