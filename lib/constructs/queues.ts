import { Duration, Validations } from 'aws-cdk-lib';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import {
  type DlqDestinationConfig,
  EventSourceMapping,
  type IEventSourceDlq,
  type IEventSourceMapping,
  type IFunction,
} from 'aws-cdk-lib/aws-lambda';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct, IConstruct } from 'constructs';

/**
 * A work queue with its dead-letter queue, both SSE-KMS with a customer-managed key and
 * SSL-only; `maxReceiveCount` receives before a message is dead-lettered.
 */
export const queueWithDeadLetters = (
  scope: Construct,
  id: string,
  {
    key,
    maxReceiveCount,
    visibilityTimeout,
    purpose,
  }: {
    readonly key: IKey;
    readonly maxReceiveCount: number;
    readonly visibilityTimeout: Duration;
    /** Said in the dead-letter queue's acknowledgement. */
    readonly purpose: string;
  },
) => {
  const deadLetters = deadLetterQueue(scope, `${id}DeadLetters`, key, purpose);
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.KMS,
    encryptionMasterKey: key,
    enforceSSL: true,
    visibilityTimeout,
    deadLetterQueue: { queue: deadLetters, maxReceiveCount },
  });
  return { queue, deadLetters };
};

/** A dead-letter queue (or an on-failure destination): encrypted, SSL-only, kept 14 days. */
export const deadLetterQueue = (scope: Construct, id: string, key: IKey, purpose: string) => {
  const queue = new Queue(scope, id, {
    encryption: QueueEncryption.KMS,
    encryptionMasterKey: key,
    enforceSSL: true,
    retentionPeriod: Duration.days(14),
  });
  for (const rule of ['AwsSolutions-SQS3', 'Serverless-SQSRedrivePolicy'])
    Validations.of(queue).acknowledge({
      id: rule,
      reason: `This is the dead-letter queue of ${purpose}; it needs none of its own and is alarmed.`,
    });
  return queue;
};

/**
 * Acknowledges, on a function's SQS event source mappings, the rule asking for an on-failure
 * destination: SQS mappings have none, the queue's redrive policy dead-letters instead.
 */
export const acknowledgeQueueRedrive = (fn: IConstruct): void => {
  for (const child of fn.node.children)
    if (child instanceof EventSourceMapping)
      Validations.of(child).acknowledge({
        id: 'Serverless-LambdaEventSourceMappingDestination',
        reason:
          'An SQS event source has no on-failure destination: the queue redrives to its alarmed dead-letter queue.',
      });
};

/**
 * Lambda event-source failures to an SSE-KMS queue with exactly the permissions a producer
 * needs (SqsDlq's grant adds KMS wildcards).
 */
export class EncryptedQueueDestination implements IEventSourceDlq {
  private readonly queue: Queue;
  private readonly key: IKey;

  constructor(queue: Queue, key: IKey) {
    this.queue = queue;
    this.key = key;
  }

  bind(_target: IEventSourceMapping, targetHandler: IFunction): DlqDestinationConfig {
    this.queue.grant(targetHandler, 'sqs:SendMessage');
    this.key.grant(targetHandler, 'kms:GenerateDataKey', 'kms:Decrypt');
    return { destination: this.queue.queueArn };
  }
}
