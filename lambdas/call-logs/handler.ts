import type { KinesisStreamRecord } from 'aws-lambda';
import { analyticsMetrics, emitMetricPoints } from '#shared/analytics-emitter.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { parseEnv } from '#shared/env.ts';
import { batchHandler } from '#shared/event-middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { logger } from '#shared/powertools.ts';
import { CallLogsEnvironmentSchema } from './config.ts';
import {
  type CallLogWriterDependencies,
  createCallLogWriter,
  decodeContactRecord,
} from './write-call-log.ts';

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb'>,
): CallLogWriterDependencies => {
  const config = parseEnv(CallLogsEnvironmentSchema, env);
  return {
    callLogs: createCallLogRepository(aws.dynamoDb, config.CALL_LOGS_TABLE_NAME),
    policy: { timeZone: config.TIME_ZONE, retentionDays: config.CALL_LOG_RETENTION_DAYS },
    answerWithinSeconds: config.ANSWER_WITHIN_SECONDS,
    emit: emitMetricPoints,
  };
};

const processWith =
  (write: ReturnType<typeof createCallLogWriter>) => async (record: KinesisStreamRecord) => {
    try {
      const contactRecord = decodeContactRecord(record.kinesis.data);
      const result = await write(contactRecord);
      logger.info('Contact trace record processed', { contactId: contactRecord.ContactId, result });
    } catch (error) {
      // Names and our own messages only: a record's content may hold a phone number.
      logger.error('Contact trace record failed', {
        sequenceNumber: record.kinesis.sequenceNumber,
        errorName: (error as Error).name,
        errorMessage: (error as Error).message,
      });
      throw error;
    }
  };

/**
 * The call-log writer: Connect's contact trace records from Kinesis, one call-log item per
 * contact. A record that fails is reported alone (partial batch response); Lambda retries it
 * and, after the retries, hands it to the on-failure destination.
 */
export const createHandler = (deps: CallLogWriterDependencies) =>
  batchHandler({
    source: 'KinesisDataStreams',
    handleRecord: processWith(createCallLogWriter(deps)),
    // One item per contact, each update conditional on its own: a batch's records are independent.
    inParallel: true,
    metrics: analyticsMetrics,
  });

export const handler = deployedHandler(() =>
  createHandler(defaultDependencies(process.env, { dynamoDb: documentClientFor(process.env) })),
);
