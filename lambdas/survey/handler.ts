import type { UseCases } from '#shared/capability.ts';
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
import './prompts.ts';

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

/** The operations on typed input, for any channel. */
export const surveyUseCases = ({
  callLogs,
  retentionDays,
  clock,
}: Omit<SurveyHandlerDependencies, 'speech'>): UseCases<typeof surveyCapability> => ({
  record: recordSurvey({ callLogs, now: clock, retentionDays }),
});

export const createHandler = (deps: SurveyHandlerDependencies) =>
  capabilityHandler(surveyCapability, surveyUseCases(deps), deps.speech);

export const handler = deployedHandler(() =>
  createHandler(defaultDependencies(process.env, { dynamoDb: documentClientFor(process.env) })),
);
