import { InvalidInputError } from '#shared/errors.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { logger } from '#shared/powertools.ts';
import * as z from '#shared/zod.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { operationParameters, optionalParameter } from './dependencies.ts';
import { loadDesk, searchRange } from './desk.ts';
import { slotOfferSpeech } from './menus.ts';
import { capacityOf } from './policy.ts';
import { parseSlotId, type Slot, slotsAfter } from './slots.ts';

export const OfferSlotsParametersSchema = operationParameters('offer-slots', {
  centreId: z.string(),
  serviceId: z.string(),
  /** Offer only slots after this one (the previous result's `nextAfter`): "later times". */
  after: optionalParameter,
});
export type OfferSlotsParameters = z.infer<typeof OfferSlotsParametersSchema>;

/**
 * The next free slots of a service at a centre within the booking window: open hours only, no
 * weekends or public holidays, nothing in the past, places left under the slot's capacity.
 */
export const offerSlots =
  (deps: Pick<AppointmentDependencies, 'catalogue' | 'bookings' | 'policy' | 'clock'>) =>
  async ({ centreId, serviceId, after }: OfferSlotsParameters): Promise<FlowOutcome> => {
    const { bookings, policy } = deps;
    if (after !== undefined && !parseSlotId(after))
      throw new InvalidInputError('after: not a slot id', {
        details: { reason: 'WRONG_SLOT', field: 'after' },
      });
    const now = deps.clock();
    const { from, to } = searchRange(now, policy.bookingWindowDays);
    const [desk, booked] = await Promise.all([
      loadDesk(deps, centreId, serviceId, now),
      bookings.bookedCounts(centreId, serviceId, `${from}T00:00`, `${to}T23:59`),
    ]);
    const capacity = capacityOf(policy, serviceId);
    // The first free slots and whether another follows: the rest of the window is never made.
    const offered: Slot[] = [];
    let more = false;
    for (const slot of slotsAfter(desk.calendar, now)) {
      if ((after !== undefined && slot.id <= after) || (booked.get(slot.id) ?? 0) >= capacity)
        continue;
      if (offered.length === policy.slotsOffered) {
        more = true;
        break;
      }
      offered.push(slot);
    }
    logger.debug('Slots offered', { centreId, serviceId, offered: offered.length, more });
    if (offered.length === 0)
      return {
        outcome: 'NO_SLOTS',
        speech: {
          prompt: after === undefined ? 'appointments.no_slots' : 'appointments.no_later_slots',
          vars: { service: serviceId, centre: centreId, days: policy.bookingWindowDays },
        },
      };
    return {
      outcome: 'FOUND',
      values: {
        slotCount: offered.length,
        ...Object.fromEntries(offered.map((slot, index) => [`slot${index + 1}`, slot.id])),
        more,
        ...(more && { nextAfter: offered.at(-1)!.id }),
      },
      speech: slotOfferSpeech(offered, more),
    };
  };
