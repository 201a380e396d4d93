import { Duration, Stack } from 'aws-cdk-lib';
import {
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type HorizontalAnnotation,
  type IMetric,
  MathExpression,
  SingleValueWidget,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import {
  ANALYTICS_METRICS,
  ANALYTICS_SERVICE,
  type AnalyticsMetricName,
} from '#shared/analytics-metrics.ts';
import type { KpiTargets } from '#shared/kpi.ts';
import { METRICS_NAMESPACE } from '#shared/powertools.ts';
import type { AnalyticsConsumers } from './analytics-consumers.ts';
import {
  analyticsMetric,
  type ConnectQueues,
  FIFTEEN_MINUTES,
  longestQueueWait,
} from './analytics-metrics.ts';
import type { OperationsAlerts } from './operations-alerts.ts';

export interface AnalyticsDashboardProps {
  readonly consumers: AnalyticsConsumers;
  /** Calls answered within this many seconds count towards the service level. */
  readonly answerWithinSeconds: number;
  /** The Connect instance and its queues, whose longest wait is charted. */
  readonly connect: ConnectQueues;
  /** KPI targets (data/kpi-targets.json): the dashboard's target lines. */
  readonly targets: KpiTargets;
  /** Every platform alarm, shown in one status widget. */
  readonly alerts: OperationsAlerts;
}

/** The call counts charted per day and per hour, with their labels. */
const CALL_COUNTS: readonly (readonly [AnalyticsMetricName, string])[] = [
  [ANALYTICS_METRICS.callsReceived, 'Received'],
  [ANALYTICS_METRICS.callsHandled, 'Handled'],
  [ANALYTICS_METRICS.callsAbandoned, 'Abandoned'],
  [ANALYTICS_METRICS.selfServiceContained, 'Self-service contained'],
];
const line = (value: number, label: string): HorizontalAnnotation => ({ value, label });
const day = (name: AnalyticsMetricName, label: string) =>
  analyticsMetric(name, 'Sum', Duration.days(1)).with({ label });
const hourly = (name: AnalyticsMetricName, label: string) => analyticsMetric(name).with({ label });
const ratio = (expression: string, label: string, usingMetrics: Record<string, IMetric>) =>
  new MathExpression({ expression, usingMetrics, label, period: Duration.hours(1) });
const agentSearch = (statistic: string, label: string) =>
  new MathExpression({
    expression: `SEARCH('{${METRICS_NAMESPACE},Agent,service} MetricName="${ANALYTICS_METRICS.handleTime}" service="${ANALYTICS_SERVICE}"', '${statistic}', 86400)`,
    label,
    period: Duration.days(1),
  });

/**
 * The call-analytics dashboard: calls, service level and abandonment, queue wait, handle time
 * per agent, satisfaction, complaints, every platform alarm, and the consumers' health.
 */
export class AnalyticsDashboard extends Dashboard {
  constructor(scope: Construct, id: string, props: AnalyticsDashboardProps) {
    super(scope, id, {
      dashboardName: `${Stack.of(scope).stackName}-CallAnalytics`,
      defaultInterval: Duration.days(7),
    });
    const { targets, consumers } = props;
    this.addWidgets(
      new TextWidget({
        markdown:
          '# Huduma Contact Centre\nCalls, service level, handle time per agent, satisfaction and complaints. Daily and per-agent figures: `GET /reports/daily?date=` and `GET /reports/agents?date=`; Athena named queries in the analytics workgroup.',
        width: 24,
        height: 2,
      }),
    );
    this.addWidgets(
      new SingleValueWidget({
        title: 'Calls (dashboard period)',
        metrics: [
          ...CALL_COUNTS.map(([name, label]) => day(name, label)),
          day(ANALYTICS_METRICS.callbacksRequested, 'Call-backs requested'),
        ],
        setPeriodToTimeRange: true,
        width: 24,
        height: 4,
      }),
    );
    this.addWidgets(
      new GraphWidget({
        title: 'Calls per hour',
        left: CALL_COUNTS.map(([name, label]) => hourly(name, label)),
        width: 12,
        height: 6,
      }),
      new GraphWidget({
        title: `Service level (answered ≤ ${props.answerWithinSeconds} s) and abandonment, %`,
        left: [
          ratio('100 * inThreshold / queued', 'Service level (%)', {
            inThreshold: analyticsMetric(ANALYTICS_METRICS.callsAnsweredInThreshold),
            queued: analyticsMetric(ANALYTICS_METRICS.callsQueued),
          }),
          ratio('100 * abandoned / queued', 'Abandonment (%)', {
            abandoned: analyticsMetric(ANALYTICS_METRICS.callsAbandoned),
            queued: analyticsMetric(ANALYTICS_METRICS.callsQueued),
          }),
        ],
        leftAnnotations: [
          line(targets.serviceLevel.pct, 'Service level target'),
          line(targets.abandonmentRate.maxPct, 'Abandonment ceiling'),
        ],
        leftYAxis: { min: 0, max: 100 },
        width: 12,
        height: 6,
      }),
    );
    this.addWidgets(
      new GraphWidget({
        title: 'Queue wait (s)',
        left: [
          analyticsMetric(ANALYTICS_METRICS.answerTime, 'Average').with({ label: 'ASA' }),
          analyticsMetric(ANALYTICS_METRICS.queueWaitTime, 'Maximum').with({
            label: 'Longest wait of a finished call',
          }),
          longestQueueWait(props.connect),
        ],
        leftAnnotations: [line(targets.asa.maxSeconds, 'ASA target')],
        width: 12,
        height: 6,
      }),
      new GraphWidget({
        title: 'Handle time per agent (talk + hold + ACW, s)',
        left: [agentSearch('Average', 'Average'), agentSearch('Maximum', 'Maximum')],
        width: 12,
        height: 6,
      }),
    );
    this.addWidgets(
      new GraphWidget({
        title: 'Customer satisfaction',
        left: [
          ratio('100 * satisfied / csatResponses', 'CSAT (% 4-5)', {
            satisfied: analyticsMetric(ANALYTICS_METRICS.csatSatisfied),
            csatResponses: analyticsMetric(ANALYTICS_METRICS.csatResponses),
          }),
          ratio('100 * (promoters - detractors) / npsResponses', 'NPS', {
            promoters: analyticsMetric(ANALYTICS_METRICS.npsPromoters),
            detractors: analyticsMetric(ANALYTICS_METRICS.npsDetractors),
            npsResponses: analyticsMetric(ANALYTICS_METRICS.npsResponses),
          }),
        ],
        leftAnnotations: [
          line(targets.csat.pct, 'CSAT target'),
          line(targets.nps.min, 'NPS target'),
        ],
        leftYAxis: { min: -100, max: 100 },
        width: 12,
        height: 6,
      }),
      new GraphWidget({
        title: 'Complaints',
        left: [
          hourly(ANALYTICS_METRICS.complaintsOpened, 'Opened'),
          hourly(ANALYTICS_METRICS.complaintsResolved, 'Resolved'),
          hourly(ANALYTICS_METRICS.complaintsBreached, 'Resolved late'),
        ],
        right: [
          analyticsMetric(ANALYTICS_METRICS.complaintsOverdue, 'Maximum', FIFTEEN_MINUTES).with({
            label: 'Open past deadline',
          }),
        ],
        width: 12,
        height: 6,
      }),
    );
    // The list is read when the dashboard is synthesized: alarms added later appear too.
    this.addWidgets(
      new AlarmStatusWidget({
        title: 'Alarms',
        alarms: props.alerts.alarms,
        width: 24,
        height: 6,
      }),
    );
    this.addWidgets(
      this.errorsWidget('Call-log writer', consumers.callLogWriter),
      this.errorsWidget('Complaint metrics', consumers.complaintMetrics),
      new GraphWidget({
        title: 'Call-log writer',
        left: [
          consumers.callLogWriter.metric('IteratorAge', { statistic: 'Maximum' }),
          consumers.deadLetters.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' }),
        ],
        right: [
          analyticsMetric(ANALYTICS_METRICS.contactRecordsWritten, 'Sum', Duration.minutes(5)),
          analyticsMetric(ANALYTICS_METRICS.staleContactRecords, 'Sum', Duration.minutes(5)),
        ],
        width: 12,
        height: 6,
      }),
    );
  }

  /** Charts another analytics function's errors (e.g. the reports API). */
  chartErrors(name: string, fn: IFunction): void {
    this.addWidgets(this.errorsWidget(name, fn));
  }

  private errorsWidget(name: string, fn: IFunction) {
    return new GraphWidget({
      title: `${name}: errors`,
      left: [fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' })],
      width: 6,
      height: 6,
    });
  }
}
