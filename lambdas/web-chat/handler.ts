import { ConnectClient } from '@aws-sdk/client-connect';
import {
  type ConversationServiceDependencies,
  conversationServiceDependencies,
  createConversationService,
} from '#lambdas/conversation/dependencies.ts';
import { hashingNotifyingClients } from '#shared/aws-clients.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { connectChatContacts } from './chat-contacts.ts';
import { WebChatEnvironmentSchema } from './config.ts';
import { webChatConversation } from './conversation.ts';
import { publicApiHandler, publicRoute } from './public-api.ts';
import {
  ChatMessageSchema,
  ChatSurveySchema,
  type WebChatDependencies,
  webChatUseCases,
} from './web-chat.ts';

/** The conversation service's dependencies (as the SMS and WhatsApp handlers hold them) and the web chat's own. */
export interface WebChatHandlerDependencies
  extends ConversationServiceDependencies,
    Omit<WebChatDependencies, 'handleMessage'> {
  readonly allowedOrigin: string;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'connect' | 'kms' | 'sqs'>,
): WebChatHandlerDependencies => {
  const config = parseEnv(WebChatEnvironmentSchema, env);
  return {
    ...conversationServiceDependencies(env, aws),
    chatContacts: connectChatContacts(aws.connect, {
      instanceId: config.CONNECT_INSTANCE_ID,
      flowId: config.CHAT_FLOW_ID,
    }),
    callLogs: createCallLogRepository(aws.dynamoDb, config.CALL_LOGS_TABLE_NAME),
    retentionDays: config.CALL_LOG_RETENTION_DAYS,
    allowedOrigin: config.ALLOWED_ORIGIN,
  };
};

/** The citizens' chat API: a message to the conversation service (and to an agent), the survey. */
export const createHandler = (deps: WebChatHandlerDependencies) => {
  const handleMessage = webChatConversation(createConversationService(deps));
  const useCases = webChatUseCases({ ...deps, handleMessage });
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
