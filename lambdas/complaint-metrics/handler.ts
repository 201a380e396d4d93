import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { analyticsMetrics, emitMetricPoints } from '#shared/analytics-emitter.ts';
import { DynamoDBStreamRecordSchema, EventBridgeEventSchema } from '#shared/aws-events.schema.ts';
import { type Clock, systemClock } from '#shared/clock.ts';
import { documentClientFor } from '#shared/data/client.ts';
import {
  type ComplaintSlaRepository,
  createComplaintSlaRepository,
} from '#shared/data/complaint-sla.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { logger } from '#shared/powertools.ts';
import {
  complaintChangePoints,
  createOverdueSweep,
  TicketImageSchema,
} from './complaint-metrics.ts';
import { ComplaintMetricsEnvironmentSchema } from './config.ts';

export interface ComplaintMetricsDependencies {
  readonly complaints: ComplaintSlaRepository;
  readonly clock: Clock;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb'>,
): ComplaintMetricsDependencies => {
  const config = parseEnv(ComplaintMetricsEnvironmentSchema, env);
  return {
    complaints: createComplaintSlaRepository(aws.dynamoDb, config.TICKETS_TABLE_NAME),
    clock: systemClock,
  };
};

const processChange = async (raw: DynamoDBRecord) => {
  const record = DynamoDBStreamRecordSchema.parse(raw);
  const image = (value: unknown) => (value ? TicketImageSchema.parse(value) : undefined);
  emitMetricPoints(
    complaintChangePoints({
      eventName: record.eventName,
      oldImage: image(record.dynamodb.OldImage),
      newImage: image(record.dynamodb.NewImage),
    }),
  );
};

const isStreamEvent = (event: unknown): event is DynamoDBStreamEvent =>
  typeof event === 'object' &&
  event !== null &&
  Array.isArray((event as DynamoDBStreamEvent).Records);

/**
 * Complaint metrics. From the Tickets stream (filtered to complaint tickets): complaints opened,
 * resolved, and resolved after their due time (breached). Every 15 minutes (EventBridge
 * schedule): open complaints past their due time (`ComplaintsOverdue`), counted by query.
 */
export const createHandler = ({ complaints, clock }: ComplaintMetricsDependencies) => {
  const sweep = createOverdueSweep({ complaints, now: clock });
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return middy<unknown, unknown>()
    .use(injectLambdaContext(logger, { clearState: true }))
    .use(logMetrics(analyticsMetrics))
    .handler(async (event: unknown, context: Context) => {
      if (isStreamEvent(event))
        return processPartialResponse(event, processChange, processor, { context });
      EventBridgeEventSchema.parse(event);
      const { overdue, points } = await sweep();
      emitMetricPoints(points);
      logger.info('Complaint SLA sweep', { overdue });
      return { overdue };
    });
};

export const handler = deployedHandler(() =>
  createHandler(defaultDependencies(process.env, { dynamoDb: documentClientFor(process.env) })),
);
