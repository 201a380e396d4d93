import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { systemClock } from '#shared/clock.ts';
import { documentClient } from '#shared/data/client.ts';
import { createDeliveryRepository } from '#shared/data/deliveries.repository.ts';
import { batchHandler } from '#shared/event-middleware.ts';
import { NotificationSchema } from '#shared/notifications/notifier.ts';
import { config } from './config.ts';
import { type DeliverDependencies, deliver } from './deliver.ts';
import { endUserMessagingSms, sesEmail } from './gateways.ts';

const unconfigured = (name: string) => ({
  send: () => Promise.reject(new Error(`${name} is not set`)),
});

/** The notifications queue's consumer; local runs and tests pass their own gateways. */
export const createNotificationDeliveryHandler = (overrides: Partial<DeliverDependencies> = {}) => {
  const send = deliver({
    deliveries: createDeliveryRepository(documentClient, config.SERVICE_DATA_TABLE_NAME),
    sms: config.SMS_ORIGINATION_IDENTITY
      ? endUserMessagingSms(new PinpointSMSVoiceV2Client({}), config.SMS_ORIGINATION_IDENTITY)
      : unconfigured('SMS_ORIGINATION_IDENTITY'),
    email: config.EMAIL_FROM
      ? sesEmail(new SESv2Client({}), config.EMAIL_FROM)
      : unconfigured('EMAIL_FROM'),
    clock: systemClock,
    ...overrides,
  });
  return batchHandler({
    source: 'SQS',
    handleRecord: async (record) => {
      await send(NotificationSchema.parse(JSON.parse(record.body)));
    },
  });
};

export const handler = createNotificationDeliveryHandler();
