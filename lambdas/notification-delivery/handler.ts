import { KMSClient } from '@aws-sdk/client-kms';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { SocialMessagingClient } from '@aws-sdk/client-socialmessaging';
import { whatsAppNotices } from '#lambdas/conversation/channels/whatsapp-notices.ts';
import { socialMessagingSender } from '#lambdas/conversation/channels/whatsapp-outbound.ts';
import { systemClock } from '#shared/clock.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createConversationRepository } from '#shared/data/conversations.repository.ts';
import { idempotencyStore } from '#shared/data/idempotency.ts';
import { parseEnv } from '#shared/env.ts';
import { batchHandler } from '#shared/event-middleware.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import { NotificationSchema } from '#shared/notifications/notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { NotificationDeliveryEnvironmentSchema } from './config.ts';
import { type DeliverDependencies, deliver } from './deliver.ts';
import { endUserMessagingSms, sesEmail } from './gateways.ts';

const unconfigured = (name: string) => ({
  send: () => Promise.reject(new Error(`${name} is not set`)),
});

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'sms' | 'ses' | 'kms' | 'socialMessaging'>,
): DeliverDependencies => {
  const config = parseEnv(NotificationDeliveryEnvironmentSchema, env);
  return {
    idempotencyStore: idempotencyStore(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME),
    sms: config.SMS_ORIGINATION_IDENTITY
      ? endUserMessagingSms(aws.sms, config.SMS_ORIGINATION_IDENTITY)
      : unconfigured('SMS_ORIGINATION_IDENTITY'),
    email: config.EMAIL_FROM ? sesEmail(aws.ses, config.EMAIL_FROM) : unconfigured('EMAIL_FROM'),
    whatsapp: config.WHATSAPP_PHONE_NUMBER_ID
      ? whatsAppNotices({
          sender: socialMessagingSender(aws.socialMessaging, config.WHATSAPP_PHONE_NUMBER_ID),
          conversations: createConversationRepository(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME),
          identityHasher: identityHasherFor(config, aws.kms),
          clock: systemClock,
        })
      : unconfigured('WHATSAPP_PHONE_NUMBER_ID'),
  };
};

/** The notifications queue's consumer; local runs and tests pass their own gateways. */
export const createHandler = (deps: DeliverDependencies) => {
  const send = deliver(deps);
  return batchHandler({
    source: 'SQS',
    handleRecord: async (record, context) => {
      await send(NotificationSchema.parse(JSON.parse(record.body)), context);
    },
  });
};

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      sms: new PinpointSMSVoiceV2Client({}),
      ses: new SESv2Client({}),
      kms: new KMSClient({}),
      socialMessaging: new SocialMessagingClient({}),
    }),
  ),
);
