import {
  CALLBACK_OUTBOX_PARTITION,
  ESCALATION_OUTBOX_PARTITION,
  RETENTION_DUE_PARTITION,
} from '#shared/data/tables.ts';
import {
  type Ticket,
  type TicketHistoryEntry,
  type TicketStatus,
  TicketStatusSchema,
} from './ticket.schema.ts';

/** Statuses in which a complaint's SLA clock runs: not resolved, not waiting for the customer. */
export const SLA_RUNNING_STATUSES: readonly TicketStatus[] = TicketStatusSchema.options.filter(
  (status) => !['RESOLVED', 'CLOSED', 'AWAITING_CUSTOMER'].includes(status),
);

/** A partition of work still to do (a transactional outbox), its items sorted by when they fell due. */
export interface Outbox {
  readonly pk: string;
  item(at: string, ...ids: (string | number)[]): { pk: string; sk: string };
}

const outbox = (partition: string): Outbox => ({
  pk: partition,
  item: (at, ...ids) => ({ pk: partition, sk: [at, ...ids].join('#') }),
});

/** Complaints whose escalation has not been confirmed started. */
export const ESCALATION_OUTBOX = outbox(ESCALATION_OUTBOX_PARTITION);
/** Resolutions whose first call-back request has not reached the dialer. */
export const CALLBACK_OUTBOX = outbox(CALLBACK_OUTBOX_PARTITION);
/** Closed tickets whose personal data the retention purge has yet to drop. */
export const RETENTION_DUE = outbox(RETENTION_DUE_PARTITION);

/**
 * Every key of the Tickets table (layout in docs/data-model.md), composed here only. The
 * caller index holds a keyed hash of the call-back number (`phone` purpose), never the number.
 */
export const ticketKeys = {
  ticket: (reference: string) => ({ pk: `TICKET#${reference}`, sk: 'TICKET' }),
  /** The partition of a ticket, its history and nothing else. */
  ticketPartition: (reference: string) => `TICKET#${reference}`,
  historyPrefix: 'HISTORY#',
  /**
   * A history entry, in time order: within its millisecond by the number of the change it records
   * (`nnn`: the version a status change made, a call-back move's place) or, for an entry no change
   * numbers (a note, an escalation step), by a unique id, so that it never takes a key a change
   * will need.
   */
  history: (entry: Pick<TicketHistoryEntry, 'reference' | 'at'>, sequence: number | string) => ({
    pk: `TICKET#${entry.reference}`,
    sk: `HISTORY#${entry.at}#${typeof sequence === 'number' ? String(sequence).padStart(3, '0') : sequence}`,
  }),
  contact: ({ contactId, kind }: { readonly contactId: string; readonly kind: string }) => ({
    pk: `CONTACT#${contactId}`,
    sk: `TICKET#${kind}`,
  }),
  agencyStatusPartition: (agencyId: string, status: TicketStatus) => `AGENCY#${agencyId}#${status}`,
  agencyStatus: (ticket: Pick<Ticket, 'agencyId' | 'status' | 'dueAt' | 'reference'>) => ({
    gsi1pk: ticketKeys.agencyStatusPartition(ticket.agencyId, ticket.status),
    gsi1sk: `${ticket.dueAt}#${ticket.reference}`,
  }),
  /** The complaint SLA index (gsi3) partition of the complaints whose clock runs. */
  slaRunningPartition: 'SLA#RUNNING',
  /** The complaint SLA index partition of the other complaints due on a day (UTC, YYYY-MM-DD). */
  slaDueDayPartition: (day: string) => `SLA#DUE#${day}`,
  /**
   * A complaint's place in the SLA index: running ones together, the others by due day, each
   * sorted by due time. Other tickets are not in it.
   */
  complaintSla: (
    ticket: Pick<Ticket, 'type' | 'status' | 'dueAt' | 'reference'>,
  ): { gsi3pk: string; gsi3sk: string } | Record<string, never> =>
    ticket.type !== 'COMPLAINT'
      ? {}
      : {
          gsi3pk: SLA_RUNNING_STATUSES.includes(ticket.status)
            ? ticketKeys.slaRunningPartition
            : ticketKeys.slaDueDayPartition(ticket.dueAt.slice(0, 10)),
          gsi3sk: `${ticket.dueAt}#${ticket.reference}`,
        },
  /** `numberHash`: the identity hasher's `phone` hash of the E.164 number. */
  callerPartition: (numberHash: string) => `CALLER#${numberHash}`,
  caller: (numberHash: string, ticket: Pick<Ticket, 'createdAt' | 'reference'>) => ({
    gsi2pk: ticketKeys.callerPartition(numberHash),
    gsi2sk: `${ticket.createdAt}#${ticket.reference}`,
  }),
};
