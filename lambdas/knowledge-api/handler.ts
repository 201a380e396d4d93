import { ConnectClient } from '@aws-sdk/client-connect';
import {
  type KnowledgeSmsDependencies,
  knowledgeSearchIndex,
  knowledgeSmsDependencies,
} from '#lambdas/knowledge/dependencies.ts';
import { knowledgeReader } from '#lambdas/knowledge/knowledge.ts';
import { sendToContact } from '#lambdas/knowledge/send-to-contact.ts';
import { hashingNotifyingClients } from '#shared/aws-clients.ts';
import { type ContactLine, connectContactLine } from '#shared/contact-line.ts';
import { parseEnv } from '#shared/env.ts';
import { httpHandler } from '#shared/http-middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { principalFromClaims } from '#shared/principal.ts';
import { KnowledgeApiEnvironmentSchema } from './config.ts';
import { knowledgeEditor } from './editing.ts';
import { knowledgeRoutes } from './routes.ts';
import './prompts.ts';

export interface KnowledgeApiDependencies extends KnowledgeSmsDependencies {
  /** "Send to the caller by SMS": the contact's line (with the notifier and the SMS allowance). */
  readonly contactLine: ContactLine;
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
    ...knowledgeSmsDependencies(config, aws),
    contactLine: config.CONNECT_INSTANCE_ID
      ? connectContactLine(aws.connect, config.CONNECT_INSTANCE_ID)
      : noContacts,
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
      ...hashingNotifyingClients(),
      connect: new ConnectClient({}),
    }),
  ),
);
