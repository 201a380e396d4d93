import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type {
  Actor,
  CreatedTicket,
  Ticket,
  TicketPriority,
  TicketRepository,
  TicketType,
} from '#shared/data/tickets.repository.ts';
import { ReferenceTakenError } from '#shared/data/tickets.repository.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import { logger, metrics } from '#shared/powertools.ts';
import { newReference as drawReference, type ReferenceKind } from '#shared/reference.ts';
import type { Language, Speech } from '#shared/speech/render.ts';
import { resolutionDue, slaPolicyFor } from './sla.ts';

/** What a use case decides about a new ticket; the opener adds reference, times, SLA and status. */
export interface TicketDraft {
  readonly type: TicketType;
  readonly priority: TicketPriority;
  readonly agencyId: string;
  readonly category: string;
  readonly serviceId?: string | undefined;
  readonly about?: Ticket['about'];
  readonly callbackNumber?: string | undefined;
  readonly lang: Language;
  readonly channel: Ticket['channel'];
  readonly description?: string | undefined;
  readonly createdBy: Actor;
  readonly contactId: string;
  /** At most one ticket of this kind per contact, e.g. `COMPLAINT`, `SERVICE_REQUEST#statement`. */
  readonly idempotencyKind: string;
}

export interface OpenedTicket extends CreatedTicket {
  /** Whether the SMS acknowledgement was handed to the notifier. */
  readonly acknowledged: boolean;
}

export interface TicketOpenerDependencies {
  readonly tickets: TicketRepository;
  readonly notifier: Notifier;
  readonly now: () => Date;
  readonly newReference?: (kind: ReferenceKind) => string;
}

const REFERENCE_KIND: Record<TicketType, ReferenceKind> = {
  COMPLAINT: 'complaint',
  SERVICE_REQUEST: 'serviceRequest',
};

const MAX_REFERENCE_DRAWS = 5;

/**
 * Opens tickets: draws a reference, sets the due time from the SLA policy, writes the ticket
 * with its CREATED history entry idempotently on the contact, and acknowledges by SMS with
 * the reference. A retried request gets the ticket the first one created (and the SMS again:
 * delivery is idempotent on the notification id).
 */
export const createTicketOpener =
  ({ tickets, notifier, now, newReference = drawReference }: TicketOpenerDependencies) =>
  async (draft: TicketDraft, acknowledgement: Speech): Promise<OpenedTicket> => {
    const createdAt = now();
    const policy = slaPolicyFor(draft.type, draft.priority);
    const { idempotencyKind, ...fields } = draft;
    let opened: CreatedTicket | undefined;
    for (let draw = 0; draw < MAX_REFERENCE_DRAWS && !opened; draw++) {
      const reference = newReference(REFERENCE_KIND[draft.type]);
      const ticket: Ticket = {
        schemaVersion: 1,
        reference,
        status: 'OPEN',
        ...fields,
        createdAt: createdAt.toISOString(),
        updatedAt: createdAt.toISOString(),
        dueAt: resolutionDue(createdAt, policy).toISOString(),
        slaPolicyId: policy.id,
        escalationLevel: 1,
        version: 1,
      };
      try {
        opened = await tickets.create(
          ticket,
          {
            reference,
            at: ticket.createdAt,
            by: draft.createdBy,
            action: 'CREATED',
            toStatus: 'OPEN',
          },
          { contactId: draft.contactId, kind: idempotencyKind },
        );
      } catch (error) {
        if (!(error instanceof ReferenceTakenError)) throw error;
      }
    }
    if (!opened) throw new Error(`No free ticket reference in ${MAX_REFERENCE_DRAWS} draws`);

    const { ticket } = opened;
    if (!ticket.callbackNumber) return { ...opened, acknowledged: false };
    try {
      await notifier.notify({
        id: `ticket-acknowledgement#${ticket.reference}`,
        channel: 'sms',
        to: ticket.callbackNumber,
        lang: ticket.lang,
        prompt: acknowledgement.prompt,
        vars: { ...acknowledgement.vars, reference: ticket.reference },
      });
      return { ...opened, acknowledged: true };
    } catch (error) {
      // The ticket stands; the caller still hears the reference. Alarmed on the metric.
      logger.error('Ticket acknowledgement not sent', { reference: ticket.reference, error });
      metrics.addMetric('TicketAcknowledgementFailed', MetricUnit.Count, 1);
      return { ...opened, acknowledged: false };
    }
  };

export type TicketOpener = ReturnType<typeof createTicketOpener>;
