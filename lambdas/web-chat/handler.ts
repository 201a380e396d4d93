import { ConnectClient } from '@aws-sdk/client-connect';
import { hashingNotifyingClients } from '#shared/aws-clients.ts';
import { systemClock } from '#shared/clock.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { parseEnv } from '#shared/env.ts';
import {
  IdentityHasherEnvironmentSchema,
  identityHasherFor,
} from '#shared/identity/default-identity-hasher.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { connectChatContacts } from './chat-contacts.ts';
import { WebChatEnvironmentSchema } from './config.ts';
import { conversationFor } from './conversation.ts';
import { publicApiHandler, publicRoute } from './public-api.ts';
import {
  ChatMessageSchema,
  ChatSurveySchema,
  type WebChatDependencies,
  webChatUseCases,
} from './web-chat.ts';

export interface WebChatHandlerDependencies extends WebChatDependencies {
  readonly allowedOrigin: string;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'connect' | 'kms' | 'sqs'>,
): WebChatHandlerDependencies => {
  const config = parseEnv(WebChatEnvironmentSchema, env);
  return {
    handleMessage: conversationFor(env, aws, systemClock),
    chatContacts: connectChatContacts(aws.connect, {
      instanceId: config.CONNECT_INSTANCE_ID,
      flowId: config.CHAT_FLOW_ID,
    }),
    callLogs: createCallLogRepository(aws.dynamoDb, config.CALL_LOGS_TABLE_NAME),
    identityHasher: identityHasherFor(parseEnv(IdentityHasherEnvironmentSchema, env), aws.kms),
    retentionDays: config.CALL_LOG_RETENTION_DAYS,
    clock: systemClock,
    allowedOrigin: config.ALLOWED_ORIGIN,
  };
};

/** The citizens' chat API: a message to the conversation service (and to an agent), the survey. */
export const createHandler = (deps: WebChatHandlerDependencies) => {
  const useCases = webChatUseCases(deps);
  return publicApiHandler({
    allowedOrigin: deps.allowedOrigin,
    routes: {
      'POST /chat/messages': publicRoute({ body: ChatMessageSchema, handle: useCases.message }),
      'POST /chat/survey': publicRoute({ body: ChatSurveySchema, handle: useCases.survey }),
    },
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
