import { Duration, Validations } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { Key } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FLOW_FUNCTIONS } from '../../contact-flows/manifest.ts';
import { serviceDataTable } from '../../lambdas/shared/data/tables.ts';
import { PlatformFunction } from './flow-function.ts';

export interface SelfServiceProps {
  readonly instanceArn: string;
  readonly serviceDataTable: TableV2;
  readonly promptAudioUri: string;
  readonly logRetention: RetentionDays;
}

/**
 * The Lambdas contact flows invoke for self-service, each with only the table access it
 * needs, allowed to be invoked by the Connect instance.
 */
export class SelfService extends Construct {
  /** Functions by the placeholder flows use for them. */
  readonly functions: Record<keyof typeof FLOW_FUNCTIONS, PlatformFunction>;
  /** SMS and email to callers and agencies; its consumer delivers them (retries, then the DLQ). */
  readonly notificationsQueue: Queue;

  constructor(scope: Construct, id: string, props: SelfServiceProps) {
    super(scope, id);
    const flowFunction = (name: string, handler: string, description: string) =>
      new PlatformFunction(this, name, {
        handler,
        description,
        logRetention: props.logRetention,
        environment: { PROMPT_AUDIO_URI: props.promptAudioUri },
      });

    const tracking = flowFunction(
      'Tracking',
      'tracking',
      'Document application status for callers',
    ).bindTable(serviceDataTable, props.serviceDataTable, 'read');

    this.notificationsQueue = this.createNotificationsQueue();

    const appointments = flowFunction(
      'Appointments',
      'appointments',
      'Appointment booking at Huduma Centres: find a centre, offer slots, book, cancel, move',
    ).bindTable(serviceDataTable, props.serviceDataTable, 'readWrite');
    this.allowToNotify(appointments);
    for (const action of ['kms:GenerateDataKey*', 'kms:ReEncrypt*'])
      Validations.of(appointments.role!).acknowledge({
        id: `AwsSolutions-IAM5[Action::${action}]`,
        reason:
          'CDK grants encrypt and decrypt on the service-data table key for read-write access; the statement names only that key.',
      });

    this.functions = { TrackingFunctionArn: tracking, AppointmentsFunctionArn: appointments };
    for (const fn of Object.values(this.functions)) fn.allowInvokeFromConnect(props.instanceArn);
  }

  /** The notifications queue and its dead-letter queue, encrypted with their own key. */
  private createNotificationsQueue(): Queue {
    const key = new Key(this, 'NotificationsKey', {
      description: 'Encrypts Huduma notifications (SMS and email to callers and agencies)',
      enableKeyRotation: true,
    });
    const deadLetters = new Queue(this, 'NotificationsDeadLetters', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    for (const id of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy'])
      Validations.of(deadLetters).acknowledge({
        id,
        reason:
          'This is the dead-letter queue of the notifications queue; it needs none of its own.',
      });
    return new Queue(this, 'Notifications', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: key,
      enforceSSL: true,
      deadLetterQueue: { queue: deadLetters, maxReceiveCount: 5 },
    });
  }

  /** Lets a function queue notifications: the SQS notifier's settings and send permission only. */
  private allowToNotify(fn: PlatformFunction): void {
    fn.addEnvironment('NOTIFIER', 'sqs');
    fn.addEnvironment('NOTIFICATIONS_QUEUE_URL', this.notificationsQueue.queueUrl);
    // Exactly what a producer of an SSE-KMS queue needs (not grantSendMessages' wildcards).
    this.notificationsQueue.grant(fn, 'sqs:SendMessage');
    this.notificationsQueue.encryptionMasterKey?.grant(fn, 'kms:GenerateDataKey', 'kms:Decrypt');
  }
}
