import type { Clock } from '#shared/clock.ts';
import type { TicketRepository } from '#shared/data/tickets.repository.ts';
import { logger } from '#shared/powertools.ts';
import { type CallbackQueue, firstCallback } from '#shared/tickets/callbacks.ts';
import { drainOutbox, graceCutoff, type OutboxSweepCounts } from './outbox.ts';

export interface CallbackSweepDependencies {
  readonly tickets: Pick<TicketRepository, 'pendingCallbackRequests' | 'clearPendingCallback'>;
  readonly callbacks: CallbackQueue;
  readonly clock: Clock;
}

export interface CallbackSweepResult extends OutboxSweepCounts {
  /** First call-back requests this sweep queued. */
  readonly requested: number;
}

/**
 * The guarantee behind "every resolution is called back": the resolving transaction writes a
 * call-back outbox entry, which the dialer removes when it receives the first request. Every
 * few minutes this queues the first request of any entry older than the grace period and
 * removes it. A request the API did queue is a duplicate the dialer drops (it moves the
 * call-back state conditionally), and one for a resolution since reopened is superseded.
 */
export const sweepCallbackRequests =
  ({ tickets, callbacks, clock }: CallbackSweepDependencies) =>
  async (graceMinutes: number): Promise<CallbackSweepResult> => {
    const pending = await tickets.pendingCallbackRequests(graceCutoff(clock(), graceMinutes));
    const { acted: requested, failed } = await drainOutbox(pending, {
      act: async (entry) => {
        await callbacks.send(firstCallback(entry.reference, entry.resolutionVersion, entry.at));
        logger.warn('Call-back requested by the sweeper', { reference: entry.reference });
        return true;
      },
      clear: (entry) => tickets.clearPendingCallback(entry),
      retried: 'Call-back request failed; the next sweep retries',
      metric: 'CallbackRequests',
    });
    return { pending: pending.length, requested, failed: failed.length };
  };
