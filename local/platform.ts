import { createRequire } from 'node:module';
import type { ConnectClient } from '@aws-sdk/client-connect';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { SocialMessagingClient } from '@aws-sdk/client-socialmessaging';
import type { SQSClient } from '@aws-sdk/client-sqs';
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
 * An SDK client made, and its package loaded, when a handler first asks for it: a run that
 * never sends an SMS, an email or a call-back does not load those SDK packages (about a third
 * of the modules a scripted call loaded).
 */
const lazyClient = <C extends Parameters<typeof checkedClient>[0]>(make: () => C): (() => C) => {
  let client: C | undefined;
  return () => (client ??= checkedClient(make()));
};

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
  const sqs = lazyClient(
    (): SQSClient => new (load('@aws-sdk/client-sqs').SQSClient as typeof SQSClient)(settings),
  );
  const sfn = lazyClient(
    (): SFNClient => new (load('@aws-sdk/client-sfn').SFNClient as typeof SFNClient)(settings),
  );
  const kms = lazyClient(
    (): KMSClient => new (load('@aws-sdk/client-kms').KMSClient as typeof KMSClient)(settings),
  );
  const connect = lazyClient(
    (): ConnectClient =>
      new (load('@aws-sdk/client-connect').ConnectClient as typeof ConnectClient)(settings),
  );
  const sms = lazyClient(
    (): PinpointSMSVoiceV2Client =>
      new (
        load('@aws-sdk/client-pinpoint-sms-voice-v2')
          .PinpointSMSVoiceV2Client as typeof PinpointSMSVoiceV2Client
      )(settings),
  );
  const ses = lazyClient(
    (): SESv2Client =>
      new (load('@aws-sdk/client-sesv2').SESv2Client as typeof SESv2Client)(settings),
  );
  const socialMessaging = lazyClient(
    (): SocialMessagingClient =>
      new (
        load('@aws-sdk/client-socialmessaging')
          .SocialMessagingClient as typeof SocialMessagingClient
      )(settings),
  );
  return {
    env: localEnvironment(options),
    aws: {
      dynamoDb: checkedClient(createDocumentClient({ endpoint: options.dynamoDbEndpoint })),
      get sqs() {
        return sqs();
      },
      get sfn() {
        return sfn();
      },
      get kms() {
        return kms();
      },
      get connect() {
        return connect();
      },
      get sms() {
        return sms();
      },
      get ses() {
        return ses();
      },
      get socialMessaging() {
        return socialMessaging();
      },
    },
  };
};

let testPlatform: LocalPlatform | undefined;

/** Tests' platform: the DynamoDB Local the jest global setup started (DYNAMODB_ENDPOINT). */
export const defaultLocalPlatform = (): LocalPlatform => {
  testPlatform ??= localPlatform({
    dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT ?? UNREACHABLE,
  });
  return testPlatform;
};
