import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Clock } from '#shared/clock.ts';
import {
  CLOSED_STATUSES,
  StaleTicketError,
  type Ticket,
  type TicketAction,
  type TicketRepository,
} from '#shared/data/tickets.repository.ts';
import { localTime } from '#shared/hours.ts';
import type { Notification, Notifier } from '#shared/notifications/notifier.ts';
import { logger, metrics } from '#shared/powertools.ts';
import { type CallbackQueue, firstCallback } from '#shared/tickets/callbacks.ts';
import {
  type ContactCentreContacts,
  contactsFor,
  type EscalationPolicy,
  escalationPolicyFor,
  type RecipientRole,
} from '#shared/tickets/escalation-policy.ts';
import * as z from '#shared/zod.ts';

export const EscalateInputSchema = z.object({
  operation: z.literal('step'),
  reference: z.string().check(z.regex(/^\d{8}$/)),
});
export type EscalateInput = z.infer<typeof EscalateInputSchema>;

/** What the state machine branches on: stop, or wait `waitSeconds` (or until woken) and come back. */
export interface EscalateResult {
  readonly reference: string;
  readonly done: boolean;
  /** Why it is done, or what it waits for next (a step id or `watch`). */
  readonly reason: string;
  readonly waitSeconds: number;
  readonly wakeAt?: string;
}

export interface EscalateDependencies {
  readonly tickets: TicketRepository;
  readonly notifier: Notifier;
  readonly callbacks: CallbackQueue;
  readonly contacts: ContactCentreContacts;
  readonly clock: Clock;
  /** The contact centre's time zone: due dates in messages are local dates. */
  readonly timeZone: string;
}

const MINUTE = 60_000;
const HOUR = 3_600_000;
const SYSTEM = { kind: 'system', id: 'escalation' } as const;

const done = (reference: string, reason: string): EscalateResult => ({
  reference,
  done: true,
  reason,
  waitSeconds: 0,
});

const waitUntil = (reference: string, reason: string, at: number, now: Date): EscalateResult => ({
  reference,
  done: false,
  reason,
  wakeAt: new Date(at).toISOString(),
  // Step Functions times out a task after at least 1 s; whole seconds, never early.
  waitSeconds: Math.max(1, Math.ceil((at - now.getTime()) / 1000)),
});

/**
 * One turn of a complaint's escalation (the state machine's task): re-reads the ticket; when it
 * is resolved or closed, ends (making sure its call-back was requested); otherwise carries out
 * every escalation step now due (notifications first, idempotent on their ids, then the step is
 * recorded once with its history entry), after the last step reminds about the breach every
 * `watch.everyMin`, and says when to come back.
 */
export const escalate =
  ({ tickets, notifier, callbacks, contacts, clock, timeZone }: EscalateDependencies) =>
  async ({ reference }: EscalateInput): Promise<EscalateResult> => {
    const now = clock();
    const ticket = await tickets.get(reference);
    if (!ticket) {
      logger.error('Escalation of a ticket that does not exist', { reference });
      return done(reference, 'NOT_FOUND');
    }
    if (CLOSED_STATUSES.includes(ticket.status)) {
      await requestCallbackAgain(ticket, callbacks);
      return done(reference, ticket.status);
    }
    const policy = escalationPolicyFor(ticket.slaPolicyId);
    if (!policy) return done(reference, 'NO_ESCALATION_POLICY');

    const createdAt = Date.parse(ticket.createdAt);
    const notifyAll = (roles: readonly RecipientRole[], prompt: string, key: string, vars: Vars) =>
      Promise.all(
        roles
          .flatMap((role) =>
            contactsFor(role, ticket.agencyId, contacts).flatMap((contact) =>
              messagesTo(contact, `escalation#${reference}#${key}#${role}`, prompt, vars),
            ),
          )
          .map((notification) => notifier.notify(notification)),
      );

    let step = ticket.escalationStep ?? 0;
    let level = ticket.escalationLevel;
    try {
      while (step < policy.steps.length) {
        const next = policy.steps[step]!;
        if (createdAt + next.afterMin * MINUTE > now.getTime()) break;
        await notifyAll(
          next.notify,
          next.prompt,
          next.id,
          messageVars(ticket, next.afterMin, timeZone),
        );
        const action: TicketAction = next.breach
          ? 'BREACHED'
          : step === 0
            ? 'AGENCY_NOTIFIED'
            : next.level > level
              ? 'ESCALATED'
              : 'REMINDER_SENT';
        await tickets.recordEscalationStep({
          reference,
          fromStep: step,
          toStep: step + 1,
          level: next.level,
          breachedAt: next.breach ? now.toISOString() : undefined,
          entry: {
            reference,
            at: now.toISOString(),
            by: SYSTEM,
            action,
            details: { step: next.id, level: next.level, notified: next.notify.join(',') },
          },
        });
        metrics.addMetric(`EscalationStep_${next.id}`, MetricUnit.Count, 1);
        if (action === 'ESCALATED') metrics.addMetric('ComplaintsEscalated', MetricUnit.Count, 1);
        if (next.breach) {
          metrics.addMetric('ComplaintsBreached', MetricUnit.Count, 1);
          logger.warn('Complaint breached its resolution deadline', {
            reference,
            agencyId: ticket.agencyId,
          });
        }
        logger.info('Escalation step carried out', { reference, step: next.id });
        step++;
        level = next.level;
      }
      if (step < policy.steps.length) {
        const next = policy.steps[step]!;
        return waitUntil(reference, next.id, createdAt + next.afterMin * MINUTE, now);
      }
      return await watch(ticket, policy, now, notifyAll);
    } catch (error) {
      // Resolved (or recorded) meanwhile: come back at once and decide on what is there now.
      if (error instanceof StaleTicketError) return waitUntil(reference, 'changed', 0, now);
      throw error;
    }

    async function watch(
      current: Ticket,
      { steps, watch: cadence }: EscalationPolicy,
      at: Date,
      notify: typeof notifyAll,
    ): Promise<EscalateResult> {
      const base = createdAt + steps[steps.length - 1]!.afterMin * MINUTE;
      const every = cadence.everyMin * MINUTE;
      const slot = base + Math.floor((at.getTime() - base) / every) * every;
      const last = current.lastWatchAt ? Date.parse(current.lastWatchAt) : base;
      if (slot > last) {
        const slotAt = new Date(slot).toISOString();
        const hours = Math.round((slot - createdAt) / HOUR);
        await notify(cadence.notify, cadence.prompt, `watch#${slotAt}`, {
          ...messageVars(current, 0, timeZone),
          hours,
        });
        await tickets.recordWatch(reference, current.lastWatchAt, {
          reference,
          at: slotAt,
          by: SYSTEM,
          action: 'OVERDUE_REMINDER_SENT',
          details: { hoursOpen: hours, notified: cadence.notify.join(',') },
        });
      }
      return waitUntil(reference, 'watch', slot + every, at);
    }
  };

type Vars = Record<string, string | number>;

/** The values every escalation message speaks of: the reference, what it is about, the due date. */
const messageVars = (ticket: Ticket, afterMin: number, timeZone: string): Vars => ({
  reference: ticket.reference,
  category: `complaints.category.${ticket.category}`,
  date: localTime(new Date(ticket.dueAt), timeZone).date,
  hours: Math.round(afterMin / 60),
});

const messagesTo = (
  contact: ReturnType<typeof contactsFor>[number],
  id: string,
  prompt: string,
  vars: Vars,
): Notification[] => [
  ...(contact.email
    ? [
        {
          id: `${id}#email`,
          channel: 'email' as const,
          to: contact.email,
          lang: contact.lang,
          prompt,
          subjectPrompt: `${prompt}.subject`,
          vars,
        },
      ]
    : []),
  ...(contact.sms
    ? [
        {
          id: `${id}#sms`,
          channel: 'sms' as const,
          to: contact.sms,
          lang: contact.lang,
          prompt,
          vars,
        },
      ]
    : []),
];

/**
 * The resolve use case queues the call-back as it resolves; if that send failed after the
 * resolution was written, the escalation's last turn queues it again. Duplicates are harmless:
 * the dialer places each attempt once (ClientToken, conditional attempt count).
 */
const requestCallbackAgain = async (ticket: Ticket, callbacks: CallbackQueue) => {
  const { callback } = ticket;
  if (ticket.status !== 'RESOLVED' || callback?.status !== 'PENDING') return;
  await callbacks.send(firstCallback(ticket.reference, callback.resolutionVersion));
};
