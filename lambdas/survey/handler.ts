import { type Clock, systemClock } from '#shared/clock.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { documentClient } from '#shared/data/client.ts';
import { connectHandler } from '#shared/middleware.ts';
import { config } from './config.ts';
import { RecordSurveyParametersSchema, recordSurvey } from './record-survey.ts';

/** The Lambda on `clock` (the local runtime passes its simulated one). */
export const createHandler = (clock: Clock = systemClock) => {
  const record = recordSurvey({
    callLogs: createCallLogRepository(documentClient, config.CALL_LOGS_TABLE_NAME),
    now: clock,
    retentionDays: config.CALL_LOG_RETENTION_DAYS,
  });
  return connectHandler({
    parameters: RecordSurveyParametersSchema,
    useCase: (parameters, contact) => record(parameters, contact),
  });
};

export const handler = createHandler();
