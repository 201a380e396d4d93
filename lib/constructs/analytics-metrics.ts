import { Duration } from 'aws-cdk-lib';
import { MathExpression, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import {
  ANALYTICS_METRICS,
  ANALYTICS_SERVICE,
  type AnalyticsMetricName,
} from '#shared/analytics-metrics.ts';
import { METRICS_NAMESPACE } from '#shared/powertools.ts';

/** The complaint SLA sweep's rate, and the period complaint alarms and lines are judged over. */
export const FIFTEEN_MINUTES = Duration.minutes(15);

/** The Connect instance and its queues, whose longest wait is watched. */
export interface ConnectQueues {
  readonly instanceId: string;
  readonly queueNames: readonly string[];
}

/** A business metric (service `huduma-analytics`), summed unless said otherwise. */
export const analyticsMetric = (
  name: AnalyticsMetricName,
  statistic = 'Sum',
  period = Duration.hours(1),
): Metric =>
  new Metric({
    namespace: METRICS_NAMESPACE,
    metricName: name,
    dimensionsMap: { service: ANALYTICS_SERVICE },
    statistic,
    period,
  });

/** The longest wait in any of the instance's queues right now (Connect's own metric). */
export const longestQueueWait = ({ instanceId, queueNames }: ConnectQueues): MathExpression => {
  const queues = Object.fromEntries(
    queueNames.map((queueName, index) => [
      `q${index}`,
      new Metric({
        namespace: 'AWS/Connect',
        metricName: 'LongestQueueWaitTime',
        dimensionsMap: { InstanceId: instanceId, MetricGroup: 'Queue', QueueName: queueName },
        statistic: 'Maximum',
        period: Duration.minutes(5),
      }),
    ]),
  );
  return new MathExpression({
    expression: `MAX([${Object.keys(queues).join(', ')}])`,
    usingMetrics: queues,
    label: 'Longest wait in queue (s)',
    period: Duration.minutes(5),
  });
};

/** Abandoned calls as a share of queued ones, judged only once `minimumQueued` calls queued in the hour. */
export const abandonmentRate = (minimumQueued: number): MathExpression =>
  new MathExpression({
    expression: `IF(queued >= ${minimumQueued}, 100 * abandoned / queued, 0)`,
    usingMetrics: {
      queued: analyticsMetric(ANALYTICS_METRICS.callsQueued),
      abandoned: analyticsMetric(ANALYTICS_METRICS.callsAbandoned),
    },
    label: 'Abandonment rate (%)',
    period: Duration.hours(1),
  });

/** Complaints open past their deadline plus those resolved after it, per quarter hour. */
export const complaintsPastDeadline = (): MathExpression =>
  new MathExpression({
    expression: 'FILL(overdue, 0) + FILL(breached, 0)',
    usingMetrics: {
      overdue: analyticsMetric(ANALYTICS_METRICS.complaintsOverdue, 'Maximum', FIFTEEN_MINUTES),
      breached: analyticsMetric(ANALYTICS_METRICS.complaintsBreached, 'Sum', FIFTEEN_MINUTES),
    },
    label: 'Complaints past their resolution deadline',
    period: FIFTEEN_MINUTES,
  });
