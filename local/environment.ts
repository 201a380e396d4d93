import { environments } from '../lib/config/environments.ts';
import { LOCAL_PROMPT_AUDIO_URI } from './arns.ts';
import { localTableEnvironment } from './dynamodb/tables.ts';

/**
 * The key the local runtime, tests, seed and bench hash ID numbers with (deployed, the KMS HMAC
 * key does it). Public and fixed, so local hashes are reproducible: never use it for real data.
 */
export const LOCAL_IDENTITY_HASH_KEY = 'huduma-local-identity-hash-key-not-for-real-records';

export interface LocalEnvironmentOptions {
  readonly dynamoDbEndpoint: string;
  /** Powertools log level for handlers. @default 'SILENT' */
  readonly logLevel?: string;
}

/**
 * The environment the handlers read at cold start, pointed at DynamoDB Local. Set it before
 * the first handler module is imported.
 */
export const localEnvironment = ({
  dynamoDbEndpoint,
  logLevel = 'SILENT',
}: LocalEnvironmentOptions): Record<string, string> => ({
  ...localTableEnvironment(),
  DYNAMODB_ENDPOINT: dynamoDbEndpoint,
  AWS_REGION: 'af-south-1',
  PROMPT_AUDIO_URI: LOCAL_PROMPT_AUDIO_URI,
  NOTIFIER: 'outbox',
  IDENTITY_HASHER: 'local',
  IDENTITY_HASH_LOCAL_KEY: LOCAL_IDENTITY_HASH_KEY,
  // The dev environment's supervisor and management receive escalations locally (in the outbox).
  ESCALATION_CONTACTS: JSON.stringify(environments.dev.escalation),
  STAFFING_CONFIG: JSON.stringify(environments.dev.staffing),
  POWERTOOLS_SERVICE_NAME: 'huduma-local',
  POWERTOOLS_LOG_LEVEL: logLevel,
  POWERTOOLS_METRICS_DISABLED: 'true',
  POWERTOOLS_TRACE_ENABLED: 'false',
});

export const applyLocalEnvironment = (options: LocalEnvironmentOptions): void => {
  Object.assign(process.env, localEnvironment(options));
};
