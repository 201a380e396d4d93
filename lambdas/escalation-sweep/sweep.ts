import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Clock } from '#shared/clock.ts';
import type { TicketRepository } from '#shared/data/tickets.repository.ts';
import { logger, metrics } from '#shared/powertools.ts';
import { type EscalationControl, escalationName } from '#shared/tickets/escalations.ts';
import * as z from '#shared/zod.ts';
import {
  type CallbackSweepDependencies,
  type CallbackSweepResult,
  sweepCallbackRequests,
} from './callback-sweep.ts';
import { drainOutbox, graceCutoff, type OutboxSweepCounts } from './outbox.ts';
import {
  purgeClosedTickets,
  type RetentionPurgeDependencies,
  type RetentionPurgeResult,
} from './retention-purge.ts';
import { SWEEP_GRACE_MINUTES } from './schedule.ts';

/** The schedule's payload: how long the stream consumer gets before the sweeper steps in. */
export const SweepInputSchema = z.object({
  graceMinutes: z._default(z.number().check(z.int(), z.gte(0)), SWEEP_GRACE_MINUTES),
});
export type SweepInput = z.input<typeof SweepInputSchema>;

export interface SweepDependencies {
  readonly tickets: TicketRepository;
  readonly escalations: EscalationControl;
  readonly clock: Clock;
}

export interface SweepResult extends OutboxSweepCounts {
  /** Executions this sweep started: the stream consumer had missed them. */
  readonly recovered: number;
  /** Minutes since the oldest complaint still waiting for its escalation was created (0 when none). */
  readonly oldestMinutes: number;
}

/**
 * The guarantee behind "every complaint is escalated": complaints are written with an
 * escalation outbox entry (same transaction), which the stream consumer removes once the
 * execution has started. Every few minutes this starts the execution of any entry older than
 * the grace period (the name is the reference, so one the consumer did start is refused as a
 * duplicate) and removes it. Alarmed on `EscalationStartsRecovered` and on the oldest entry's age.
 */
export const sweepEscalations =
  ({ tickets, escalations, clock }: SweepDependencies) =>
  async (input: SweepInput): Promise<SweepResult> => {
    const { graceMinutes } = SweepInputSchema.parse(input);
    const now = clock();
    const pending = await tickets.pendingEscalationStarts(graceCutoff(now, graceMinutes));
    const { acted: recovered, failed } = await drainOutbox(pending, {
      act: async (entry) => {
        const started = await escalations.start(escalationName(entry), {
          reference: entry.reference,
        });
        if (started)
          logger.warn('Escalation started by the sweeper', { reference: entry.reference });
        return started;
      },
      clear: (entry) => tickets.clearPendingEscalation(entry),
      retried: 'Escalation start failed; the next sweep retries',
      metric: 'EscalationStarts',
    });
    const oldestFailed = Math.min(
      now.getTime(),
      ...failed.map((entry) => Date.parse(entry.createdAt)),
    );
    const oldestMinutes = Math.max(0, Math.floor((now.getTime() - oldestFailed) / 60_000));
    metrics.addMetric('EscalationOutboxOldestMinutes', MetricUnit.Count, oldestMinutes);
    return { pending: pending.length, recovered, failed: failed.length, oldestMinutes };
  };

export type OutboxSweepDependencies = SweepDependencies &
  CallbackSweepDependencies &
  RetentionPurgeDependencies;

export interface OutboxSweepResult extends SweepResult {
  readonly callbacks: CallbackSweepResult;
  readonly retention: RetentionPurgeResult;
}

/**
 * One scheduled sweep of the Tickets table's outboxes: escalations to start, first call-back
 * requests to queue, closed tickets whose personal data has outlived the retention.
 */
export const sweepOutboxes = (deps: OutboxSweepDependencies) => {
  const escalationStarts = sweepEscalations(deps);
  const callbackRequests = sweepCallbackRequests(deps);
  const retention = purgeClosedTickets(deps);
  return async (input: SweepInput): Promise<OutboxSweepResult> => {
    const parsed = SweepInputSchema.parse(input);
    return {
      ...(await escalationStarts(parsed)),
      callbacks: await callbackRequests(parsed.graceMinutes),
      retention: await retention(),
    };
  };
};
