import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import { documentClientFor } from './data/client.ts';
import type { IdentityHasherSettings } from './identity/default-identity-hasher.ts';
import type { NotifierSettings } from './notifications/default-notifier.ts';

/**
 * The deployed clients of a handler that hashes identities and sends notifications: DynamoDB,
 * KMS (the identity hasher's key) and SQS (the notifications queue). Called by `handler` at
 * the first invocation, never at import.
 */
export const hashingNotifyingClients = () => ({
  dynamoDb: documentClientFor(process.env),
  kms: new KMSClient({}),
  sqs: new SQSClient({}),
});

/** What the environment of such a handler always holds, parsed (its own schema holds more). */
export type HashingNotifyingSettings = {
  SERVICE_DATA_TABLE_NAME: string;
  TIME_ZONE: string;
} & IdentityHasherSettings &
  NotifierSettings;
