import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { parser } from '@aws-lambda-powertools/parser/middleware';
import middy from '@middy/core';
import type {
  Context,
  DynamoDBRecord,
  DynamoDBStreamEvent,
  SQSBatchResponse,
  SQSEvent,
  SQSRecord,
} from 'aws-lambda';
import type { z } from 'zod';
import { logger, metrics } from './powertools.ts';

/**
 * Middleware stack for Lambdas invoked with a plain payload (Step Functions tasks, schedules):
 * logger context, metrics and zod parsing of the payload, then the use case. Every
 * error propagates, so the caller's retry policy applies.
 */
export const eventHandler = <S extends z.ZodType, R>({
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

type BatchEvent<T extends 'SQS' | 'DynamoDBStreams'> = T extends 'SQS'
  ? SQSEvent
  : DynamoDBStreamEvent;
type BatchRecord<T extends 'SQS' | 'DynamoDBStreams'> = T extends 'SQS'
  ? SQSRecord
  : DynamoDBRecord;

/**
 * Middleware stack for queue and stream consumers: each record is handled on its own, in
 * order, and the ones that throw are reported as partial batch failures (SQS retries them
 * until the dead-letter queue; a stream retries from the first failed record).
 */
export const batchHandler = <T extends 'SQS' | 'DynamoDBStreams'>({
  source,
  handleRecord,
}: {
  readonly source: T;
  readonly handleRecord: (record: BatchRecord<T>) => Promise<void>;
}) => {
  const processor = new BatchProcessor(
    source === 'SQS' ? EventType.SQS : EventType.DynamoDBStreams,
  );
  return middy<BatchEvent<T>, SQSBatchResponse>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(metrics))
    .handler((event: BatchEvent<T>, context: Context) =>
      processPartialResponse(
        event,
        handleRecord as (record: SQSRecord | DynamoDBRecord) => Promise<void>,
        processor,
        {
          context,
          // In order: a stream's changes per ticket, and the dialer's pacing, depend on it.
          processInParallel: false,
          // A batch that fails whole is reported whole, like any partial failure.
          throwOnFullBatchFailure: false,
        },
      ),
    );
};
