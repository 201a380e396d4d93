import type { Clock } from '#shared/clock.ts';
import type { Contact } from '#shared/contact.ts';
import type { BookingRepository } from '#shared/data/bookings.repository.ts';
import { OPEN_STATUSES, type TicketRepository } from '#shared/data/tickets.repository.ts';
import { agentsBackValues, localTime, type OpeningHours } from '#shared/hours.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import * as z from '#shared/zod.ts';

/** Nothing from the flow (the default operation): the calling number comes with the contact. */
export const CallerContextParametersSchema = z.object({
  operation: z.optional(z.literal('context')),
});

/** When the agents are back, for a flow that finds the contact centre closed. */
export const AgentsBackParametersSchema = z.object({ operation: z.literal('agents-back') });

export interface CallerContextDependencies {
  readonly tickets: Pick<TicketRepository, 'listByCaller'>;
  readonly bookings: Pick<BookingRepository, 'listUpcomingByCaller'>;
  readonly clock: Clock;
  /** The contact centre's time zone: bookings from today, local date. */
  readonly timeZone: string;
}

/**
 * Who is calling, in the platform's terms: open complaints and upcoming appointments for the
 * calling number. Caller ID is a hint, not a proof (it can be spoofed), so nothing personal
 * leaves here: the flow hears only that there is a complaint or an appointment and offers a
 * shortcut, whose details the caller hears after proving with a code sent by SMS to the number
 * on the record. The counts go to the agent's screen pop (no references, centres or times).
 * Withheld and unrecognised numbers are simply UNKNOWN.
 */
export const callerContext =
  ({ tickets, bookings, clock, timeZone }: CallerContextDependencies) =>
  async (_parameters: unknown, contact: Contact): Promise<FlowOutcome> => {
    const caller = contact.caller;
    if (!caller) return { outcome: 'UNKNOWN' };
    const today = localTime(clock(), timeZone).date;
    const [callerTickets, upcoming] = await Promise.all([
      tickets.listByCaller(caller),
      bookings.listUpcomingByCaller(caller, today),
    ]);
    const openComplaints = callerTickets.filter(
      (ticket) => ticket.type === 'COMPLAINT' && OPEN_STATUSES.includes(ticket.status),
    ).length;
    const counts = { openComplaints, upcomingBookings: upcoming.length };
    if (openComplaints > 0)
      return {
        outcome: 'OPEN_COMPLAINT',
        values: { ...counts, shortcut: 'complaint-status' },
        speech: { prompt: 'caller.open_complaint' },
      };
    if (upcoming.length > 0)
      return {
        outcome: 'UPCOMING_BOOKING',
        values: { ...counts, shortcut: 'booking' },
        speech: { prompt: 'caller.upcoming_booking' },
      };
    return { outcome: 'KNOWN', values: counts };
  };

/**
 * When the agents are back, for a caller the flow finds outside the opening hours: the next
 * opening of the same hours Connect checks (CONTACT_CENTRE_HOURS), holidays skipped, so a
 * prompt never states hours the configuration does not have. NOT_KNOWN when there is none
 * within the search (closed for two months), or when the hours are open by this clock (the
 * flow checked a moment before they opened): the flow then says only that agents are not
 * available.
 */
export const agentsBack =
  ({ hours, clock }: { readonly hours: OpeningHours; readonly clock: Clock }) =>
  async (): Promise<FlowOutcome> => {
    const vars = agentsBackValues(hours, clock());
    if (!vars) return { outcome: 'NOT_KNOWN' };
    return { outcome: 'OPENS', speech: { prompt: 'caller.agents_back', vars } };
  };
