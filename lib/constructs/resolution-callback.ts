import { Duration, Fn, Validations } from 'aws-cdk-lib';
import type { CfnInstance } from 'aws-cdk-lib/aws-connect';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { CALLBACK_OUTBOX_PARTITION, ticketsTable } from '#shared/data/tables.ts';
import type { OpeningHours } from '#shared/hours.ts';
import { PlatformFunction } from './flow-function.ts';
import { instanceArnIn } from './instance-arn.ts';
import type { OperationsAlerts } from './operations-alerts.ts';
import { acknowledgeQueueRedrive, queueWithDeadLetters } from './queues.ts';
import { rotatingKey } from './rotating-key.ts';

export interface ResolutionCallbackProps {
  readonly ticketsTable: TableV2;
  /** The Connect instance that places the calls. */
  readonly instance: CfnInstance;
  /** The outbound call-back flow (contact-flows/outbound-callback.json). */
  readonly outboundFlowArn: string;
  /** The queue whose outbound caller ID the customer sees. */
  readonly callerIdQueueArn: string;
  /** Where the outbound flow's "press 1" transfers (the agentQueue attribute). */
  readonly agentQueueArn: string;
  /** The contact centre's opening hours: calls only when agents are there. */
  readonly hours: OpeningHours;
  /** Gives a function the notifications queue (the SMS after unanswered attempts). */
  readonly allowToNotify: (fn: PlatformFunction) => void;
  readonly promptAudioUri: string;
  readonly logRetention: RetentionDays;
  readonly alerts: OperationsAlerts;
}

/** Connect's default StartOutboundVoiceContact rate is 2 per second per account and Region. */
const DIALERS = 2;
const DIAL_INTERVAL_MS = 1000;
const DIALER_TIMEOUT = Duration.seconds(30);

/**
 * The call-back on resolution: a KMS-encrypted queue of call-back work (with its dead-letter
 * queue and alarm) and the dialer that consumes it within opening hours through
 * StartOutboundVoiceContact and the outbound flow, at most DIALERS instances each placing a call
 * per second (Connect's 2 rps), reporting partial batch failures.
 */
export class ResolutionCallback extends Construct {
  readonly queue: Queue;
  readonly deadLetters: Queue;
  readonly dialer: PlatformFunction;

  constructor(scope: Construct, id: string, props: ResolutionCallbackProps) {
    super(scope, id);
    const key = rotatingKey(
      this,
      'Key',
      'Encrypts Huduma call-back requests (resolved complaints to call back)',
    );
    ({ queue: this.queue, deadLetters: this.deadLetters } = queueWithDeadLetters(this, 'Requests', {
      key,
      maxReceiveCount: 5,
      // Six times the dialer's timeout, as Lambda recommends for SQS event sources.
      visibilityTimeout: Duration.seconds(DIALER_TIMEOUT.toSeconds() * 6),
      purpose: 'the call-back queue',
    }));

    const flowId = Fn.select(3, Fn.split('/', props.outboundFlowArn));
    const queueId = Fn.select(3, Fn.split('/', props.callerIdQueueArn));
    this.dialer = new PlatformFunction(this, 'Dialer', {
      handler: 'callback-dialer',
      description:
        'Calls back customers of resolved complaints; texts the resolution if unanswered',
      logRetention: props.logRetention,
      timeout: DIALER_TIMEOUT,
      environment: {
        PROMPT_AUDIO_URI: props.promptAudioUri,
        CONNECT_INSTANCE_ID: props.instance.attrId,
        OUTBOUND_FLOW_ID: flowId,
        OUTBOUND_QUEUE_ID: queueId,
        AGENT_QUEUE_ARN: props.agentQueueArn,
        CONTACT_CENTRE_HOURS: JSON.stringify(props.hours),
        DIAL_INTERVAL_MS: String(DIAL_INTERVAL_MS),
      },
    })
      .bindTable(ticketsTable, props.ticketsTable, 'readUpdate')
      // A resolution's first request, received, takes its item out of the call-back outbox.
      .allowDeleteIn(props.ticketsTable, [CALLBACK_OUTBOX_PARTITION]);
    this.allowToRequest(this.dialer);
    props.allowToNotify(this.dialer);
    const { instanceArn, inFindings: arnInFindings } = instanceArnIn(this, props.instance);
    const contacts = `${instanceArn}/contact/*`;
    this.dialer.addToRolePolicy(
      new PolicyStatement({
        actions: ['connect:StartOutboundVoiceContact'],
        resources: [contacts, props.outboundFlowArn, props.callerIdQueueArn],
      }),
    );
    this.dialer.addToRolePolicy(
      new PolicyStatement({ actions: ['connect:DescribeContact'], resources: [contacts] }),
    );
    Validations.of(this.dialer.role!).acknowledge({
      id: `AwsSolutions-IAM5[Resource::${arnInFindings}/contact/*]`,
      reason:
        'Outbound contacts get their ids when placed; Connect authorises StartOutboundVoiceContact and DescribeContact on the instance contact/* resource of this one instance.',
    });
    this.dialer.addEventSource(
      new SqsEventSource(this.queue, {
        batchSize: 5,
        maxConcurrency: DIALERS,
        reportBatchItemFailures: true,
      }),
    );
    acknowledgeQueueRedrive(this.dialer);
    props.alerts.onDeadLetters(this, 'DeadLettersAlarm', this.deadLetters, 'Call-back requests');
  }

  /** Lets a function queue call-back work: the queue's URL, send permission and its key. */
  allowToRequest(fn: PlatformFunction): void {
    fn.addEnvironment('CALLBACK_QUEUE_URL', this.queue.queueUrl);
    this.queue.grant(fn, 'sqs:SendMessage');
    this.queue.encryptionMasterKey?.grant(fn, 'kms:GenerateDataKey', 'kms:Decrypt');
  }
}
