import type { Contact } from '#shared/contact.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import type * as z from '#shared/zod.ts';
import { bookingStatus, findOwnBooking, type OwnershipDependencies } from './booking-lookup.ts';
import { operationParameters, optionalParameter } from './dependencies.ts';

export const FindBookingParametersSchema = operationParameters('find-booking', {
  /** The booking reference as keyed; none after the caller-context shortcut (the code's booking). */
  reference: optionalParameter,
  /** The code sent by SMS, or the ID number given when booking; not needed once proved on this contact. */
  proof: optionalParameter,
});
export type FindBookingParameters = z.infer<typeof FindBookingParametersSchema>;

/** A caller's booking by reference: what, where and when, once they have proved it is theirs. */
export const findBooking =
  (deps: OwnershipDependencies) =>
  async ({ reference, proof }: FindBookingParameters, contact: Contact): Promise<FlowOutcome> => {
    const now = deps.clock();
    const booking = await findOwnBooking(deps, { reference, proof, contact });
    const status = bookingStatus(booking, now);
    return {
      outcome: 'FOUND',
      values: {
        reference: booking.reference,
        status,
        centreId: booking.centreId,
        serviceId: booking.serviceId,
        slot: booking.slot,
      },
      speech:
        status === 'ACTIVE'
          ? {
              prompt: 'appointments.booking.details',
              vars: {
                service: booking.serviceId,
                centre: booking.centreId,
                date: booking.slot.slice(0, 10),
                time: booking.slot.slice(11),
              },
            }
          : { prompt: `appointments.booking.${status.toLowerCase()}` },
    };
  };
