import { type Contact, OWN_NUMBER, onOwnNumber } from '#shared/contact.ts';
import { localTime } from '#shared/hours.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { sendCodeAlike } from '#shared/proof-codes.ts';
import { requireReference } from './caller-input.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { operationParameters, optionalParameter } from './dependencies.ts';

export const SendCodeParametersSchema = operationParameters('send-code', {
  /** The booking reference as keyed; none for the caller-context shortcut (the caller's next booking). */
  reference: optionalParameter,
});
export type SendCodeParameters = { reference?: string | undefined; lang: 'en' | 'sw' };

/**
 * Sends a one-time code to the number on a booking, the proof a caller gives before hearing
 * or changing it. The answer is the same whether the reference exists or its number has had
 * its SMS for the day, so references cannot be probed. Caller ID only picks which booking the
 * shortcut is for: the code goes to the number on the booking, never to a number keyed now.
 * On the booking's own number as its network authenticated it (USSD), no code: `OWN_NUMBER`.
 */
export const sendCode =
  (deps: Pick<AppointmentDependencies, 'bookings' | 'codes' | 'clock' | 'timeZone'>) =>
  async ({ reference, lang }: SendCodeParameters, contact: Contact): Promise<FlowOutcome> => {
    const booking = await bookingFor(deps, reference, contact);
    if (booking && onOwnNumber(contact, booking.smsNumber)) return { outcome: OWN_NUMBER };
    return sendCodeAlike(
      deps.codes,
      contact,
      lang,
      'appointments.code_sent',
      booking && { scope: 'booking', recordId: booking.reference, to: booking.smsNumber },
    );
  };

const bookingFor = async (
  { bookings, clock, timeZone }: Pick<AppointmentDependencies, 'bookings' | 'clock' | 'timeZone'>,
  keyed: string | undefined,
  contact: Contact,
) => {
  if (keyed !== undefined) return (await bookings.get(requireReference(keyed))).booking;
  const caller = contact.caller;
  if (!caller) return undefined;
  const today = localTime(clock(), timeZone).date;
  const upcoming = await bookings.listUpcomingByCaller(caller, today);
  return [...upcoming].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
};
