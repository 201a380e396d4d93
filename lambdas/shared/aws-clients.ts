import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import { documentClientFor } from './data/client.ts';

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
