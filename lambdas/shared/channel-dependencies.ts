import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HashingNotifyingSettings } from './aws-clients.ts';
import { type Clock, systemClock } from './clock.ts';
import { identityHasherFor } from './identity/default-identity-hasher.ts';
import type { IdentityHasher } from './identity/identity-hasher.ts';
import { notifierFor } from './notifications/default-notifier.ts';
import type { Notifier } from './notifications/notifier.ts';
import type { AwsClients } from './platform.ts';

/**
 * What a channel outside Connect (USSD, the text channels) runs the capabilities' use cases and
 * keeps its sessions and call logs on.
 */
export interface ChannelDependencies {
  readonly db: DynamoDBDocumentClient;
  readonly tables: {
    readonly serviceData: string;
    readonly tickets: string;
    readonly callLogs: string;
  };
  readonly identityHasher: IdentityHasher;
  readonly notifier: Notifier;
  readonly clock: Clock;
  readonly callLogPolicy: { readonly timeZone: string; readonly retentionDays: number };
}

/** The parsed environment those are built from (the channel's own schema holds more). */
export type ChannelSettings = HashingNotifyingSettings & {
  TICKETS_TABLE_NAME: string;
  CALL_LOGS_TABLE_NAME: string;
  CALL_LOG_RETENTION_DAYS: number;
};

export const channelDependencies = (
  config: ChannelSettings,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): ChannelDependencies => ({
  db: aws.dynamoDb,
  tables: {
    serviceData: config.SERVICE_DATA_TABLE_NAME,
    tickets: config.TICKETS_TABLE_NAME,
    callLogs: config.CALL_LOGS_TABLE_NAME,
  },
  identityHasher: identityHasherFor(config, aws.kms),
  notifier: notifierFor(config, aws.sqs),
  clock: systemClock,
  callLogPolicy: { timeZone: config.TIME_ZONE, retentionDays: config.CALL_LOG_RETENTION_DAYS },
});
