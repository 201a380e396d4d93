import { hashingNotifyingClients } from '#shared/aws-clients.ts';
import type { UseCases } from '#shared/capability.ts';
import { parseEnv } from '#shared/env.ts';
import { capabilityHandler } from '#shared/middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { knowledgeCapability } from './capability.ts';
import { KnowledgeEnvironmentSchema } from './config.ts';
import {
  type KnowledgeSmsDependencies,
  knowledgeSearchIndex,
  knowledgeSmsDependencies,
} from './dependencies.ts';
import { knowledgeSummary } from './flow-lookups.ts';
import { knowledgeIvr } from './ivr.ts';
import { knowledgeReader } from './knowledge.ts';
import { knowledgeTextSearch } from './text-search.ts';
import './prompts.ts';

export interface KnowledgeHandlerDependencies extends KnowledgeSmsDependencies {
  readonly speech: SpeechSettings;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): KnowledgeHandlerDependencies => {
  const config = parseEnv(KnowledgeEnvironmentSchema, env);
  return { ...knowledgeSmsDependencies(config, aws), speech: speechSettingsFrom(config) };
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
  return { ...ivr, ...knowledgeTextSearch(reader), summary: knowledgeSummary(reader) };
};

export const createHandler = (deps: KnowledgeHandlerDependencies) =>
  capabilityHandler(knowledgeCapability, knowledgeUseCases(deps), deps.speech);

export const handler = deployedHandler(() =>
  createHandler(defaultDependencies(process.env, hashingNotifyingClients())),
);
