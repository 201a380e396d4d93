import { type Clock, systemClock } from '#shared/clock.ts';
import {
  type CallLogRepository,
  createCallLogRepository,
} from '#shared/data/call-logs.repository.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { parseEnv } from '#shared/env.ts';
import { capabilityHandler } from '#shared/middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { surveyCapability } from './capability.ts';
import { SurveyEnvironmentSchema } from './config.ts';
import { recordSurvey } from './record-survey.ts';

export interface SurveyHandlerDependencies {
  readonly callLogs: CallLogRepository;
  readonly retentionDays: number;
  readonly clock: Clock;
  readonly speech: SpeechSettings;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb'>,
): SurveyHandlerDependencies => {
  const config = parseEnv(SurveyEnvironmentSchema, env);
  return {
    callLogs: createCallLogRepository(aws.dynamoDb, config.CALL_LOGS_TABLE_NAME),
    retentionDays: config.CALL_LOG_RETENTION_DAYS,
    clock: systemClock,
    speech: speechSettingsFrom(config),
  };
};

export const createHandler = ({
  callLogs,
  retentionDays,
  clock,
  speech,
}: SurveyHandlerDependencies) => {
  const record = recordSurvey({ callLogs, now: clock, retentionDays });
  return capabilityHandler(surveyCapability, { record }, speech);
};

export const handler = deployedHandler(() =>
  createHandler(defaultDependencies(process.env, { dynamoDb: documentClientFor(process.env) })),
);
