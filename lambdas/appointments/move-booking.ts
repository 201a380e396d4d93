import type { Contact } from '#shared/contact.ts';
import type { Booking } from '#shared/data/bookings.repository.ts';
import { CapacityExhaustedError, InvalidInputError } from '#shared/errors.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { logger } from '#shared/powertools.ts';
import * as z from '#shared/zod.ts';
import { findOwnBooking, requireChangeable } from './booking-lookup.ts';
import { bookingSms, sendBookingSms } from './confirmations.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { operationParameters, optionalParameter } from './dependencies.ts';
import { loadDesk, requireBookableSlot } from './desk.ts';
import { capacityOf, retainUntil } from './policy.ts';
import { parseSlotId } from './slots.ts';

export const MoveParametersSchema = operationParameters('move', {
  reference: z.string(),
  proof: optionalParameter,
  /** The new slot: an id from offer-slots for the booking's centre and service. */
  slot: z.string(),
});
export type MoveParameters = z.infer<typeof MoveParametersSchema>;

const MAX_ATTEMPTS = 3;

const movedOutcome = (booking: Booking): FlowOutcome => ({
  outcome: 'MOVED',
  values: { reference: booking.reference, slot: booking.slot },
  speech: {
    prompt: 'appointments.moved',
    vars: {
      date: booking.slot.slice(0, 10),
      time: booking.slot.slice(11),
      reference: booking.reference,
    },
  },
});

/**
 * Moves a caller's booking to another slot at the same centre and service: the new place is
 * taken and the old one released in one transaction. A retried invocation (same ContactId)
 * gets the same answer.
 */
export const moveBooking =
  (deps: AppointmentDependencies) =>
  async (
    { reference, proof, slot: slotId, lang }: MoveParameters,
    contact: Contact,
  ): Promise<FlowOutcome> => {
    if (!parseSlotId(slotId))
      throw new InvalidInputError('slot: not a slot id', {
        details: { reason: 'WRONG_SLOT', field: 'slot' },
      });
    const now = deps.clock();
    for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      const booking = await findOwnBooking(deps, { reference, proof, contact });
      requireChangeable(booking, now);
      // Already in that slot: a retried invocation whose move went through, or nothing to do.
      if (booking.slot !== slotId) {
        const desk = await loadDesk(deps, booking.centreId, booking.serviceId, now);
        const slot = requireBookableSlot(slotId, desk, now);
        const result = await deps.bookings.move(booking, {
          slot: slot.id,
          startsAt: slot.startsAt.toISOString(),
          endsAt: slot.endsAt.toISOString(),
          capacity: capacityOf(deps.policy, booking.serviceId),
          contactId: contact.contactId,
          now,
          retainUntil: retainUntil(deps.policy, slot.endsAt),
        });
        if (result === 'FULL')
          throw new CapacityExhaustedError('Slot full', {
            speech: { prompt: 'appointments.full' },
          });
        // A concurrent change (a cancel, another move) makes the transaction fail: read again.
        if (result === 'BOOKING_CHANGED') continue;
        logger.info('Booking moved', { reference: booking.reference, slot: slot.id });
      }
      const moved = { ...booking, slot: slotId };
      await sendBookingSms(deps, bookingSms('moved', moved, lang));
      return movedOutcome(moved);
    }
    throw new Error('Booking kept changing during the move');
  };
