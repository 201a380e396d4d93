import { ConnectClient } from '@aws-sdk/client-connect';
import { KMSClient } from '@aws-sdk/client-kms';
import { SQSClient } from '@aws-sdk/client-sqs';
import {
  type KnowledgeDependencies,
  knowledgeSearchIndex,
} from '#lambdas/knowledge/dependencies.ts';
import { knowledgeReader } from '#lambdas/knowledge/knowledge.ts';
import { sendToContact } from '#lambdas/knowledge/send-to-contact.ts';
import type { SummarySmsDependencies } from '#lambdas/knowledge/summary-sms.ts';
import { type ContactLine, connectContactLine } from '#shared/contact-line.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createKnowledgeRepository } from '#shared/data/knowledge.repository.ts';
import { createSmsAllowanceRepository } from '#shared/data/proof-codes.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { httpHandler } from '#shared/http-middleware.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import { notifierFor } from '#shared/notifications/default-notifier.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { principalFromClaims } from '#shared/principal.ts';
import { KnowledgeApiEnvironmentSchema } from './config.ts';
import { knowledgeEditor } from './editing.ts';
import { knowledgeRoutes } from './routes.ts';

export interface KnowledgeApiDependencies extends KnowledgeDependencies {
  /** "Send to the caller by SMS": the contact's line, the notifier and the SMS allowance. */
  readonly contactLine: ContactLine;
  readonly notifier: Notifier;
  readonly smsAllowance: SummarySmsDependencies['smsAllowance'];
}

/** Without an instance (locally) no contact is known: the local runtime passes its own line. */
const noContacts: ContactLine = {
  numberOn: async () => undefined,
  attributesOf: async () => undefined,
  note: async () => {},
};

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs' | 'connect'>,
): KnowledgeApiDependencies => {
  const config = parseEnv(KnowledgeApiEnvironmentSchema, env);
  return {
    contactLine: config.CONNECT_INSTANCE_ID
      ? connectContactLine(aws.connect, config.CONNECT_INSTANCE_ID)
      : noContacts,
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
  };
};

/**
 * The knowledge API behind the staff API's JWT authorizer: search and articles for every
 * staff role, editing for supervisors and agency focal persons, publication for supervisors.
 */
export const createHandler = (deps: KnowledgeApiDependencies) => {
  const index = knowledgeSearchIndex(deps);
  const reader = knowledgeReader({
    repository: deps.repository,
    index,
    now: deps.now,
    timeZone: deps.timeZone,
  });
  return httpHandler({
    routes: knowledgeRoutes(
      reader,
      knowledgeEditor({ repository: deps.repository, index, now: deps.now }),
      sendToContact({
        summaries: reader,
        notifier: deps.notifier,
        smsAllowance: deps.smsAllowance,
        clock: deps.now,
        contactLine: deps.contactLine,
      }),
    ),
    principal: principalFromClaims,
  });
};

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      kms: new KMSClient({}),
      sqs: new SQSClient({}),
      connect: new ConnectClient({}),
    }),
  ),
);
