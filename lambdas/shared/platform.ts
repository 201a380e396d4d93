import type { ConnectClient } from '@aws-sdk/client-connect';
import type { KMSClient } from '@aws-sdk/client-kms';
import type { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { SocialMessagingClient } from '@aws-sdk/client-socialmessaging';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';

/** The environment a handler's setup reads: `process.env` deployed, a plain record locally. */
export type Environment = Readonly<Record<string, string | undefined>>;

/**
 * Every AWS client a handler may call. Each handler takes the few it uses; the local runtime
 * passes stand-ins (DynamoDB Local, clients that fail fast) through the same parameter.
 */
export interface AwsClients {
  readonly dynamoDb: DynamoDBDocumentClient;
  readonly sqs: SQSClient;
  readonly sfn: SFNClient;
  readonly kms: KMSClient;
  readonly connect: ConnectClient;
  readonly sms: PinpointSMSVoiceV2Client;
  readonly ses: SESv2Client;
  /** End User Messaging Social (WhatsApp). */
  readonly socialMessaging: SocialMessagingClient;
}

/** An invocable Lambda handler, whatever its trigger. */
export type LambdaFunction<E = never, R = unknown> = (event: E, context: Context) => Promise<R>;

/**
 * The contract every `lambdas/<name>/handler.ts` meets: its dependencies are built from its
 * environment and AWS clients by `defaultDependencies`, and `createHandler` wires them into
 * the middleware. Deployed, `handler` does both at the first invocation (never at import);
 * the local runtime and tests call the two themselves (local/handlers.ts).
 */
export interface HandlerModule<D, H> {
  readonly defaultDependencies: (env: Environment, aws: AwsClients) => D;
  readonly createHandler: (dependencies: D) => H;
}

/**
 * The deployed handler: built from `process.env` on the first invocation, then reused by the
 * container. Importing a handler module therefore reads no configuration.
 */
export const deployedHandler = <H extends (event: never, context: Context) => unknown>(
  build: () => H,
): H => {
  let built: H | undefined;
  return ((event: never, context: Context) => {
    built ??= build();
    return built(event, context);
  }) as H;
};
