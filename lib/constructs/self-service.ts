import { Duration } from 'aws-cdk-lib';
import type { TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { FLOW_FUNCTIONS } from '#flows/manifest.ts';
import { CAPABILITIES } from '#lambdas/capabilities.ts';
import type { CapabilityDescriptor, PlatformNeed, TableAccess } from '#shared/capability.ts';
import { type TableDefinition, tableDefinitions } from '#shared/data/tables.ts';
import type { OpeningHours } from '#shared/hours.ts';
import { capabilityEnvironment } from './capability-environment.ts';
import { PlatformFunction } from './flow-function.ts';
import { queueWithDeadLetters } from './queues.ts';
import { rotatingKey } from './rotating-key.ts';

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
  /**
   * The contact centre's opening hours (those Connect checks): their time zone for use cases
   * that name today's date, the hours for those that say when the agents are back.
   */
  readonly hours: OpeningHours;
  /** The capabilities to deploy. @default CAPABILITIES (lambdas/capabilities.ts) */
  readonly capabilities?: readonly CapabilityDescriptor[];
}

const definitionOf = (id: TableDefinition['id']): TableDefinition =>
  tableDefinitions.find((definition) => definition.id === id)!;

/**
 * The Lambdas contact flows invoke for self-service, one per capability descriptor
 * (lambdas/capabilities.ts): each with only the table access and platform needs it declares,
 * its environment filled from its environment schema (a variable it names and the platform
 * does not give fails the synth), allowed to be invoked by the Connect instance; and the
 * queue through which they hand SMS notifications to the sender.
 */
export class SelfService extends Construct {
  /** Functions by the placeholder flows use for them. */
  readonly functions: Record<keyof typeof FLOW_FUNCTIONS, PlatformFunction>;
  /** SMS and email to callers and agencies (NotificationSchema); its consumer delivers them. */
  readonly notificationsQueue: Queue;

  constructor(scope: Construct, id: string, props: SelfServiceProps) {
    super(scope, id);
    this.notificationsQueue = this.createNotificationsQueue();
    const tables: Record<TableDefinition['id'], TableV2> = {
      ServiceData: props.serviceDataTable,
      Tickets: props.ticketsTable,
      CallLogs: props.callLogsTable,
    };
    // Settings every capability may name in its environment schema.
    const platform = {
      PROMPT_AUDIO_URI: props.promptAudioUri,
      CALL_LOG_RETENTION_DAYS: String(props.callLogRetentionDays),
      TIME_ZONE: props.hours.timeZone,
      CONTACT_CENTRE_HOURS: JSON.stringify(props.hours),
    };
    // What a platform need gives a function: its settings, then its grants.
    const needs: Record<
      PlatformNeed,
      { env: Record<string, string>; grant: (fn: PlatformFunction) => void }
    > = {
      identityHashing: {
        env: { IDENTITY_HASHER: 'kms', IDENTITY_HASH_KEY_ARN: props.identityHashKey.keyArn },
        grant: (fn) => fn.allowToHashIdentity(props.identityHashKey),
      },
      notifications: {
        env: { NOTIFIER: 'sqs', NOTIFICATIONS_QUEUE_URL: this.notificationsQueue.queueUrl },
        grant: (fn) => this.allowToNotify(fn),
      },
    };

    const functions: Record<string, PlatformFunction> = {};
    for (const capability of props.capabilities ?? CAPABILITIES) {
      const access = Object.entries(capability.tables) as [TableDefinition['id'], TableAccess][];
      const declared = Object.fromEntries([
        ...access.map(([table]) => [
          definitionOf(table).environmentVariable,
          tables[table].tableName,
        ]),
        ...capability.needs.flatMap((need) => Object.entries(needs[need].env)),
      ]);
      // The construct id is the descriptor's: deployed functions keep their logical ids.
      const fn = new PlatformFunction(this, capability.constructId, {
        handler: capability.handler,
        description: capability.description,
        logRetention: props.logRetention,
        environment: capabilityEnvironment(capability, { declared, platform }),
      });
      for (const [table, level] of access) fn.bindTable(definitionOf(table), tables[table], level);
      for (const need of capability.needs) needs[need].grant(fn);
      fn.allowInvokeFromConnect(props.instanceArn);
      functions[capability.placeholder] = fn;
    }
    this.functions = functions as SelfService['functions'];
  }

  /** The notifications queue and its dead-letter queue, encrypted with their own key. */
  private createNotificationsQueue(): Queue {
    const key = rotatingKey(
      this,
      'NotificationsKey',
      'Encrypts Huduma notifications (SMS and email to callers and agencies)',
    );
    return queueWithDeadLetters(this, 'Notifications', {
      key,
      maxReceiveCount: 5,
      visibilityTimeout: Duration.seconds(30),
      purpose: 'the notifications queue',
    }).queue;
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
