import type { Contact } from '#shared/contact.ts';
import type { Booking } from '#shared/data/bookings.repository.ts';
import type { Notification } from '#shared/notifications/notifier.ts';
import { logger } from '#shared/powertools.ts';
import type { Language } from '#shared/speech/render.ts';
import type { AppointmentDependencies } from './dependencies.ts';

export type ConfirmationKind = 'booked' | 'cancelled' | 'moved' | 'reminder';

/**
 * The SMS for a booking event, rendered later from `appointments.sms.<kind>` in the caller's
 * language. The id is stable per event, so a retried invocation queues a duplicate the
 * delivery side drops.
 */
export const bookingSms = (
  kind: ConfirmationKind,
  booking: Booking,
  lang: Language,
  idSuffix = '',
): Notification => ({
  id: `appointment-${kind}#${booking.reference}${kind === 'moved' ? `#${booking.slot}` : ''}${idSuffix}`,
  channel: 'sms',
  to: booking.smsNumber,
  lang,
  prompt: `appointments.sms.${kind}`,
  vars: {
    reference: booking.reference,
    service: booking.serviceId,
    centre: booking.centreId,
    date: booking.slot.slice(0, 10),
    time: booking.slot.slice(11),
  },
});

/** A notice to the contact's own number on the channel they wrote on (WhatsApp), else as it is. */
export const onContactChannel = (notification: Notification, contact: Contact): Notification =>
  contact.noticeChannel === 'whatsapp' && contact.caller === notification.to
    ? { ...notification, channel: 'whatsapp' }
    : notification;

/**
 * Queues a booking SMS if its number has an SMS left today (SMS_POLICY): past the allowance the
 * change still stands and the caller has heard it; only the message is dropped (logged).
 */
export const sendBookingSms = async (
  {
    notifier,
    smsAllowance,
    clock,
  }: Pick<AppointmentDependencies, 'notifier' | 'smsAllowance' | 'clock'>,
  notification: Notification,
): Promise<'SENT' | 'RATE_LIMITED'> => {
  if ((await smsAllowance.take(notification.to, clock())) === 'RATE_LIMITED') {
    logger.warn('Booking SMS not sent: the number has had its SMS allowance', {
      notification: notification.id,
    });
    return 'RATE_LIMITED';
  }
  await notifier.notify(notification);
  return 'SENT';
};
