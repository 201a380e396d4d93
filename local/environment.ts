import { contactCentreHours, environments } from '#lib/config/environments.ts';
import { LOCAL_INSTANCE_ARN, LOCAL_PROMPT_AUDIO_URI, localArn } from './arns.ts';
import { localTableEnvironment } from './dynamodb/tables.ts';

/**
 * The key the local runtime, tests, seed and bench hash ID numbers with (deployed, the KMS HMAC
 * key does it). Public and fixed, so local hashes are reproducible: never use it for real data.
 */
export const LOCAL_IDENTITY_HASH_KEY = 'huduma-local-identity-hash-key-not-for-real-records';

export interface LocalEnvironmentOptions {
  readonly dynamoDbEndpoint: string;
  /** The access key its database answers to (local/dynamodb/launcher.ts). @default 'local' */
  readonly dynamoDbAccessKeyId?: string;
  /** Tables named `<prefix>-*` instead of `huduma-*` (tests that need tables of their own). */
  readonly tablePrefix?: string;
}

/**
 * The environment every handler's setup is given locally (local/handlers.ts), shaped as the
 * deployed one and pointed at DynamoDB Local. It is passed to the handlers, never written to
 * `process.env`.
 */
export const localEnvironment = ({
  dynamoDbEndpoint,
  tablePrefix,
}: LocalEnvironmentOptions): Record<string, string> => ({
  ...localTableEnvironment(tablePrefix),
  DYNAMODB_ENDPOINT: dynamoDbEndpoint,
  AWS_REGION: 'af-south-1',
  PROMPT_AUDIO_URI: LOCAL_PROMPT_AUDIO_URI,
  NOTIFIER: 'outbox',
  IDENTITY_HASHER: 'local',
  IDENTITY_HASH_LOCAL_KEY: LOCAL_IDENTITY_HASH_KEY,
  TICKET_RETENTION_DAYS: String(environments.dev.ticketPersonalDataRetentionDays),
  // The dev environment's supervisor and management receive escalations locally (in the outbox).
  ESCALATION_CONTACTS: JSON.stringify(environments.dev.escalation),
  STAFFING_CONFIG: JSON.stringify(environments.dev.staffing),
  CONTACT_CENTRE_HOURS: JSON.stringify(contactCentreHours(environments.dev)),
  CONNECT_INSTANCE_ID: LOCAL_INSTANCE_ARN,
  CHAT_FLOW_ID: localArn.flow('chat-handover'),
});
