import type { Contact } from '#shared/contact.ts';
import type { Booking } from '#shared/data/bookings.repository.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { logger } from '#shared/powertools.ts';
import * as z from '#shared/zod.ts';
import { findOwnBooking, type OwnershipDependencies, requireChangeable } from './booking-lookup.ts';
import { bookingSms, sendBookingSms } from './confirmations.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { operationParameters, optionalParameter } from './dependencies.ts';

export const CancelParametersSchema = operationParameters('cancel', {
  reference: z.string(),
  proof: optionalParameter,
});
export type CancelParameters = z.infer<typeof CancelParametersSchema>;

const MAX_ATTEMPTS = 3;

const cancelledOutcome = (booking: Booking): FlowOutcome => ({
  outcome: 'CANCELLED',
  values: { reference: booking.reference },
  speech: {
    prompt: 'appointments.cancelled',
    vars: { date: booking.slot.slice(0, 10), time: booking.slot.slice(11) },
  },
});

/**
 * Cancels a caller's booking: the place goes back to the slot and the caller may book the
 * service again. A retried invocation (same ContactId) gets the same answer.
 */
export const cancelBooking =
  (deps: OwnershipDependencies & Pick<AppointmentDependencies, 'notifier' | 'smsAllowance'>) =>
  async ({ reference, proof, lang }: CancelParameters, contact: Contact): Promise<FlowOutcome> => {
    const now = deps.clock();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const booking = await findOwnBooking(deps, { reference, proof, contact });
      const retried = booking.status === 'CANCELLED' && booking.lastContact === contact.contactId;
      if (!retried) {
        requireChangeable(booking, now);
        const result = await deps.bookings.cancel(booking, { contactId: contact.contactId, now });
        // A concurrent change (a move, another cancel) makes the transaction fail: read again.
        if (result === 'BOOKING_CHANGED') continue;
        logger.info('Booking cancelled', { reference: booking.reference });
      }
      await sendBookingSms(deps, bookingSms('cancelled', booking, lang));
      return cancelledOutcome(booking);
    }
    throw new Error('Booking kept changing during cancellation');
  };
