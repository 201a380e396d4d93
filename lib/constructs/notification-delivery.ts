import { Duration, Stack } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import { SqsEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { IDEMPOTENCY_PARTITION } from '#shared/data/idempotency.ts';
import { serviceDataTable } from '#shared/data/tables.ts';
import { PlatformFunction } from './flow-function.ts';
import type { OperationsAlerts } from './operations-alerts.ts';
import { acknowledgeQueueRedrive } from './queues.ts';
import { sendWhatsAppFrom } from './whatsapp-sending.ts';

export interface NotificationDeliveryProps {
  /** The notifications queue (SelfService), with its dead-letter queue. */
  readonly queue: Queue;
  /** Idempotency records (Powertools, TTL), in their own partition. */
  readonly serviceDataTable: TableV2;
  /** End User Messaging SMS origination identity: an ARN, or a sender ID registered for Kenya. */
  readonly smsOriginationIdentity: string;
  /** SES verified sender address. */
  readonly emailFrom: string;
  /** End User Messaging Social's id of the WhatsApp business number notices come from. */
  readonly whatsappPhoneNumberId: string;
  /** The identity HMAC key: a WhatsApp customer's window is kept under their hashed number. */
  readonly identityHashKey: IKey;
  readonly promptAudioUri: string;
  readonly logRetention: RetentionDays;
  readonly alerts: OperationsAlerts;
}

/**
 * Delivers the notifications queue: renders each message from the prompt catalogue in the
 * recipient's language and sends it by SMS (End User Messaging) or email (SES), once per
 * notification id, reporting partial batch failures; alarms on the dead-letter queue.
 */
export class NotificationDelivery extends Construct {
  readonly function: PlatformFunction;

  constructor(scope: Construct, id: string, props: NotificationDeliveryProps) {
    super(scope, id);
    const stack = Stack.of(this);
    const smsIdentity = props.smsOriginationIdentity.startsWith('arn:')
      ? props.smsOriginationIdentity
      : stack.formatArn({
          service: 'sms-voice',
          resource: 'sender-id',
          resourceName: `${props.smsOriginationIdentity}/KE`,
        });
    const domain = props.emailFrom.split('@')[1]!;

    this.function = new PlatformFunction(this, 'Deliver', {
      handler: 'notification-delivery',
      description: 'Renders and sends queued SMS and email notifications, once per notification',
      logRetention: props.logRetention,
      timeout: Duration.seconds(20),
      environment: {
        PROMPT_AUDIO_URI: props.promptAudioUri,
        SMS_ORIGINATION_IDENTITY: smsIdentity,
        EMAIL_FROM: props.emailFrom,
        WHATSAPP_PHONE_NUMBER_ID: props.whatsappPhoneNumberId,
      },
    })
      .bindTable(serviceDataTable, props.serviceDataTable, 'readUpdate')
      // A failed send's idempotency record is deleted so that the retry sends.
      .allowDeleteIn(props.serviceDataTable, [IDEMPOTENCY_PARTITION])
      .allowToHashIdentity(props.identityHashKey);
    this.function.addToRolePolicy(sendWhatsAppFrom(this, props.whatsappPhoneNumberId));
    this.function.addToRolePolicy(
      new PolicyStatement({ actions: ['sms-voice:SendTextMessage'], resources: [smsIdentity] }),
    );
    this.function.addToRolePolicy(
      new PolicyStatement({
        actions: ['ses:SendEmail'],
        resources: [
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: domain }),
          stack.formatArn({ service: 'ses', resource: 'identity', resourceName: props.emailFrom }),
        ],
      }),
    );
    this.function.addEventSource(
      new SqsEventSource(props.queue, {
        batchSize: 10,
        maxBatchingWindow: Duration.seconds(1),
        reportBatchItemFailures: true,
      }),
    );
    acknowledgeQueueRedrive(this.function);
    const deadLetters = props.queue.deadLetterQueue?.queue;
    if (deadLetters)
      props.alerts.onDeadLetters(this, 'DeadLettersAlarm', deadLetters, 'Notifications');
  }
}
