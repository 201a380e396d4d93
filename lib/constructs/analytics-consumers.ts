import { Duration, Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { IStream } from 'aws-cdk-lib/aws-kinesis';
import type { Key } from 'aws-cdk-lib/aws-kms';
import {
  type CfnFunction,
  FilterCriteria,
  FilterRule,
  type IEventSourceDlq,
  StartingPosition,
} from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { callLogsTable, ticketsTable } from '#shared/data/tables.ts';
import { FIFTEEN_MINUTES } from './analytics-metrics.ts';
import { grantStreamReadByArn } from './data-tables.ts';
import { PlatformFunction } from './flow-function.ts';
import { deadLetterQueue, EncryptedQueueDestination } from './queues.ts';
import { rotatingKey } from './rotating-key.ts';

export interface AnalyticsConsumersProps {
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
  readonly logRetention: RetentionDays;
}

/**
 * The functions that turn contacts and complaints into business metrics (EMF,
 * lambdas/shared/analytics-metrics.ts): the call-log writer consuming the contact-record stream,
 * and complaint metrics (Tickets stream and a 15-minute SLA sweep), with the encrypted
 * dead-letter queue both give up to. Their alarms and the dashboard are AnalyticsAlarms and
 * AnalyticsDashboard.
 */
export class AnalyticsConsumers extends Construct {
  /** Encrypts the dead-letter queue. */
  readonly key: Key;
  /** Records the consumers gave up on (after retries): inspect, fix, replay. */
  readonly deadLetters: Queue;
  readonly callLogWriter: PlatformFunction;
  readonly complaintMetrics: PlatformFunction;

  constructor(scope: Construct, id: string, props: AnalyticsConsumersProps) {
    super(scope, id);
    this.key = rotatingKey(this, 'Key', 'Encrypts Huduma call-analytics dead letters');
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
  }

  private createCallLogWriter(props: AnalyticsConsumersProps, onFailure: IEventSourceDlq) {
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

  private createComplaintMetrics(props: AnalyticsConsumersProps, onFailure: IEventSourceDlq) {
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
}
