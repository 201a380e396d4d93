import { Duration, Stack } from 'aws-cdk-lib';
import {
  type Alarm,
  AlarmStatusWidget,
  Dashboard,
  GraphWidget,
  type HorizontalAnnotation,
  type IMetric,
  MathExpression,
  Metric,
  SingleValueWidget,
  TextWidget,
} from 'aws-cdk-lib/aws-cloudwatch';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IStream } from 'aws-cdk-lib/aws-kinesis';
import { Key } from 'aws-cdk-lib/aws-kms';
import {
  type CfnFunction,
  FilterCriteria,
  FilterRule,
  type IEventSourceDlq,
  type IFunction,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import {
  ANALYTICS_METRICS,
  ANALYTICS_SERVICE,
  type AnalyticsMetricName,
} from '../../lambdas/shared/analytics-metrics.ts';
import { callLogsTable, ticketsTable } from '../../lambdas/shared/data/tables.ts';
import type { KpiTargets } from '../../lambdas/shared/kpi.ts';
import { METRICS_NAMESPACE } from '../../lambdas/shared/powertools.ts';
import { grantStreamReadByArn } from './data-tables.ts';
import { PlatformFunction } from './flow-function.ts';
import type { OperationsAlerts } from './operations-alerts.ts';
import { deadLetterQueue, EncryptedQueueDestination } from './queues.ts';

export interface CallAnalyticsProps {
  /** The contact-record stream Connect writes CTRs to (KMS-encrypted). */
  readonly contactRecordStream: IStream;
  readonly callLogsTable: TableV2;
  /** Tickets, with its stream: complaints opened, resolved and breached. */
  readonly ticketsTable: TableV2;
  /** Days a call log lives (TTL). */
  readonly callLogRetentionDays: number;
  /** The contact centre's time zone: a contact's day is its calendar date there. */
  readonly timeZone: string;
  /** Calls answered within this many seconds count towards the service level. */
  readonly answerWithinSeconds: number;
  /** The Connect instance and its queues, whose longest wait the expected-wait alarm watches. */
  readonly connect: { readonly instanceId: string; readonly queueNames: readonly string[] };
  /** KPI targets (data/kpi-targets.json): alarm thresholds and dashboard lines. */
  readonly targets: KpiTargets;
  readonly logRetention: RetentionDays;
  /** The operations topic every alarm notifies. */
  readonly alerts: OperationsAlerts;
  /**
   * Calls queued in an hour below which the abandonment alarm does not judge the rate
   * (one hang-up of two calls at 07:00 is not a trend).
   * @default 10
   */
  readonly minimumQueuedForAbandonment?: number;
}

const FIFTEEN_MINUTES = Duration.minutes(15);

/**
 * Call analytics: the call-log writer consuming the contact-record stream, the complaint
 * metrics function (Tickets stream and a 15-minute SLA sweep), the business metrics they emit
 * (EMF, lambdas/shared/analytics-metrics.ts), a CloudWatch dashboard of those metrics, and
 * alarms on expected wait, abandonment, complaint SLA breaches, handler errors and the
 * dead-letter queue, all to the operations topic.
 */
export class CallAnalytics extends Construct {
  /** Encrypts the dead-letter queue. */
  readonly key: Key;
  /** Records the consumers gave up on (after retries): inspect, fix, replay. */
  readonly deadLetters: Queue;
  readonly callLogWriter: PlatformFunction;
  readonly complaintMetrics: PlatformFunction;
  readonly dashboard: Dashboard;

  // Read when the dashboard is synthesized, so alarms and functions monitored later appear too.
  private readonly alarmList: Alarm[] = [];
  private readonly healthWidgets: GraphWidget[] = [];
  private readonly alerts: OperationsAlerts;

  constructor(scope: Construct, id: string, props: CallAnalyticsProps) {
    super(scope, id);
    this.alerts = props.alerts;
    this.key = new Key(this, 'Key', {
      description: 'Encrypts Huduma call-analytics dead letters',
      enableKeyRotation: true,
    });
    // EventBridge sends a sweep it could not deliver to the encrypted dead-letter queue.
    this.key.addToResourcePolicy(
      new PolicyStatement({
        principals: [new ServicePrincipal('events.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey'],
        resources: ['*'],
        conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(this).account } },
      }),
    );
    this.deadLetters = deadLetterQueue(
      this,
      'DeadLetters',
      this.key,
      'the analytics stream consumers (their on-failure destination)',
    );
    const onFailure = new EncryptedQueueDestination(this.deadLetters, this.key);

    this.callLogWriter = this.createCallLogWriter(props, onFailure);
    this.complaintMetrics = this.createComplaintMetrics(props, onFailure);
    this.createAlarms(props);
    this.dashboard = this.createDashboard(props);
  }

  /** Adds an error alarm and a dashboard line for another analytics function (e.g. the reports API). */
  monitor(name: string, fn: IFunction): void {
    const errors = fn.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' });
    this.alarm(`${name}Errors`, errors, 0, `${name}: the function failed`);
    const widget = new GraphWidget({
      title: `${name}: errors`,
      left: [errors],
      width: 6,
      height: 6,
    });
    if (this.dashboard) this.dashboard.addWidgets(widget);
    else this.healthWidgets.push(widget);
  }

  private createCallLogWriter(props: CallAnalyticsProps, onFailure: IEventSourceDlq) {
    const writer = new PlatformFunction(this, 'CallLogWriter', {
      handler: 'call-logs',
      description: 'Writes one call log per contact from Connect contact trace records (Kinesis)',
      logRetention: props.logRetention,
      timeout: Duration.seconds(60),
      environment: {
        CALL_LOG_RETENTION_DAYS: String(props.callLogRetentionDays),
        TIME_ZONE: props.timeZone,
        ANSWER_WITHIN_SECONDS: String(props.answerWithinSeconds),
      },
    }).bindTable(callLogsTable, props.callLogsTable, 'update');
    props.contactRecordStream.grantRead(writer);
    writer.addEventSourceMapping('ContactRecords', {
      eventSourceArn: props.contactRecordStream.streamArn,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      maxBatchingWindow: Duration.seconds(5),
      // A national-crisis day: several batches of a shard at once (order is kept per ContactId).
      parallelizationFactor: 2,
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      retryAttempts: 5,
      maxRecordAge: Duration.days(1),
      onFailure,
    });
    return writer;
  }

  private createComplaintMetrics(props: CallAnalyticsProps, onFailure: IEventSourceDlq) {
    const fn = new PlatformFunction(this, 'ComplaintMetrics', {
      handler: 'complaint-metrics',
      description:
        'Complaint metrics: opened, resolved and breached (Tickets stream); overdue (every 15 minutes)',
      logRetention: props.logRetention,
      timeout: Duration.seconds(60),
      invocation: 'asynchronous',
    }).bindTable(ticketsTable, props.ticketsTable, 'read');
    // A sweep that fails after Lambda's retries lands in the dead-letter queue (alarmed).
    (fn.node.defaultChild as CfnFunction).deadLetterConfig = {
      targetArn: this.deadLetters.queueArn,
    };
    // Sending to it is granted by the stream mapping's on-failure destination below.
    const streamArn = grantStreamReadByArn(props.ticketsTable, fn, 'Complaint metrics');
    fn.addEventSourceMapping('TicketChanges', {
      eventSourceArn: streamArn,
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: 100,
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      retryAttempts: 5,
      maxRecordAge: Duration.days(1),
      onFailure,
      filters: [
        FilterCriteria.filter({
          eventName: FilterRule.or('INSERT', 'MODIFY'),
          dynamodb: {
            NewImage: {
              entity: { S: FilterRule.isEqual('TICKET') },
              type: { S: FilterRule.isEqual('COMPLAINT') },
            },
          },
        }),
      ],
    });
    new Rule(this, 'ComplaintSlaSweep', {
      description: 'Counts open complaints past their due time (ComplaintsOverdue)',
      schedule: Schedule.rate(FIFTEEN_MINUTES),
      // A missed sweep is superseded by the next one a quarter of an hour later.
      targets: [
        new LambdaFunction(fn, {
          retryAttempts: 2,
          maxEventAge: FIFTEEN_MINUTES,
          deadLetterQueue: this.deadLetters,
        }),
      ],
    });
    return fn;
  }

  /** A business metric (service `huduma-analytics`), summed unless said otherwise. */
  private metric(name: AnalyticsMetricName, statistic = 'Sum', period = Duration.hours(1)) {
    return new Metric({
      namespace: METRICS_NAMESPACE,
      metricName: name,
      dimensionsMap: { service: ANALYTICS_SERVICE },
      statistic,
      period,
    });
  }

  private alarm(id: string, metric: IMetric, threshold: number, description: string, periods = 1) {
    const alarm = this.alerts.alarm(this, `${id}Alarm`, {
      metric,
      threshold,
      description,
      periods,
    });
    this.alarmList.push(alarm);
    return alarm;
  }

  /** The longest wait in any of the instance's queues right now (Connect's own metric). */
  private longestQueueWait(props: CallAnalyticsProps) {
    const queues = Object.fromEntries(
      props.connect.queueNames.map((queueName, index) => [
        `q${index}`,
        new Metric({
          namespace: 'AWS/Connect',
          metricName: 'LongestQueueWaitTime',
          dimensionsMap: {
            InstanceId: props.connect.instanceId,
            MetricGroup: 'Queue',
            QueueName: queueName,
          },
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
  }

  private abandonmentRate(props: CallAnalyticsProps) {
    const minimum = props.minimumQueuedForAbandonment ?? 10;
    return new MathExpression({
      expression: `IF(queued >= ${minimum}, 100 * abandoned / queued, 0)`,
      usingMetrics: {
        queued: this.metric(ANALYTICS_METRICS.callsQueued),
        abandoned: this.metric(ANALYTICS_METRICS.callsAbandoned),
      },
      label: 'Abandonment rate (%)',
      period: Duration.hours(1),
    });
  }

  private createAlarms(props: CallAnalyticsProps) {
    const { targets } = props;
    this.alarm(
      'ExpectedWaitAboveTarget',
      this.longestQueueWait(props),
      targets.asa.maxSeconds,
      `A caller has waited more than ${targets.asa.maxSeconds} s in a queue for 15 minutes (ASA target)`,
      3,
    );
    this.alarm(
      'AbandonmentAboveTarget',
      this.abandonmentRate(props),
      targets.abandonmentRate.maxPct,
      `More than ${targets.abandonmentRate.maxPct} % of queued calls were abandoned in the last hour`,
    );
    this.alarm(
      'ComplaintSlaBreached',
      new MathExpression({
        expression: 'FILL(overdue, 0) + FILL(breached, 0)',
        usingMetrics: {
          overdue: this.metric(ANALYTICS_METRICS.complaintsOverdue, 'Maximum', FIFTEEN_MINUTES),
          breached: this.metric(ANALYTICS_METRICS.complaintsBreached, 'Sum', FIFTEEN_MINUTES),
        },
        label: 'Complaints past their resolution deadline',
        period: FIFTEEN_MINUTES,
      }),
      0,
      'A complaint is past its resolution deadline (72 h standard), or was resolved after it',
    );
    this.monitor('CallLogWriter', this.callLogWriter);
    this.monitor('ComplaintMetrics', this.complaintMetrics);
    this.alarm(
      'CallLogWriterBehind',
      this.callLogWriter.metric('IteratorAge', {
        statistic: 'Maximum',
        period: Duration.minutes(5),
      }),
      FIFTEEN_MINUTES.toMilliseconds(),
      'Call logs are more than 15 minutes behind the contact-record stream',
      3,
    );
    this.alarm(
      'DeadLetters',
      this.deadLetters.metricApproximateNumberOfMessagesVisible({
        statistic: 'Maximum',
        period: Duration.minutes(5),
      }),
      0,
      'A contact trace record or ticket change could not be processed after retries: see the dead-letter queue',
    );
  }

  private createDashboard(props: CallAnalyticsProps) {
    const { targets } = props;
    const day = (name: AnalyticsMetricName, label: string) =>
      this.metric(name, 'Sum', Duration.days(1)).with({ label });
    const hourly = (name: AnalyticsMetricName, label: string) => this.metric(name).with({ label });
    const ratio = (expression: string, label: string, usingMetrics: Record<string, IMetric>) =>
      new MathExpression({ expression, usingMetrics, label, period: Duration.hours(1) });
    const line = (value: number, label: string): HorizontalAnnotation => ({ value, label });
    const agentSearch = (statistic: string, label: string) =>
      new MathExpression({
        expression: `SEARCH('{${METRICS_NAMESPACE},Agent,service} MetricName="${ANALYTICS_METRICS.handleTime}" service="${ANALYTICS_SERVICE}"', '${statistic}', 86400)`,
        label,
        period: Duration.days(1),
      });

    const dashboard = new Dashboard(this, 'Dashboard', {
      dashboardName: `${Stack.of(this).stackName}-CallAnalytics`,
      defaultInterval: Duration.days(7),
    });
    dashboard.addWidgets(
      new TextWidget({
        markdown:
          '# Huduma Contact Centre\nCalls, service level, handle time per agent, satisfaction and complaints. Daily and per-agent figures: `GET /reports/daily?date=` and `GET /reports/agents?date=`; Athena named queries in the analytics workgroup.',
        width: 24,
        height: 2,
      }),
    );
    dashboard.addWidgets(
      new SingleValueWidget({
        title: 'Calls (dashboard period)',
        metrics: [
          day(ANALYTICS_METRICS.callsReceived, 'Received'),
          day(ANALYTICS_METRICS.callsHandled, 'Handled'),
          day(ANALYTICS_METRICS.callsAbandoned, 'Abandoned'),
          day(ANALYTICS_METRICS.selfServiceContained, 'Self-service contained'),
          day(ANALYTICS_METRICS.callbacksRequested, 'Call-backs requested'),
        ],
        setPeriodToTimeRange: true,
        width: 24,
        height: 4,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Calls per hour',
        left: [
          hourly(ANALYTICS_METRICS.callsReceived, 'Received'),
          hourly(ANALYTICS_METRICS.callsHandled, 'Handled'),
          hourly(ANALYTICS_METRICS.callsAbandoned, 'Abandoned'),
          hourly(ANALYTICS_METRICS.selfServiceContained, 'Self-service contained'),
        ],
        width: 12,
        height: 6,
      }),
      new GraphWidget({
        title: `Service level (answered ≤ ${props.answerWithinSeconds} s) and abandonment, %`,
        left: [
          ratio('100 * inThreshold / queued', 'Service level (%)', {
            inThreshold: this.metric(ANALYTICS_METRICS.callsAnsweredInThreshold),
            queued: this.metric(ANALYTICS_METRICS.callsQueued),
          }),
          ratio('100 * abandoned / queued', 'Abandonment (%)', {
            abandoned: this.metric(ANALYTICS_METRICS.callsAbandoned),
            queued: this.metric(ANALYTICS_METRICS.callsQueued),
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
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Queue wait (s)',
        left: [
          this.metric(ANALYTICS_METRICS.answerTime, 'Average').with({ label: 'ASA' }),
          this.metric(ANALYTICS_METRICS.queueWaitTime, 'Maximum').with({
            label: 'Longest wait of a finished call',
          }),
          this.longestQueueWait(props),
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
    dashboard.addWidgets(
      new GraphWidget({
        title: 'Customer satisfaction',
        left: [
          ratio('100 * satisfied / csatResponses', 'CSAT (% 4-5)', {
            satisfied: this.metric(ANALYTICS_METRICS.csatSatisfied),
            csatResponses: this.metric(ANALYTICS_METRICS.csatResponses),
          }),
          ratio('100 * (promoters - detractors) / npsResponses', 'NPS', {
            promoters: this.metric(ANALYTICS_METRICS.npsPromoters),
            detractors: this.metric(ANALYTICS_METRICS.npsDetractors),
            npsResponses: this.metric(ANALYTICS_METRICS.npsResponses),
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
          this.metric(ANALYTICS_METRICS.complaintsOverdue, 'Maximum', FIFTEEN_MINUTES).with({
            label: 'Open past deadline',
          }),
        ],
        width: 12,
        height: 6,
      }),
    );
    dashboard.addWidgets(
      new AlarmStatusWidget({ title: 'Alarms', alarms: this.alarmList, width: 24, height: 4 }),
    );
    dashboard.addWidgets(
      ...this.healthWidgets,
      new GraphWidget({
        title: 'Call-log writer',
        left: [
          this.callLogWriter.metric('IteratorAge', { statistic: 'Maximum' }),
          this.deadLetters.metricApproximateNumberOfMessagesVisible({ statistic: 'Maximum' }),
        ],
        right: [
          this.metric(ANALYTICS_METRICS.contactRecordsWritten, 'Sum', Duration.minutes(5)),
          this.metric(ANALYTICS_METRICS.staleContactRecords, 'Sum', Duration.minutes(5)),
        ],
        width: 12,
        height: 6,
      }),
    );
    return dashboard;
  }
}
