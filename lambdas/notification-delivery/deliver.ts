import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';
import type { WhatsAppNotices } from '#lambdas/conversation/channels/whatsapp-notices.ts';
import type { Notification } from '#shared/notifications/notifier.ts';
import { logger, metrics } from '#shared/powertools.ts';
import { renderMessage } from '#shared/speech/render.ts';
import type { EmailGateway, SmsGateway } from './gateways.ts';

export interface DeliverDependencies {
  /** Where each notice's send is recorded (Powertools Idempotency), so it is sent once. */
  readonly idempotencyStore: BasePersistenceLayer;
  readonly sms: SmsGateway;
  readonly email: EmailGateway;
  /** WhatsApp notices: free-form in the 24-hour window, an approved template outside it. */
  readonly whatsapp: WhatsAppNotices;
}

/** How long a sent notice's record is kept (TTL): longer than any queue redelivers a message. */
const KEEP_SECONDS = 14 * 86_400;

const DEFAULT_SUBJECT = { en: 'Huduma Contact Centre', sw: 'Kituo cha Mawasiliano cha Huduma' };

/**
 * Delivers one queued notification: renders its prompt in the recipient's language and sends it
 * by SMS, WhatsApp or email, once per notification id (Powertools Idempotency on the notice's
 * `id`: a redelivered or repeated notification returns the first send's result and sends
 * nothing). A failed send deletes its record and throws, so the queue retries it; one still
 * being sent elsewhere throws too, and is retried after it.
 */
export const deliver = ({ idempotencyStore, sms, email, whatsapp }: DeliverDependencies) => {
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'id',
    throwOnNoIdempotencyKey: true,
    expiresAfterSeconds: KEEP_SECONDS,
  });
  const send = async (notification: Notification): Promise<'SENT'> => {
    const speech = { prompt: notification.prompt, vars: notification.vars };
    const text = renderMessage(speech, notification.lang);
    if (notification.channel === 'sms') {
      await sms.send({ to: notification.to, text });
    } else if (notification.channel === 'whatsapp') {
      const sent = await whatsapp.send({ to: notification.to, lang: notification.lang, speech });
      // No approved template for this notice and the window is closed: the SMS says it.
      if (sent === 'NO_TEMPLATE') await sms.send({ to: notification.to, text });
    } else {
      const subject = notification.subjectPrompt
        ? renderMessage({ ...speech, prompt: notification.subjectPrompt }, notification.lang)
        : DEFAULT_SUBJECT[notification.lang];
      await email.send({ to: notification.to, subject, text });
    }
    metrics.addMetric(`NotificationsSent_${notification.channel}`, MetricUnit.Count, 1);
    logger.info('Notification sent', { id: notification.id, channel: notification.channel });
    return 'SENT';
  };
  // A stable prefix, not the deployed function's name: records outlive a renamed function.
  const sendOnce = makeIdempotent(send, {
    persistenceStore: idempotencyStore,
    config,
    keyPrefix: 'notification-delivery',
  });
  return (notification: Notification, context?: Context): Promise<'SENT'> => {
    // The in-progress record expires with the invocation, so a consumer that died frees it.
    if (context) config.registerLambdaContext(context);
    return sendOnce(notification);
  };
};
