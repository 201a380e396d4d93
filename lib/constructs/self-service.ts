import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { type IKey, Key } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FLOW_FUNCTIONS } from '#flows/manifest.ts';
import { callLogsTable, serviceDataTable, ticketsTable } from '#shared/data/tables.ts';
import { PlatformFunction } from './flow-function.ts';
import { queueWithDeadLetters } from './queues.ts';

export interface SelfServiceProps {
  readonly instanceArn: string;
  readonly serviceDataTable: TableV2;
  /** Complaints and service requests. */
  readonly ticketsTable: TableV2;
  /** Call logs, where the post-call survey is recorded. */
  readonly callLogsTable: TableV2;
  /** HMAC key (GENERATE_VERIFY_MAC) for the ID-number hashes pensions and appointments check. */
  readonly identityHashKey: IKey;
  /** Days a call log item lives (a survey answer written before the CTR sets the expiry). */
  readonly callLogRetentionDays: number;
  readonly promptAudioUri: string;
  readonly logRetention: RetentionDays;
}

/**
 * The Lambdas contact flows invoke for self-service, each with only the table access it
 * needs, allowed to be invoked by the Connect instance; and the queue through which they
 * hand SMS notifications to the sender.
 */
export class SelfService extends Construct {
  /** Functions by the placeholder flows use for them. */
  readonly functions: Record<keyof typeof FLOW_FUNCTIONS, PlatformFunction>;
  /** SMS and email to callers and agencies (NotificationSchema); its consumer delivers them. */
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

    this.notificationsQueue = this.createNotificationsQueue();
    const notifying = (fn: PlatformFunction) => {
      this.allowToNotify(fn);
      return fn;
    };

    // Tracking and pensions write failed-proof counters (and pensions its verified-contact
    // markers) to the service-data table, so they need put and update there; nothing deletes.
    const tracking = this.allowToHashIdentity(
      props.identityHashKey,
      flowFunction(
        'Tracking',
        'tracking',
        'Document application status for callers who prove the application is theirs',
      ).bindTable(serviceDataTable, props.serviceDataTable, 'readUpdate'),
    );

    const pensions = this.allowToHashIdentity(
      props.identityHashKey,
      notifying(
        flowFunction(
          'Pensions',
          'pensions',
          'Pension information, and status and service requests for verified pensioners',
        )
          .bindTable(serviceDataTable, props.serviceDataTable, 'readUpdate')
          .bindTable(ticketsTable, props.ticketsTable, 'readUpdate'),
      ),
    );

    const complaints = this.allowToHashIdentity(
      props.identityHashKey,
      notifying(
        flowFunction('Complaints', 'complaints', 'Complaint intake and status for callers')
          .bindTable(serviceDataTable, props.serviceDataTable, 'readUpdate')
          .bindTable(ticketsTable, props.ticketsTable, 'readUpdate'),
      ),
    );

    const survey = flowFunction(
      'Survey',
      'survey',
      'Post-call survey answers (CSAT, NPS) on the call log',
    ).bindTable(callLogsTable, props.callLogsTable, 'update');
    survey.addEnvironment('CALL_LOG_RETENTION_DAYS', String(props.callLogRetentionDays));

    const appointments = this.allowToHashIdentity(
      props.identityHashKey,
      notifying(
        flowFunction(
          'Appointments',
          'appointments',
          'Appointment booking at Huduma Centres: find a centre, offer slots, book, cancel, move',
        ).bindTable(serviceDataTable, props.serviceDataTable, 'readWrite'),
      ),
    );

    // Reads only: the caller's open tickets and upcoming bookings, for routing and the screen pop.
    // The calling number is hashed with the identity key to look up the caller index.
    const callerContext = flowFunction(
      'CallerContext',
      'caller-context',
      'Open complaints and upcoming appointments of the calling number',
    )
      .bindTable(serviceDataTable, props.serviceDataTable, 'read')
      .bindTable(ticketsTable, props.ticketsTable, 'read')
      .allowToHashIdentity(props.identityHashKey);

    // Renders prompts with values only a flow knows (queue position, a call-back's reason).
    const speech = flowFunction('Speech', 'speech', 'Renders catalogue prompts for contact flows');

    // Reads only: published articles and the stored search index (built on publish).
    const knowledge = flowFunction(
      'Knowledge',
      'knowledge',
      'Government service information: service summaries for callers',
    ).bindTable(serviceDataTable, props.serviceDataTable, 'read');

    this.functions = {
      TrackingFunctionArn: tracking,
      SpeechFunctionArn: speech,
      PensionsFunctionArn: pensions,
      ComplaintsFunctionArn: complaints,
      SurveyFunctionArn: survey,
      AppointmentsFunctionArn: appointments,
      CallerContextFunctionArn: callerContext,
      KnowledgeFunctionArn: knowledge,
    };
    for (const fn of Object.values(this.functions)) fn.allowInvokeFromConnect(props.instanceArn);
  }

  /** The notifications queue and its dead-letter queue, encrypted with their own key. */
  private createNotificationsQueue(): Queue {
    const key = new Key(this, 'NotificationsKey', {
      description: 'Encrypts Huduma notifications (SMS and email to callers and agencies)',
      enableKeyRotation: true,
    });
    return queueWithDeadLetters(this, 'Notifications', {
      key,
      maxReceiveCount: 5,
      visibilityTimeout: Duration.seconds(30),
      purpose: 'the notifications queue',
    }).queue;
  }

  /** Lets a function hash with the identity HMAC key (GenerateMac only). */
  private allowToHashIdentity(key: IKey, fn: PlatformFunction): PlatformFunction {
    return fn.allowToHashIdentity(key);
  }

  /** Lets a function queue notifications: the SQS notifier's settings and send permission only. */
  allowToNotify(fn: PlatformFunction): void {
    fn.addEnvironment('NOTIFIER', 'sqs');
    fn.addEnvironment('NOTIFICATIONS_QUEUE_URL', this.notificationsQueue.queueUrl);
    // Exactly what a producer of an SSE-KMS queue needs (not grantSendMessages' wildcards).
    this.notificationsQueue.grant(fn, 'sqs:SendMessage');
    this.notificationsQueue.encryptionMasterKey?.grant(fn, 'kms:GenerateDataKey', 'kms:Decrypt');
  }
}
