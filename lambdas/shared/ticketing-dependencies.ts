import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type Clock, systemClock } from './clock.ts';
import {
  type IdentityHasherSettings,
  identityHasherFor,
} from './identity/default-identity-hasher.ts';
import type { IdentityHasher } from './identity/identity-hasher.ts';
import { type NotifierSettings, notifierFor } from './notifications/default-notifier.ts';
import type { Notifier } from './notifications/notifier.ts';
import type { AwsClients } from './platform.ts';
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

/** Those dependencies from a parsed environment (service data and tickets tables, hasher, notifier, speech). */
export const ticketingFlowDependencies = (
  config: {
    SERVICE_DATA_TABLE_NAME: string;
    TICKETS_TABLE_NAME: string;
    PROMPT_AUDIO_URI: string;
    TIME_ZONE: string;
  } & IdentityHasherSettings &
    NotifierSettings,
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
