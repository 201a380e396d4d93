import { ConnectClient } from '@aws-sdk/client-connect';
import { KMSClient } from '@aws-sdk/client-kms';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SocialMessagingClient } from '@aws-sdk/client-socialmessaging';
import { SQSClient } from '@aws-sdk/client-sqs';
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
  return {
    env: localEnvironment(options),
    aws: {
      dynamoDb: checkedClient(createDocumentClient({ endpoint: options.dynamoDbEndpoint })),
      sqs: checkedClient(new SQSClient(settings)),
      sfn: checkedClient(new SFNClient(settings)),
      kms: checkedClient(new KMSClient(settings)),
      connect: checkedClient(new ConnectClient(settings)),
      sms: checkedClient(new PinpointSMSVoiceV2Client(settings)),
      ses: checkedClient(new SESv2Client(settings)),
      socialMessaging: checkedClient(new SocialMessagingClient(settings)),
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
