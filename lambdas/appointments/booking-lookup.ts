import type { Booking } from '#shared/data/bookings.repository.ts';
import { ConflictError, NotFoundError } from '#shared/errors.ts';
import { requireReference } from './caller-input.ts';
import type { AppointmentDependencies, ContactData } from './dependencies.ts';
import { verifyOwner } from './verify-owner.ts';

/** A booking found by a keyed reference, after its owner has proved who they are. */
export const findOwnBooking = async (
  deps: Pick<AppointmentDependencies, 'bookings' | 'identityHasher' | 'policy'>,
  {
    reference: keyed,
    proof,
    contact,
    now,
  }: { reference: string; proof: string | undefined; contact: ContactData; now: Date },
): Promise<Booking> => {
  const reference = requireReference(keyed);
  const { booking, failedVerifications } = await deps.bookings.get(reference, now);
  if (!booking)
    throw new NotFoundError('No such booking', {
      details: { reason: 'UNKNOWN_BOOKING' },
      speech: { prompt: 'appointments.booking_not_found', vars: { reference } },
    });
  await verifyOwner(deps, { booking, failedVerifications, proof, contact, now });
  return booking;
};

/** Where a booking stands for the caller: active, cancelled, or its time has come. */
export const bookingStatus = (booking: Booking, now: Date): 'ACTIVE' | 'CANCELLED' | 'PAST' => {
  if (booking.status === 'CANCELLED') return 'CANCELLED';
  return new Date(booking.startsAt) <= now ? 'PAST' : 'ACTIVE';
};

/** Cancel and move need an active booking whose time has not come. */
export const requireChangeable = (booking: Booking, now: Date): void => {
  const status = bookingStatus(booking, now);
  if (status !== 'ACTIVE')
    throw new ConflictError(`Booking is ${status}`, {
      details: { reason: status },
      speech: { prompt: `appointments.booking.${status.toLowerCase()}` },
    });
};
