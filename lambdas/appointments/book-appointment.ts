import type { Contact } from '#shared/contact.ts';
import type { Booking } from '#shared/data/bookings.repository.ts';
import { CapacityExhaustedError, ConflictError, InvalidInputError } from '#shared/errors.ts';
import { requireDigits } from '#shared/keyed-input.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { toE164 } from '#shared/phone.ts';
import { logger } from '#shared/powertools.ts';
import type { Language } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';
import { bookingSms, onContactChannel, sendBookingSms } from './confirmations.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { operationParameters, optionalParameter } from './dependencies.ts';
import { loadDesk, requireBookableSlot } from './desk.ts';
import { SmsLimitedError } from './errors.ts';
import { capacityOf, retainUntil } from './policy.ts';
import { parseSlotId } from './slots.ts';

export const BookParametersSchema = operationParameters('book', {
  centreId: z.string(),
  serviceId: z.string(),
  /** A slot id from offer-slots (`slot1..3`). */
  slot: z.string(),
  /** Where to send the SMS, when not the calling number (keyed). */
  callbackNumber: optionalParameter,
  /** The caller's ID number (keyed), kept only as a hash: a second way to prove the booking is theirs. */
  idNumber: optionalParameter,
});
export type BookParameters = z.infer<typeof BookParametersSchema>;

const MAX_REFERENCE_ATTEMPTS = 5;

/** What the flow hears and branches on for a booking that exists: a new one or a retry's. */
export const bookedOutcome = (booking: Booking): FlowOutcome => ({
  outcome: 'BOOKED',
  values: {
    reference: booking.reference,
    centreId: booking.centreId,
    serviceId: booking.serviceId,
    slot: booking.slot,
  },
  speech: {
    prompt: 'appointments.booked',
    vars: {
      date: booking.slot.slice(0, 10),
      time: booking.slot.slice(11),
      reference: booking.reference,
    },
  },
});

/**
 * Who is booking, and where the SMS goes. The calling number (a hint, never a proof) owns the
 * booking: it holds the one-active-booking lock and caller context finds the booking by it. A
 * keyed number only receives the SMS; a withheld caller's booking has no owner, so nobody can
 * book in another's name or block another's booking.
 */
const bookingParties = (contact: Contact, callbackNumber: string | undefined) => {
  const callback = callbackNumber === undefined ? undefined : toE164(callbackNumber);
  if (callbackNumber !== undefined && !callback)
    throw new InvalidInputError('callbackNumber: not a phone number', {
      details: { reason: 'WRONG_PHONE_NUMBER', field: 'callbackNumber' },
      speech: { prompt: 'appointments.invalid_phone_number' },
    });
  const owner = contact.caller;
  const smsNumber = callback ?? owner;
  if (!smsNumber)
    throw new InvalidInputError('No number to book with', {
      details: { reason: 'NO_PHONE_NUMBER', field: 'callbackNumber' },
      speech: { prompt: 'appointments.phone_number_needed' },
    });
  return { owner, smsNumber, keyed: callback !== undefined };
};

/**
 * Books a slot for the caller: one transaction takes a place (never beyond capacity), writes
 * the booking, marks the contact and takes the caller's one-active-booking-per-service lock.
 * A retried invocation (same ContactId) gets the same booking back. The reference is read
 * back and confirmed by SMS.
 */
export const bookAppointment =
  (deps: AppointmentDependencies) =>
  async (
    { centreId, serviceId, slot: slotId, callbackNumber, idNumber, lang }: BookParameters,
    contact: Contact,
  ): Promise<FlowOutcome> => {
    const { bookings, identityHasher, policy } = deps;
    const { owner, smsNumber, keyed } = bookingParties(contact, callbackNumber);
    if (idNumber !== undefined) requireDigits(idNumber, { min: 6, max: 10, field: 'idNumber' });
    if (!parseSlotId(slotId))
      throw new InvalidInputError('slot: not a slot id', {
        details: { reason: 'WRONG_SLOT', field: 'slot' },
      });
    const now = deps.clock();
    const desk = await loadDesk(deps, centreId, serviceId, now);
    const slot = requireBookableSlot(slotId, desk, now);
    // A keyed number that has had its SMS for the day is refused before anything is booked.
    if (keyed && (await deps.smsAllowance.take(smsNumber, now)) === 'RATE_LIMITED')
      throw new SmsLimitedError('The keyed number has had its SMS allowance', {
        details: { reason: 'SMS_LIMIT', field: 'callbackNumber' },
        speech: { prompt: 'appointments.sms_limited' },
      });
    const ownerHash = owner === undefined ? undefined : await bookings.ownerHashOf(owner);

    let replacesContactBooking: string | undefined;
    for (let attempt = 0; attempt < MAX_REFERENCE_ATTEMPTS; attempt++) {
      const reference = deps.newReference();
      const idNumberHash =
        idNumber === undefined
          ? undefined
          : await identityHasher.hash('booking', reference, idNumber);
      const booking: Booking = {
        reference,
        centreId,
        serviceId,
        slot: slot.id,
        startsAt: slot.startsAt.toISOString(),
        endsAt: slot.endsAt.toISOString(),
        status: 'ACTIVE',
        ...(ownerHash !== undefined && { ownerHash }),
        smsNumber,
        ...(idNumberHash !== undefined && { idNumberHash }),
        lang,
        bookedByContact: contact.contactId,
        lastContact: contact.contactId,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      const result = await bookings.create(booking, {
        capacity: capacityOf(policy, serviceId),
        now,
        retainUntil: retainUntil(policy, slot.endsAt),
        replacesContactBooking,
      });
      switch (result.kind) {
        case 'BOOKED':
          logger.info('Booked', { reference, centreId, serviceId, slot: slot.id });
          // A keyed number's SMS was counted above.
          if (keyed)
            await deps.notifier.notify(
              onContactChannel(bookingSms('booked', booking, lang), contact),
            );
          else
            await sendBookingSms(
              deps,
              onContactChannel(bookingSms('booked', booking, lang), contact),
            );
          return bookedOutcome(booking);
        case 'FULL':
          throw new CapacityExhaustedError('Slot full', {
            speech: { prompt: 'appointments.full' },
          });
        case 'ACTIVE_BOOKING_EXISTS':
          logger.info('Caller already holds a booking for the service', {
            reference: result.reference,
          });
          return await activeBookingExists(deps, result.reference, contact, lang);
        case 'CONTACT_ALREADY_BOOKED': {
          const { booking: earlier } = await bookings.get(result.reference);
          if (earlier?.status === 'ACTIVE') {
            // A retried invocation: the first one booked. Queue the SMS again in case it
            // failed after the transaction (same notification id, so delivered once).
            logger.info('Booking replayed for a retried contact', { reference: earlier.reference });
            await deps.notifier.notify(bookingSms('booked', earlier, earlier.lang));
            return bookedOutcome(earlier);
          }
          // Booked and cancelled earlier in this call: this is a new booking.
          replacesContactBooking = result.reference;
          break;
        }
        case 'REFERENCE_TAKEN':
          logger.debug('Reference taken, drawing another', { reference });
          break;
      }
    }
    throw new Error('No free booking reference after several attempts');
  };

/**
 * The caller already holds an active booking for the service. Its details go again by SMS
 * to the number it was booked for (never spoken: the caller has not proved who they are).
 */
const activeBookingExists = async (
  deps: AppointmentDependencies,
  reference: string,
  contact: Contact,
  lang: Language,
): Promise<never> => {
  const { booking } = await deps.bookings.get(reference);
  if (booking)
    await sendBookingSms(deps, bookingSms('reminder', booking, lang, `#${contact.contactId}`));
  throw new ConflictError('Caller already has an active booking for the service', {
    details: { reason: 'ACTIVE_BOOKING' },
    ...(booking && {
      speech: { prompt: 'appointments.already_booked', vars: { service: booking.serviceId } },
    }),
  });
};
