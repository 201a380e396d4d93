import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Clock } from '#shared/clock.ts';
import {
  type CallbackState,
  StaleTicketError,
  type Ticket,
  type TicketHistoryEntry,
  type TicketRepository,
} from '#shared/data/tickets.repository.ts';
import { isOpen, nextOpening, type OpeningHours } from '#shared/hours.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import { logger, metrics } from '#shared/powertools.ts';
import {
  type CallbackMessage,
  type CallbackQueue,
  MAX_DELAY_SECONDS,
} from '#shared/tickets/callbacks.ts';
import type { CallbackPolicy } from '#shared/tickets/escalation-policy.ts';
import { DialerThrottledError, type OutboundDialer } from './outbound-dialer.ts';

/** Keeps one dialer instance under its share of Connect's StartOutboundVoiceContact rate. */
export interface Pacer {
  /** Resolves when the next call may be placed. */
  next(): Promise<void>;
}

/** At most one call per `intervalMs` from this container (with the mapping's maximum concurrency, the account's rate). */
export const intervalPacer = (intervalMs: number, sleep = defaultSleep): Pacer => {
  let last = 0;
  return {
    async next() {
      const wait = last + intervalMs - Date.now();
      if (wait > 0) await sleep(wait);
      last = Date.now();
    },
  };
};
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface CallBackDependencies {
  readonly tickets: TicketRepository;
  readonly dialer: OutboundDialer;
  readonly queue: CallbackQueue;
  readonly notifier: Notifier;
  /** The contact centre's opening hours: calls are placed only when agents can take them. */
  readonly hours: OpeningHours;
  readonly policy: CallbackPolicy;
  /** What the outbound flow's "press 1 for an agent" transfers to. */
  readonly agentQueue: string;
  readonly pacer: Pacer;
  readonly clock: Clock;
}

const SYSTEM = { kind: 'system', id: 'callback-dialer' } as const;
const MINUTE = 60_000;
const THROTTLE_BACKOFF_SECONDS = [5, 15, 30, 60] as const;

/**
 * Works the call-back queue: places attempt n of a resolved complaint's call-back within opening
 * hours, asks later whether it was answered, spaces the next attempt, and after the last
 * unanswered one texts the resolution. Every move of the call-back is recorded once on the
 * ticket (history) whatever the redeliveries; a message for a superseded resolution is dropped.
 */
export const callBack = (deps: CallBackDependencies) => {
  const { tickets, queue, clock } = deps;

  /** Holds a message back until `at` (SQS delays 15 minutes at most: longer waits hop). */
  const later = (message: CallbackMessage, at: Date, now: Date) =>
    queue.send(
      { ...message, notBefore: at.toISOString() },
      Math.min(MAX_DELAY_SECONDS, (at.getTime() - now.getTime()) / 1000),
    );

  const record = async (
    ticket: Ticket,
    from: CallbackState,
    to: Pick<CallbackState, 'status' | 'attempts'>,
    entry: Omit<TicketHistoryEntry, 'reference' | 'by'>,
    contactId?: string,
  ): Promise<boolean> => {
    try {
      await tickets.recordCallback({
        reference: ticket.reference,
        resolutionVersion: from.resolutionVersion,
        from: { status: from.status, attempts: from.attempts },
        to,
        contactId,
        entry: { reference: ticket.reference, by: SYSTEM, ...entry },
      });
      return true;
    } catch (error) {
      if (error instanceof StaleTicketError) return false;
      throw error;
    }
  };

  const handle = async (message: CallbackMessage): Promise<string> => {
    const now = clock();
    if (message.notBefore && Date.parse(message.notBefore) > now.getTime()) {
      await later(message, new Date(message.notBefore), now);
      return 'HELD';
    }
    const ticket = await tickets.get(message.reference);
    const callback = ticket?.callback;
    if (
      !ticket?.callbackNumber ||
      ticket.status !== 'RESOLVED' ||
      callback?.resolutionVersion !== message.resolutionVersion
    )
      return 'SUPERSEDED';

    if (message.kind === 'dial') {
      const expected = message.attempt === 1 ? 'PENDING' : 'UNANSWERED';
      if (callback.status !== expected || callback.attempts !== message.attempt - 1)
        return 'DUPLICATE';
      if (!isOpen(deps.hours, now)) {
        const opening = nextOpening(deps.hours, now);
        if (!opening) throw new Error('The contact centre does not open in the next 60 days');
        await later(message, opening, now);
        return 'WAITING_FOR_OPENING';
      }
      await deps.pacer.next();
      let contactId: string;
      try {
        ({ contactId } = await deps.dialer.place({
          clientToken: `${ticket.reference}-${callback.resolutionVersion}-${message.attempt}`,
          destination: ticket.callbackNumber,
          attributes: {
            lang: ticket.lang,
            callbackPrompt: 'complaints.resolved_callback',
            reference: ticket.reference,
            agentQueue: deps.agentQueue,
          },
          ringTimeoutSeconds: deps.policy.ringTimeoutSeconds,
        }));
      } catch (error) {
        if (!(error instanceof DialerThrottledError)) throw error;
        metrics.addMetric('CallbackThrottled', MetricUnit.Count, 1);
        const backoff =
          THROTTLE_BACKOFF_SECONDS[Math.floor(Math.random() * THROTTLE_BACKOFF_SECONDS.length)]!;
        await queue.send(message, backoff);
        return 'THROTTLED';
      }
      const placed = await record(
        ticket,
        callback,
        { status: 'CALLING', attempts: message.attempt },
        {
          at: now.toISOString(),
          action: 'CALLBACK_ATTEMPTED',
          details: { attempt: message.attempt, contactId },
        },
        contactId,
      );
      if (!placed) return 'DUPLICATE';
      metrics.addMetric('CallbackAttempts', MetricUnit.Count, 1);
      await later(
        { ...message, kind: 'check', contactId },
        new Date(now.getTime() + deps.policy.answerCheckAfterMin * MINUTE),
        now,
      );
      return 'CALLING';
    }

    // check: did attempt n get through? Re-entrant: a redelivery finishes what is left.
    if (callback.attempts !== message.attempt) return 'DUPLICATE';
    let state = callback;
    if (state.status === 'CALLING') {
      const outcome = await deps.dialer.outcome(message.contactId);
      if (outcome === 'IN_PROGRESS') {
        await later(message, new Date(now.getTime() + MINUTE), now);
        return 'RINGING';
      }
      const status = outcome === 'ANSWERED' ? 'ANSWERED' : 'UNANSWERED';
      await record(
        ticket,
        state,
        { status, attempts: message.attempt },
        {
          at: now.toISOString(),
          action: status === 'ANSWERED' ? 'CALLBACK_ANSWERED' : 'CALLBACK_UNANSWERED',
          details: { attempt: message.attempt, contactId: message.contactId },
        },
      );
      outcomeMetric(status);
      state = { ...state, status, updatedAt: now.toISOString() };
    }
    if (state.status !== 'UNANSWERED') return state.status;
    if (message.attempt < deps.policy.maxAttempts) {
      await later(
        {
          kind: 'dial',
          reference: ticket.reference,
          resolutionVersion: state.resolutionVersion,
          attempt: message.attempt + 1,
        },
        new Date(now.getTime() + deps.policy.attemptSpacingMin * MINUTE),
        now,
      );
      return 'RETRY_SCHEDULED';
    }
    await deps.notifier.notify({
      id: `callback-sms#${ticket.reference}#${state.resolutionVersion}`,
      channel: 'sms',
      to: ticket.callbackNumber,
      lang: ticket.lang,
      prompt: 'complaints.sms.resolved',
      vars: { reference: ticket.reference, resolution: ticket.resolution?.text ?? '' },
    });
    await record(
      ticket,
      state,
      { status: 'SMS_SENT', attempts: message.attempt },
      {
        at: now.toISOString(),
        action: 'CUSTOMER_NOTIFIED',
        details: { channel: 'sms', reason: 'call-back not answered', attempts: message.attempt },
      },
    );
    outcomeMetric('SMS_SENT');
    logger.info('Call-back not answered: resolution sent by SMS', {
      reference: ticket.reference,
    });
    return 'SMS_SENT';
  };

  return async (message: CallbackMessage): Promise<string> => {
    const outcome = await handle(message);
    // The first request reached the dialer (handled, or held in the queue): nothing to sweep.
    if (message.kind === 'dial' && message.attempt === 1 && message.resolvedAt)
      await tickets.clearPendingCallback({
        reference: message.reference,
        resolutionVersion: message.resolutionVersion,
        at: message.resolvedAt,
      });
    return outcome;
  };
};

const outcomeMetric = (outcome: string) => {
  const metric = metrics.singleMetric();
  metric.addDimension('Outcome', outcome);
  metric.addMetric('CallbackOutcome', MetricUnit.Count, 1);
};
