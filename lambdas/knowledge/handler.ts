import { documentClientFor } from '#shared/data/client.ts';
import { createKnowledgeRepository } from '#shared/data/knowledge.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { capabilityHandler } from '#shared/middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { type SpeechSettings, speechSettingsFrom } from '#shared/speech/render.ts';
import { knowledgeCapability } from './capability.ts';
import { KnowledgeEnvironmentSchema } from './config.ts';
import { type KnowledgeDependencies, knowledgeSearchIndex } from './dependencies.ts';
import { knowledgeSummary } from './flow-lookups.ts';
import { knowledgeReader } from './knowledge.ts';

export interface KnowledgeHandlerDependencies extends KnowledgeDependencies {
  readonly speech: SpeechSettings;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb'>,
): KnowledgeHandlerDependencies => {
  const config = parseEnv(KnowledgeEnvironmentSchema, env);
  return {
    repository: createKnowledgeRepository(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME),
    now: () => new Date(),
    timeZone: config.TIME_ZONE,
    indexRefreshMs: config.KNOWLEDGE_INDEX_REFRESH_SECONDS * 1000,
    speech: speechSettingsFrom(config),
  };
};

/** Knowledge for contact flows: the category menus and a service's short summary. */
export const createHandler = (deps: KnowledgeHandlerDependencies) => {
  const reader = knowledgeReader({
    repository: deps.repository,
    index: knowledgeSearchIndex(deps),
    now: deps.now,
    timeZone: deps.timeZone,
  });
  return capabilityHandler(knowledgeCapability, { summary: knowledgeSummary(reader) }, deps.speech);
};

export const handler = deployedHandler(() =>
  createHandler(defaultDependencies(process.env, { dynamoDb: documentClientFor(process.env) })),
);
