import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { Metrics } from '@aws-lambda-powertools/metrics';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type {
  Context,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  KinesisStreamEvent,
  KinesisStreamRecord,
  SQSBatchResponse,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import type * as z from '#shared/zod.ts';
import { logger, metrics } from './powertools.ts';

/**
 * Middleware stack for Lambdas invoked with a plain payload (Step Functions tasks, schedules):
 * logger context, metrics and zod parsing of the payload, then the use case. Every
 * error propagates, so the caller's retry policy applies.
 */
export const eventHandler = <S extends z.ZodMiniType, R>({
  schema,
  useCase,
}: {
  readonly schema: S;
  readonly useCase: (input: z.infer<S>) => Promise<R>;
}) =>
  middy<z.infer<S>, R>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics))
    .use(parser({ schema }))
    .handler((event: z.infer<S>) => useCase(event));

/** The event sources a batch consumer reads, each with its event and record shape. */
interface BatchSources {
  readonly SQS: { readonly event: SQSEvent; readonly record: SQSRecord };
  readonly DynamoDBStreams: {
    readonly event: DynamoDBStreamEvent;
    readonly record: DynamoDBRecord;
  };
  readonly KinesisDataStreams: {
    readonly event: KinesisStreamEvent;
    readonly record: KinesisStreamRecord;
  };
}
export type BatchSource = keyof BatchSources;

export interface BatchHandlerOptions<T extends BatchSource> {
  readonly source: T;
  /** One record; `context` is the invocation's (e.g. for Powertools Idempotency's expiry). */
  readonly handleRecord: (record: BatchSources[T]['record'], context: Context) => Promise<void>;
  /**
   * Records are handled one after another unless this is set (a stream's changes per ticket and
   * the dialer's pacing depend on the order); records that are independent of each other, such as
   * one contact trace record per contact, may go in parallel.
   */
  readonly inParallel?: boolean;
  /** The metrics flushed after each batch; the service's own unless the consumer has others. */
  readonly metrics?: Metrics;
}

/**
 * The one middleware stack for queue and stream consumers (SQS, DynamoDB streams, Kinesis): each
 * record is handled on its own, and the ones that throw are reported as partial batch failures,
 * the Powertools BatchProcessor way (`batchItemFailures`: SQS retries them until the dead-letter
 * queue; a stream retries from the first failed record).
 */
export const batchHandler = <T extends BatchSource>({
  source,
  handleRecord,
  inParallel = false,
  metrics: batchMetrics = metrics,
}: BatchHandlerOptions<T>) => {
  return middy<BatchSources[T]['event'], SQSBatchResponse>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(batchMetrics))
    .handler((event: BatchSources[T]['event'], context: Context) =>
      processPartialResponse(
        event,
        handleRecord as (
          record: SQSRecord | DynamoDBRecord | KinesisStreamRecord,
          context: Context,
        ) => Promise<void>,
        // One processor per invocation: it holds the batch's state, and local runs overlap.
        new BatchProcessor(EventType[source]),
        {
          context,
          processInParallel: inParallel,
          // A batch that fails whole is reported whole, like any partial failure.
          throwOnFullBatchFailure: false,
        },
      ),
    );
};
