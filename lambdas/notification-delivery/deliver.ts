import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { WhatsAppNotices } from '#lambdas/conversation/channels/whatsapp-notices.ts';
import type { Clock } from '#shared/clock.ts';
import type { DeliveryRepository } from '#shared/data/deliveries.repository.ts';
import type { Notification } from '#shared/notifications/notifier.ts';
import { logger, metrics } from '#shared/powertools.ts';
import { renderMessage } from '#shared/speech/render.ts';
import type { EmailGateway, SmsGateway } from './gateways.ts';

export interface DeliverDependencies {
  readonly deliveries: DeliveryRepository;
  readonly sms: SmsGateway;
  readonly email: EmailGateway;
  /** WhatsApp notices: free-form in the 24-hour window, an approved template outside it. */
  readonly whatsapp: WhatsAppNotices;
  readonly clock: Clock;
}

const DEFAULT_SUBJECT = { en: 'Huduma Contact Centre', sw: 'Kituo cha Mawasiliano cha Huduma' };

/**
 * Delivers one queued notification: renders its prompt in the recipient's language and sends it
 * by SMS or email, once per notification id (a redelivered or repeated notification is skipped).
 * A failed send releases the claim and throws, so the queue retries it.
 */
export const deliver =
  ({ deliveries, sms, email, whatsapp, clock }: DeliverDependencies) =>
  async (notification: Notification): Promise<'SENT' | 'ALREADY_SENT'> => {
    const claim = await deliveries.claim(notification.id, clock());
    if (claim === 'ALREADY_SENT') return 'ALREADY_SENT';
    if (claim === 'IN_FLIGHT') throw new Error(`Notification ${notification.id} is being sent`);
    const speech = { prompt: notification.prompt, vars: notification.vars };
    const text = renderMessage(speech, notification.lang);
    try {
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
    } catch (error) {
      await deliveries.release(notification.id);
      throw error;
    }
    await deliveries.markSent(notification.id, clock());
    metrics.addMetric(`NotificationsSent_${notification.channel}`, MetricUnit.Count, 1);
    logger.info('Notification sent', { id: notification.id, channel: notification.channel });
    return 'SENT';
  };
