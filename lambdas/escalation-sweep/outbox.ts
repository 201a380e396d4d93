import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { logger, metrics } from '#shared/powertools.ts';

/** What a sweep of one outbox found and left. */
export interface OutboxSweepCounts {
  /** Entries found older than the grace period: the first attempt had not cleared them. */
  readonly pending: number;
  /** Entries whose action failed again (left for the next sweep). */
  readonly failed: number;
}

/** When an outbox entry has waited past the grace period: entries written before this. */
export const graceCutoff = (now: Date, graceMinutes: number): Date =>
  new Date(now.getTime() - graceMinutes * 60_000);

/**
 * Works through an outbox's overdue entries: `act` on each (true when it did something the
 * first attempt had missed), then `clear` the entry. An entry whose action or clearing fails
 * stays in the outbox for the next sweep, logged with `retried`. The counts are published as
 * `<metric>Recovered` and `<metric>Failed` (alarmed).
 */
export const drainOutbox = async <E extends { readonly reference: string }>(
  entries: readonly E[],
  {
    act,
    clear,
    retried,
    metric,
  }: {
    readonly act: (entry: E) => Promise<boolean>;
    readonly clear: (entry: E) => Promise<void>;
    readonly retried: string;
    readonly metric: string;
  },
): Promise<{ acted: number; failed: E[] }> => {
  let acted = 0;
  const failed: E[] = [];
  for (const entry of entries) {
    try {
      if (await act(entry)) acted++;
      await clear(entry);
    } catch (error) {
      failed.push(entry);
      logger.error(retried, { reference: entry.reference, error });
    }
  }
  metrics.addMetric(`${metric}Recovered`, MetricUnit.Count, acted);
  metrics.addMetric(`${metric}Failed`, MetricUnit.Count, failed.length);
  return { acted, failed };
};
