import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { UseCases } from '#shared/capability.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createKnowledgeRepository } from '#shared/data/knowledge.repository.ts';
import { createSmsAllowanceRepository } from '#shared/data/proof-codes.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import { capabilityHandler } from '#shared/middleware.ts';
import { notifierFor } from '#shared/notifications/default-notifier.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { knowledgeCapability } from './capability.ts';
import { KnowledgeEnvironmentSchema } from './config.ts';
import { type KnowledgeDependencies, knowledgeSearchIndex } from './dependencies.ts';
import { knowledgeSummary } from './flow-lookups.ts';
import { knowledgeIvr } from './ivr.ts';
import { knowledgeReader } from './knowledge.ts';
import type { SummarySmsDependencies } from './summary-sms.ts';

export interface KnowledgeHandlerDependencies extends KnowledgeDependencies {
  readonly speech: SpeechSettings;
  /** The summary by SMS (send-sms): the notifier and the numbers' SMS allowance. */
  readonly notifier: Notifier;
  readonly smsAllowance: SummarySmsDependencies['smsAllowance'];
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): KnowledgeHandlerDependencies => {
  const config = parseEnv(KnowledgeEnvironmentSchema, env);
  return {
    notifier: notifierFor(config, aws.sqs),
    smsAllowance: createSmsAllowanceRepository(
      aws.dynamoDb,
      config.SERVICE_DATA_TABLE_NAME,
      identityHasherFor(config, aws.kms),
    ),
    repository: createKnowledgeRepository(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME),
    now: () => new Date(),
    timeZone: config.TIME_ZONE,
    indexRefreshMs: config.KNOWLEDGE_INDEX_REFRESH_SECONDS * 1000,
    speech: speechSettingsFrom(config),
  };
};

/** Knowledge for contact flows: the category menus and a service's short summary. */
/** The operations on typed input, for any channel (the Connect handler below, text, USSD). */
export const knowledgeUseCases = (
  deps: Omit<KnowledgeHandlerDependencies, 'speech'>,
): UseCases<typeof knowledgeCapability> => {
  const reader = knowledgeReader({
    repository: deps.repository,
    index: knowledgeSearchIndex(deps),
    now: deps.now,
    timeZone: deps.timeZone,
  });
  const ivr = knowledgeIvr(reader, {
    summaries: reader,
    notifier: deps.notifier,
    smsAllowance: deps.smsAllowance,
    clock: deps.now,
  });
  return { ...ivr, summary: knowledgeSummary(reader) };
};

export const createHandler = (deps: KnowledgeHandlerDependencies) =>
  capabilityHandler(knowledgeCapability, knowledgeUseCases(deps), deps.speech);

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      kms: new KMSClient({}),
      sqs: new SQSClient({}),
    }),
  ),
);
