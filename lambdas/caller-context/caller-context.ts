import { z } from 'zod';
import { callingNumber, type FlowContact } from '#shared/contact.ts';
import type { BookingRepository } from '#shared/data/bookings.repository.ts';
import { OPEN_STATUSES, type TicketRepository } from '#shared/data/tickets.repository.ts';
import { localTime } from '#shared/hours.ts';
import type { FlowOutcome } from '#shared/middleware.ts';

/** Nothing from the flow: the calling number comes with the contact. */
export const CallerContextParametersSchema = z.object({});

export interface CallerContextDependencies {
  readonly tickets: Pick<TicketRepository, 'listByCaller'>;
  readonly bookings: Pick<BookingRepository, 'listUpcomingByCaller'>;
  readonly clock: () => Date;
}

/**
 * Who is calling, in the platform's terms: open complaints and upcoming appointments for the
 * calling number. The flow offers a shortcut to the most pressing one; the counts go to the
 * agent's screen pop. Withheld and unrecognised numbers are simply UNKNOWN.
 */
export const callerContext =
  ({ tickets, bookings, clock }: CallerContextDependencies) =>
  async (_parameters: unknown, contact: FlowContact): Promise<FlowOutcome> => {
    const caller = callingNumber(contact);
    if (!caller) return { outcome: 'UNKNOWN' };
    const today = localTime(clock(), 'Africa/Nairobi').date;
    const [callerTickets, upcoming] = await Promise.all([
      tickets.listByCaller(caller),
      bookings.listUpcomingByCaller(caller, today),
    ]);
    const openComplaints = callerTickets.filter(
      (ticket) => ticket.type === 'COMPLAINT' && OPEN_STATUSES.includes(ticket.status),
    );
    const counts = { openComplaints: openComplaints.length, upcomingBookings: upcoming.length };
    const complaint = openComplaints[0];
    if (complaint) {
      return {
        outcome: 'OPEN_COMPLAINT',
        values: { ...counts, shortcut: 'complaint-status', shortcutReference: complaint.reference },
        speech: { prompt: 'caller.open_complaint', vars: { reference: complaint.reference } },
      };
    }
    const booking = [...upcoming].sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    if (booking) {
      return {
        outcome: 'UPCOMING_BOOKING',
        values: { ...counts, shortcut: 'booking', shortcutReference: booking.reference },
        speech: {
          prompt: 'caller.upcoming_booking',
          vars: { slot: booking.slot, centre: booking.centreId },
        },
      };
    }
    return { outcome: 'KNOWN', values: counts };
  };
