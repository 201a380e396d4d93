import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { DynamoDBStreamRecord } from '@aws-lambda-powertools/parser/schemas/dynamodb';
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { analyticsMetrics, emitMetricPoints } from '#shared/analytics-emitter.ts';
import { catalogueFiles } from '#shared/data/catalogue-files.ts';
import { documentClient } from '#shared/data/client.ts';
import { createComplaintSlaRepository } from '#shared/data/complaint-sla.repository.ts';
import { logger, tracer } from '#shared/powertools.ts';
import {
  complaintChangePoints,
  createOverdueSweep,
  TicketImageSchema,
} from './complaint-metrics.ts';
import { config } from './config.ts';

const sweep = createOverdueSweep({
  complaints: createComplaintSlaRepository(
    documentClient,
    config.TICKETS_TABLE_NAME,
    catalogueFiles.agencies.map((agency) => agency.id),
  ),
  now: () => new Date(),
});

const processor = new BatchProcessor(EventType.DynamoDBStreams);

const processChange = async (raw: DynamoDBRecord) => {
  const record = DynamoDBStreamRecord.parse(raw);
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
export const handler = middy<unknown, unknown>()
  .use(injectLambdaContext(logger, { clearState: true }))
  .use(captureLambdaHandler(tracer, { captureResponse: false }))
  .use(logMetrics(analyticsMetrics))
  .handler(async (event: unknown, context: Context) => {
    if (isStreamEvent(event))
      return processPartialResponse(event, processChange, processor, { context });
    EventBridgeSchema.parse(event);
    const { overdue, points } = await sweep();
    emitMetricPoints(points);
    logger.info('Complaint SLA sweep', { overdue });
    return { overdue };
  });
