import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { TicketRepository } from '#shared/data/tickets.repository.ts';
import { logger, metrics } from '#shared/powertools.ts';
import { type EscalationControl, escalationName } from '#shared/tickets/escalations.ts';
import type { TicketChange } from '#shared/tickets/ticket-events.ts';

export interface OnTicketChangeDependencies {
  readonly tickets: TicketRepository;
  readonly escalations: EscalationControl;
}

/**
 * Drives escalations from the Tickets stream: a new complaint starts its execution (named by
 * the reference, so a redelivered record or the sweeper's start is refused as a duplicate) and
 * leaves the escalation outbox; a resolved or closed complaint wakes its waiting execution; a
 * reopened one starts a new execution from where the last one stopped. Failures throw, so the
 * record is retried (then kept for the sweeper).
 */
export const onTicketChange =
  ({ tickets, escalations }: OnTicketChangeDependencies) =>
  async (change: TicketChange): Promise<void> => {
    switch (change.kind) {
      case 'created': {
        const { ticket } = change;
        const started = await escalations.start(escalationName(ticket), {
          reference: ticket.reference,
        });
        if (started) metrics.addMetric('ComplaintsOpened', MetricUnit.Count, 1);
        await tickets.clearPendingEscalation(ticket);
        logger.info('Escalation started', { reference: ticket.reference, duplicate: !started });
        return;
      }
      case 'closed': {
        const { ticket } = change;
        if (ticket.escalationTaskToken) await escalations.wake(ticket.escalationTaskToken);
        logger.info('Escalation woken by resolution', { reference: ticket.reference });
        return;
      }
      case 'reopened': {
        const { ticket } = change;
        await escalations.start(escalationName(ticket, ticket.version), {
          reference: ticket.reference,
        });
        metrics.addMetric('ComplaintsReopened', MetricUnit.Count, 1);
        logger.info('Escalation restarted on reopening', { reference: ticket.reference });
        return;
      }
      case 'other':
        return;
    }
  };
