import { createRequire } from 'node:module';
import { createDocumentClient } from '#shared/data/client.ts';
import type { AwsClients, Environment } from '#shared/platform.ts';
import { type LocalEnvironmentOptions, localEnvironment } from './environment.ts';
import { checkedClient } from './iam/guard.ts';

/** What local handlers run on: the local environment and AWS clients (or their stand-ins). */
export interface LocalPlatform {
  readonly env: Environment;
  readonly aws: AwsClients;
}

/** Nothing listens here: a client without a local stand-in fails fast instead of reaching AWS. */
const UNREACHABLE = 'http://127.0.0.1:9';

const load = createRequire(import.meta.url);

/**
 * The SDK clients without a local engine: package and class. Each is made, and its package
 * loaded, when a handler first asks for it: a run that never sends an SMS, an email or a
 * call-back does not load those SDK packages (about a third of the modules a scripted call
 * loaded).
 */
const LAZY_CLIENTS = {
  sqs: ['@aws-sdk/client-sqs', 'SQSClient'],
  sfn: ['@aws-sdk/client-sfn', 'SFNClient'],
  kms: ['@aws-sdk/client-kms', 'KMSClient'],
  connect: ['@aws-sdk/client-connect', 'ConnectClient'],
  sms: ['@aws-sdk/client-pinpoint-sms-voice-v2', 'PinpointSMSVoiceV2Client'],
  ses: ['@aws-sdk/client-sesv2', 'SESv2Client'],
  socialMessaging: ['@aws-sdk/client-socialmessaging', 'SocialMessagingClient'],
} as const satisfies Record<Exclude<keyof AwsClients, 'dynamoDb'>, readonly [string, string]>;

/**
 * The platform on DynamoDB Local at `dynamoDbEndpoint`. Services without a local engine (SQS,
 * Step Functions, KMS, Connect, SMS, SES) get clients that fail fast: the local runtime replaces
 * what uses them (outbox notifier, local identity hasher, local queues, dialer and gateways).
 */
export const localPlatform = (options: LocalEnvironmentOptions): LocalPlatform => {
  const settings = {
    endpoint: UNREACHABLE,
    region: 'af-south-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  };
  // Each client checks every command against the role of the handler sending it (local/iam).
  const aws = {
    dynamoDb: checkedClient(
      createDocumentClient({
        endpoint: options.dynamoDbEndpoint,
        ...(options.dynamoDbAccessKeyId && { accessKeyId: options.dynamoDbAccessKeyId }),
      }),
    ),
  } as AwsClients;
  for (const [name, [packageName, className]] of Object.entries(LAZY_CLIENTS)) {
    let client: Parameters<typeof checkedClient>[0] | undefined;
    Object.defineProperty(aws, name, {
      enumerable: true,
      get: () => (client ??= checkedClient(new (load(packageName)[className])(settings))),
    });
  }
  return { env: localEnvironment(options), aws };
};

let testPlatform: LocalPlatform | undefined;

/** Tests' platform: the DynamoDB Local the jest global setup started (DYNAMODB_ENDPOINT). */
export const defaultLocalPlatform = (): LocalPlatform => {
  testPlatform ??= localPlatform({
    dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT ?? UNREACHABLE,
  });
  return testPlatform;
};
