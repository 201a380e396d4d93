import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Clock } from '#shared/clock.ts';
import type { PurgeOutcome, TicketRepository } from '#shared/data/tickets.repository.ts';
import { logger, metrics } from '#shared/powertools.ts';

export interface RetentionPurgeDependencies {
  readonly tickets: Pick<TicketRepository, 'dueForRetention' | 'purgePersonalData'>;
  readonly clock: Clock;
  /** Days a closed ticket keeps its call-back number and free text (environment config). */
  readonly retentionDays: number;
}

export type RetentionPurgeResult = Readonly<Record<PurgeOutcome, number>> & {
  /** Entries whose purge failed (left for the next sweep). */
  readonly failed: number;
};

const DAY = 86_400_000;

/**
 * Storage limitation (Kenya Data Protection Act 2019, s. 25(e), docs/data-model.md): drops the
 * call-back number, description, resolution text and history notes of every ticket closed for
 * longer than the retention. Tickets reopened since are left alone; a batch at a time, oldest
 * first, so a backlog drains over successive sweeps.
 */
export const purgeClosedTickets =
  ({ tickets, clock, retentionDays }: RetentionPurgeDependencies) =>
  async (): Promise<RetentionPurgeResult> => {
    const now = clock();
    const cutoff = new Date(now.getTime() - retentionDays * DAY);
    const counts: Record<PurgeOutcome | 'failed', number> = {
      PURGED: 0,
      REOPENED: 0,
      RESCHEDULED: 0,
      CHANGED: 0,
      GONE: 0,
      failed: 0,
    };
    for (const entry of await tickets.dueForRetention(cutoff)) {
      try {
        counts[await tickets.purgePersonalData(entry, cutoff, now)]++;
      } catch (error) {
        counts.failed++;
        logger.error('Retention purge failed; the next sweep retries', {
          reference: entry.reference,
          error,
        });
      }
    }
    metrics.addMetric('TicketsPersonalDataPurged', MetricUnit.Count, counts.PURGED);
    metrics.addMetric('TicketPurgesFailed', MetricUnit.Count, counts.failed);
    return counts;
  };
