import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { documentClient } from '#shared/data/client.ts';
import { connectHandler } from '#shared/middleware.ts';
import { config } from './config.ts';
import { RecordSurveyParametersSchema, recordSurvey } from './record-survey.ts';

const record = recordSurvey({
  callLogs: createCallLogRepository(documentClient, config.CALL_LOGS_TABLE_NAME),
  now: () => new Date(),
  retentionDays: config.CALL_LOG_RETENTION_DAYS,
});

export const handler = connectHandler({
  parameters: RecordSurveyParametersSchema,
  useCase: (parameters, contact) => record(parameters, contact),
});
