import type { Centre } from '#shared/data/catalogue.repository.ts';
import { InvalidInputError } from '#shared/errors.ts';
import type { AppointmentDependencies } from './dependencies.ts';
import { NotOfferedError, SlotUnavailableError, unknownCentre } from './errors.ts';
import { isBookable } from './policy.ts';
import { addDays, checkSlot, deskCalendar, type Slot, type SlotCalendar } from './slots.ts';

/** A service's desk at a centre, with its slot calendar. */
export interface Desk {
  readonly centre: Centre;
  readonly serviceId: string;
  readonly calendar: SlotCalendar;
}

/**
 * Dates that surely contain the booking window in any time zone: from yesterday to the day
 * after the window (UTC dates). Reading this range lets holiday and counter queries start
 * before the centre, and its time zone, are known.
 */
export const searchRange = (now: Date, windowDays: number) => {
  const today = now.toISOString().slice(0, 10);
  return { from: addDays(today, -1), to: addDays(today, windowDays + 1) };
};

/**
 * Loads a desk (centre, whether it offers the service, public holidays) in parallel reads and
 * checks the service can be booked there.
 */
export const loadDesk = async (
  { catalogue, policy }: Pick<AppointmentDependencies, 'catalogue' | 'policy'>,
  centreId: string,
  serviceId: string,
  now: Date,
): Promise<Desk> => {
  const { from, to } = searchRange(now, policy.bookingWindowDays);
  const [centre, offered, holidays] = await Promise.all([
    catalogue.getCentre(centreId),
    catalogue.offersService(centreId, serviceId),
    catalogue.listHolidays(from, to),
  ]);
  if (!centre) throw unknownCentre();
  if (!offered) {
    // Only a service the catalogue knows can be named to the caller.
    const known = await catalogue.getService(serviceId);
    throw new NotOfferedError('Service not offered at the centre', {
      details: { reason: 'NOT_AT_CENTRE' },
      ...(known && {
        speech: {
          prompt: 'appointments.service_not_offered',
          vars: { service: serviceId, centre: centreId },
        },
      }),
    });
  }
  if (!isBookable(policy, serviceId))
    throw new NotOfferedError('Service takes no appointments', {
      details: { reason: 'NOT_BOOKABLE' },
      speech: { prompt: 'appointments.service_not_bookable', vars: { service: serviceId } },
    });
  return {
    centre,
    serviceId,
    calendar: deskCalendar(
      centre,
      serviceId,
      policy,
      holidays.map((holiday) => holiday.date),
    ),
  };
};

/** A slot id the flow passed back, checked against the desk's calendar: the slot, or a typed failure. */
export const requireBookableSlot = (slotId: string, desk: Desk, now: Date): Slot => {
  const checked = checkSlot(slotId, desk.calendar, now);
  if (!checked)
    throw new InvalidInputError('slot: not a slot id', {
      details: { reason: 'WRONG_SLOT', field: 'slot' },
    });
  if ('reason' in checked)
    throw new SlotUnavailableError(`Slot unavailable: ${checked.reason}`, {
      details: { reason: checked.reason },
      speech: {
        prompt: `appointments.unavailable.${checked.reason.toLowerCase()}`,
        vars: checked.reason === 'TOO_FAR' ? { days: desk.calendar.windowDays } : {},
      },
    });
  return checked.slot;
};
