import {
  type KnowledgeDependencies,
  knowledgeSearchIndex,
} from '#lambdas/knowledge/dependencies.ts';
import { knowledgeReader } from '#lambdas/knowledge/knowledge.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createKnowledgeRepository } from '#shared/data/knowledge.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { httpHandler } from '#shared/http-middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { principalFromClaims } from '#shared/principal.ts';
import { KnowledgeApiEnvironmentSchema } from './config.ts';
import { knowledgeEditor } from './editing.ts';
import { knowledgeRoutes } from './routes.ts';

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb'>,
): KnowledgeDependencies => {
  const config = parseEnv(KnowledgeApiEnvironmentSchema, env);
  return {
    repository: createKnowledgeRepository(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME),
    now: () => new Date(),
    timeZone: config.TIME_ZONE,
    indexRefreshMs: config.KNOWLEDGE_INDEX_REFRESH_SECONDS * 1000,
  };
};

/**
 * The knowledge API behind the staff API's JWT authorizer: search and articles for every
 * staff role, editing for supervisors and agency focal persons, publication for supervisors.
 */
export const createHandler = (deps: KnowledgeDependencies) => {
  const index = knowledgeSearchIndex(deps);
  return httpHandler({
    routes: knowledgeRoutes(
      knowledgeReader({
        repository: deps.repository,
        index,
        now: deps.now,
        timeZone: deps.timeZone,
      }),
      knowledgeEditor({ repository: deps.repository, index, now: deps.now }),
    ),
    principal: principalFromClaims,
  });
};

export const handler = deployedHandler(() =>
  createHandler(defaultDependencies(process.env, { dynamoDb: documentClientFor(process.env) })),
);
