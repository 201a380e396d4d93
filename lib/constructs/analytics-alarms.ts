import { Duration } from 'aws-cdk-lib';
import { Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { Construct } from 'constructs';
import type { KpiTargets } from '#shared/kpi.ts';
import type { AnalyticsConsumers } from './analytics-consumers.ts';
import {
  abandonmentRate,
  type ConnectQueues,
  complaintsPastDeadline,
  FIFTEEN_MINUTES,
  longestQueueWait,
} from './analytics-metrics.ts';
import type { OperationsAlerts } from './operations-alerts.ts';

export interface AnalyticsAlarmsProps {
  /** The functions whose backlog and dead letters are watched. */
  readonly consumers: AnalyticsConsumers;
  /** The Connect instance and its queues, whose longest wait the expected-wait alarm watches. */
  readonly connect: ConnectQueues;
  /** KPI targets (data/kpi-targets.json): alarm thresholds. */
  readonly targets: KpiTargets;
  /** The operations topic every alarm notifies. */
  readonly alerts: OperationsAlerts;
  /**
   * Calls queued in an hour below which the abandonment alarm does not judge the rate
   * (one hang-up of two calls at 07:00 is not a trend).
   * @default 10
   */
  readonly minimumQueuedForAbandonment?: number;
}

/**
 * Alarms on the contact centre's KPIs (expected wait, abandonment, complaint SLA) and on the
 * analytics consumers falling behind or giving records up, all to the operations topic. Every
 * function's errors are alarmed by the operations alerts themselves.
 */
export class AnalyticsAlarms extends Construct {
  constructor(scope: Construct, id: string, props: AnalyticsAlarmsProps) {
    super(scope, id);
    const { alerts, targets, consumers } = props;
    alerts.alarm(this, 'ExpectedWaitAboveTargetAlarm', {
      metric: longestQueueWait(props.connect),
      threshold: targets.asa.maxSeconds,
      description: `A caller has waited more than ${targets.asa.maxSeconds} s in a queue for 15 minutes (ASA target)`,
      periods: 3,
    });
    alerts.alarm(this, 'AbandonmentAboveTargetAlarm', {
      metric: abandonmentRate(props.minimumQueuedForAbandonment ?? 10),
      threshold: targets.abandonmentRate.maxPct,
      description: `More than ${targets.abandonmentRate.maxPct} % of queued calls were abandoned in the last hour`,
    });
    // Connect turns calls away above the instance's concurrent-call quota (10 by default): the
    // first limit a busy day reaches (docs/analytics.md, a national crisis day).
    alerts.alarm(this, 'CallsThrottledAlarm', {
      metric: new Metric({
        namespace: 'AWS/Connect',
        metricName: 'ThrottledCalls',
        dimensionsMap: { InstanceId: props.connect.instanceId, MetricGroup: 'VoiceCalls' },
        statistic: 'Sum',
        period: Duration.minutes(5),
      }),
      threshold: 0,
      description:
        'Connect rejected calls above the concurrent active calls quota: request an increase (Service Quotas L-12AB7C57)',
    });
    alerts.alarm(this, 'ComplaintSlaBreachedAlarm', {
      metric: complaintsPastDeadline(),
      threshold: 0,
      description:
        'A complaint is past its resolution deadline (72 h standard), or was resolved after it',
    });
    alerts.alarm(this, 'CallLogWriterBehindAlarm', {
      metric: consumers.callLogWriter.metric('IteratorAge', {
        statistic: 'Maximum',
        period: Duration.minutes(5),
      }),
      threshold: FIFTEEN_MINUTES.toMilliseconds(),
      description: 'Call logs are more than 15 minutes behind the contact-record stream',
      periods: 3,
    });
    alerts.alarm(this, 'DeadLettersAlarm', {
      metric: consumers.deadLetters.metricApproximateNumberOfMessagesVisible({
        statistic: 'Maximum',
        period: Duration.minutes(5),
      }),
      threshold: 0,
      description:
        'A contact trace record or ticket change could not be processed after retries: see the dead-letter queue',
    });
  }
}
