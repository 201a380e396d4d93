import { Aspects, Duration } from 'aws-cdk-lib';
import {
  Alarm,
  ComparisonOperator,
  type IMetric,
  Metric,
  TreatMissingData,
} from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import { ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import type { IQueue } from 'aws-cdk-lib/aws-sqs';
import { Construct, type IConstruct } from 'constructs';
import { METRICS_NAMESPACE } from '#shared/powertools.ts';
import { FunctionAlarms } from './function-alarms.ts';
import { rotatingKey } from './rotating-key.ts';

export interface OperationsAlertsProps {
  /** Who is emailed when an alarm fires. @default none (the alarms still show in CloudWatch) */
  readonly emails?: readonly string[];
}

/**
 * The operations topic (KMS-encrypted) that every platform alarm notifies, helpers for the
 * alarms the platform raises (messages in a dead-letter queue, a custom metric crossing a
 * threshold, any metric), and the alarms every Lambda function gets (`alarmEveryFunction`).
 */
export class OperationsAlerts extends Construct {
  readonly topic: Topic;
  /** Every alarm made through these helpers, for the dashboard (complete once synthesized). */
  readonly alarms: Alarm[] = [];
  private readonly action: SnsAction;

  constructor(scope: Construct, id: string, props: OperationsAlertsProps = {}) {
    super(scope, id);
    const key = rotatingKey(this, 'Key', 'Encrypts the Huduma operations alarm topic');
    // CloudWatch publishes alarm notifications to the encrypted topic.
    key.grant(
      new ServicePrincipal('cloudwatch.amazonaws.com'),
      'kms:Decrypt',
      'kms:GenerateDataKey',
    );
    this.topic = new Topic(this, 'Topic', {
      displayName: 'Huduma contact centre operations alarms',
      masterKey: key,
      enforceSSL: true,
    });
    for (const email of props.emails ?? [])
      this.topic.addSubscription(new EmailSubscription(email));
    this.action = new SnsAction(this.topic);
  }

  /** Alarms as soon as a dead-letter queue holds a message. */
  onDeadLetters(scope: Construct, id: string, queue: IQueue, what: string): Alarm {
    return this.alarm(scope, id, {
      metric: queue.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(1),
        statistic: 'Maximum',
      }),
      threshold: 0,
      description: `${what}: messages failed every retry and wait in the dead-letter queue`,
    });
  }

  /** Alarms when a platform metric's sum over 5 minutes is above `threshold`. */
  onMetric(
    scope: Construct,
    id: string,
    {
      metricName,
      service,
      threshold = 0,
      description,
      statistic = 'Sum',
    }: {
      readonly metricName: string;
      /** The emitting function's POWERTOOLS_SERVICE_NAME (Powertools' default dimension). */
      readonly service: string;
      readonly threshold?: number;
      readonly description: string;
      readonly statistic?: string;
    },
  ): Alarm {
    return this.alarm(scope, id, {
      metric: new Metric({
        namespace: METRICS_NAMESPACE,
        metricName,
        dimensionsMap: { service },
        statistic,
        period: Duration.minutes(5),
      }),
      threshold,
      description,
    });
  }

  /** Alarms on any metric above a threshold (for `periods` periods in a row). */
  alarm(
    scope: Construct,
    id: string,
    {
      metric,
      threshold,
      description,
      periods = 1,
    }: {
      readonly metric: IMetric;
      readonly threshold: number;
      readonly description: string;
      /** Consecutive periods above the threshold before it alarms. */
      readonly periods?: number;
    },
  ): Alarm {
    const alarm = new Alarm(scope, id, {
      metric,
      threshold,
      evaluationPeriods: periods,
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      treatMissingData: TreatMissingData.NOT_BREACHING,
      alarmDescription: description,
    });
    alarm.addAlarmAction(this.action);
    this.alarms.push(alarm);
    return alarm;
  }

  /**
   * Alarms every Lambda function in `scope` (a stack or the app), whoever creates it: errors,
   * throttles where a caller waits, and the business failures its handler counts (FunctionAlarms).
   */
  alarmEveryFunction(scope: IConstruct): void {
    Aspects.of(scope).add(new FunctionAlarms(this));
  }
}
