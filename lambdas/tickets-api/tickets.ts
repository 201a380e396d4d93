import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Clock } from '#shared/clock.ts';
import { InvalidCursorError } from '#shared/data/page-cursor.ts';
import {
  type Actor,
  CLOSED_STATUSES,
  OPEN_STATUSES,
  StaleTicketError,
  type Ticket,
  type TicketHistoryEntry,
  type TicketRepository,
  type TicketStatus,
  TicketStatusSchema,
} from '#shared/data/tickets.repository.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '#shared/errors.ts';
import { logger, metrics } from '#shared/powertools.ts';
import { AgencyIdSchema, type Principal } from '#shared/principal.ts';
import { type CallbackQueue, firstCallback } from '#shared/tickets/callbacks.ts';
import * as z from '#shared/zod.ts';
import { assertInScope, assertMay, inScope } from './access.ts';
import type { Permission } from './permissions.ts';

export const ReferenceParamsSchema = z.object({ reference: z.string().check(z.regex(/^\d{8}$/)) });

export const ListQuerySchema = z.object({
  /** Required for agents and supervisors; a focal person's own agency when omitted. */
  agencyId: z.optional(AgencyIdSchema),
  status: z._default(TicketStatusSchema, 'OPEN'),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 50),
  /** The previous page's `cursor`, as given: any other value is refused with 400. */
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(1024))),
});

const Text = z.string().check(z.trim(), z.minLength(1), z.maxLength(2000));
/** The version the client read: the change applies only if nobody changed the ticket since. */
const Version = z.optional(z.number().check(z.int(), z.gte(1)));

export const NoteBodySchema = z.object({ note: Text });
export const AcknowledgeBodySchema = z.object({ note: z.optional(Text), version: Version });
export const ResolveBodySchema = z.object({ resolution: Text, version: Version });
export const ReopenBodySchema = z.object({ reason: Text, version: Version });

export interface TicketUseCaseDependencies {
  readonly tickets: TicketRepository;
  readonly callbacks: CallbackQueue;
  readonly clock: Clock;
}

const actor = (principal: Principal): Actor => ({
  kind: principal.role === 'agency' ? 'agency' : 'agent',
  id: principal.id,
});

/**
 * A ticket the principal may act on. Forbidden when the role may never do this; NotFound for a
 * ticket that does not exist and, alike, for one outside the principal's scope (another
 * agency's), so references cannot be probed across agencies.
 */
const visibleTicket = async (
  tickets: TicketRepository,
  reference: string,
  principal: Principal,
  permission: Permission,
): Promise<Ticket> => {
  assertMay(principal, permission);
  const ticket = await tickets.get(reference);
  if (!ticket || !inScope(principal, ticket.agencyId))
    throw new NotFoundError(`No ticket ${reference}`);
  return ticket;
};

/** A ticket as the API shows it: without the escalation's task token. */
const shown = ({ escalationTaskToken: _token, ...ticket }: Ticket) => ticket;

/** A status change: from which statuses, to which, on the version the user read. */
interface StatusChange {
  readonly from: readonly TicketStatus[];
  readonly to: TicketStatus;
  readonly version: number | undefined;
  readonly note?: string | undefined;
  readonly set?: (
    nextVersion: number,
    at: string,
  ) => Parameters<TicketRepository['changeStatus']>[0]['set'];
  readonly remove?: ('resolution' | 'callback')[];
}

/**
 * The ticket workflow for agents, supervisors and agency focal persons. Every change is one
 * conditional transaction (status, index key, version and a history entry together); a ticket
 * changed by someone else since it was read is a ConflictError, never a lost update.
 */
export const ticketUseCases = ({ tickets, callbacks, clock }: TicketUseCaseDependencies) => {
  const change = async (
    ticket: Ticket,
    principal: Principal,
    { from, to, version, note, set, remove }: StatusChange,
  ): Promise<Ticket> => {
    if (version !== undefined && version !== ticket.version)
      throw new ConflictError('The ticket changed since you read it', {
        details: { reason: 'VERSION_MISMATCH', version: ticket.version },
      });
    if (!from.includes(ticket.status))
      throw new ConflictError(`The ticket is ${ticket.status}`, {
        details: { reason: 'WRONG_STATUS', status: ticket.status },
      });
    const at = clock().toISOString();
    try {
      return await tickets.changeStatus(
        {
          reference: ticket.reference,
          from: ticket.status,
          to,
          expectedVersion: ticket.version,
          at,
          by: actor(principal),
          note,
          set: set?.(ticket.version + 1, at),
          remove,
        },
        ticket,
      );
    } catch (error) {
      if (error instanceof StaleTicketError)
        throw new ConflictError('The ticket changed since you read it', {
          details: { reason: 'CONCURRENT_CHANGE' },
          cause: error,
        });
      throw error;
    }
  };

  /** A change the principal's role may make (`permission`) to a ticket it may see, as shown. */
  const changeVisible = async (
    reference: string,
    principal: Principal,
    permission: Permission,
    statusChange: StatusChange,
  ) =>
    shown(
      await change(
        await visibleTicket(tickets, reference, principal, permission),
        principal,
        statusChange,
      ),
    );
  return {
    async list(query: z.infer<typeof ListQuerySchema>, principal: Principal) {
      assertMay(principal, 'list');
      const agencyId = query.agencyId ?? principal.agencyId;
      if (!agencyId)
        throw new InvalidInputError('agencyId is required', {
          details: { reason: 'query.agencyId: required', fields: 'query.agencyId' },
        });
      assertInScope(principal, agencyId);
      try {
        const page = await tickets.pageByAgencyStatus(agencyId, query.status, query);
        return { ...page, tickets: page.tickets.map(shown) };
      } catch (error) {
        if (error instanceof InvalidCursorError)
          throw new InvalidInputError('The cursor is not one this listing gave', {
            details: {
              reason: 'query.cursor: not a cursor of this listing',
              fields: 'query.cursor',
            },
            cause: error,
          });
        throw error;
      }
    },

    async get(reference: string, principal: Principal) {
      // One round trip: the history is only returned once the ticket proves visible.
      const [ticket, history]: [Ticket, TicketHistoryEntry[]] = await Promise.all([
        visibleTicket(tickets, reference, principal, 'read'),
        tickets.history(reference),
      ]);
      return { ticket: shown(ticket), history };
    },

    async addNote(reference: string, note: string, principal: Principal) {
      const ticket = await visibleTicket(tickets, reference, principal, 'note');
      const entry: TicketHistoryEntry = {
        reference,
        at: clock().toISOString(),
        by: actor(principal),
        action: 'NOTE_ADDED',
        note,
      };
      await tickets.addHistory(entry);
      return { reference: ticket.reference, entry };
    },

    async acknowledge(
      reference: string,
      { note, version }: z.infer<typeof AcknowledgeBodySchema>,
      principal: Principal,
    ) {
      return changeVisible(reference, principal, 'acknowledge', {
        from: ['OPEN'],
        to: 'ACKNOWLEDGED',
        version,
        note,
        set: (_, at) => ({ acknowledgedAt: at }),
      });
    },

    async resolve(
      reference: string,
      { resolution, version }: z.infer<typeof ResolveBodySchema>,
      principal: Principal,
    ) {
      const ticket = await visibleTicket(tickets, reference, principal, 'resolve');
      const resolved = await change(ticket, principal, {
        from: OPEN_STATUSES,
        to: 'RESOLVED',
        version,
        note: resolution,
        set: (nextVersion, at) => ({
          resolution: { text: resolution, at, by: actor(principal) },
          ...(ticket.callbackNumber && {
            callback: {
              resolutionVersion: nextVersion,
              status: 'PENDING',
              attempts: 0,
              updatedAt: at,
            },
          }),
        }),
      });
      const withinSla = Date.parse(resolved.updatedAt) <= Date.parse(resolved.dueAt);
      metrics.addMetric('ComplaintsResolved', MetricUnit.Count, 1);
      if (withinSla) metrics.addMetric('ComplaintsResolvedWithinSla', MetricUnit.Count, 1);
      if (resolved.callback) {
        const { resolutionVersion } = resolved.callback;
        try {
          // The dialer clears the resolution's call-back outbox item when it receives this.
          await callbacks.send(firstCallback(reference, resolutionVersion, resolved.updatedAt));
        } catch (error) {
          // The resolution stands: its call-back outbox item (same transaction) is swept.
          logger.error('Call-back request not queued; the sweeper requests it', {
            reference,
            error,
          });
          metrics.addMetric('CallbackRequestFailed', MetricUnit.Count, 1);
        }
      }
      return shown(resolved);
    },

    async reopen(
      reference: string,
      { reason, version }: z.infer<typeof ReopenBodySchema>,
      principal: Principal,
    ) {
      return changeVisible(reference, principal, 'reopen', {
        from: CLOSED_STATUSES,
        to: 'OPEN',
        version,
        note: reason,
        remove: ['resolution', 'callback'],
      });
    },
  };
};

export type TicketUseCases = ReturnType<typeof ticketUseCases>;
