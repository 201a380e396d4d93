import { randomUUID } from 'node:crypto';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { SimulatedClock } from '#local/sim-clock.ts';

/** An SQS consumer as deployed: a batch in, partial batch failures out. */
export type SqsConsumer = (
  event: SQSEvent,
  context: never,
) => Promise<SQSBatchResponse | undefined>;

interface Message {
  readonly id: string;
  readonly body: string;
  visibleAt: number;
  receiveCount: number;
}

export interface LocalQueueOptions {
  readonly name: string;
  readonly clock: SimulatedClock;
  /** @default 10 */
  readonly batchSize?: number;
  /** Receives before a message moves to the dead-letter list. @default 5 */
  readonly maxReceiveCount?: number;
  /** Seconds a failed message stays invisible. @default 60 */
  readonly visibilityTimeoutSeconds?: number;
}

/**
 * An SQS queue on the simulated clock: delays, batches, partial batch failures, redelivery after
 * the visibility timeout and a dead-letter list after `maxReceiveCount` receives, as the
 * deployed queue and its event source mapping behave.
 */
export class LocalQueue<T> {
  private readonly messages: Message[] = [];
  /** Messages that exhausted their receives (the DLQ). */
  readonly deadLetters: T[] = [];
  /** Every message ever sent, in order (tests read it). */
  readonly sent: { body: T; delaySeconds: number; at: number }[] = [];

  private readonly options: LocalQueueOptions;

  constructor(options: LocalQueueOptions) {
    this.options = options;
  }

  async send(body: T, delaySeconds = 0): Promise<void> {
    const now = this.options.clock.nowMs();
    this.sent.push({ body, delaySeconds, at: now });
    this.messages.push({
      id: randomUUID(),
      body: JSON.stringify(body),
      visibleAt: now + Math.max(0, delaySeconds) * 1000,
      receiveCount: 0,
    });
  }

  /** When the next waiting message becomes visible. */
  nextVisibleAt(): number | undefined {
    const times = this.messages.map((message) => message.visibleAt);
    return times.length ? Math.min(...times) : undefined;
  }

  /** The messages still waiting (visible or not), oldest first. */
  get waiting(): T[] {
    return this.messages.map((message) => JSON.parse(message.body) as T);
  }

  /** Delivers every visible message to the consumer, batch by batch; returns how many were delivered. */
  async deliver(consumer: SqsConsumer): Promise<number> {
    const {
      clock,
      batchSize = 10,
      maxReceiveCount = 5,
      visibilityTimeoutSeconds = 60,
    } = this.options;
    let delivered = 0;
    for (;;) {
      const now = clock.nowMs();
      const batch = this.messages.filter((m) => m.visibleAt <= now).slice(0, batchSize);
      if (batch.length === 0) return delivered;
      for (const message of batch) {
        message.receiveCount++;
        message.visibleAt = now + visibilityTimeoutSeconds * 1000;
      }
      const response = await consumer(
        {
          Records: batch.map((message) => ({
            messageId: message.id,
            receiptHandle: message.id,
            body: message.body,
            attributes: {
              ApproximateReceiveCount: String(message.receiveCount),
              SentTimestamp: String(now),
              SenderId: 'local',
              ApproximateFirstReceiveTimestamp: String(now),
            },
            messageAttributes: {},
            md5OfBody: '',
            eventSource: 'aws:sqs',
            eventSourceARN: `arn:aws:sqs:af-south-1:000000000000:${this.options.name}`,
            awsRegion: 'af-south-1',
          })),
        },
        {} as never,
      );
      const failed = new Set(
        (response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier),
      );
      for (const message of batch) {
        if (!failed.has(message.id)) {
          this.messages.splice(this.messages.indexOf(message), 1);
        } else if (message.receiveCount >= maxReceiveCount) {
          this.messages.splice(this.messages.indexOf(message), 1);
          this.deadLetters.push(JSON.parse(message.body) as T);
        }
      }
      delivered += batch.length;
    }
  }
}
