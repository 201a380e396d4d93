import { ConnectClient } from '@aws-sdk/client-connect';
import { SocialMessagingClient } from '@aws-sdk/client-socialmessaging';
import type { SNSEvent } from 'aws-lambda';
import { deliverMessage } from '#lambdas/conversation/channels/deliver.ts';
import { channelHandler } from '#lambdas/conversation/channels/middleware.ts';
import {
  UnreadableEventError,
  whatsAppMessages,
} from '#lambdas/conversation/channels/whatsapp-inbound.ts';
import {
  socialMessagingSender,
  type WhatsAppSender,
  whatsAppText,
} from '#lambdas/conversation/channels/whatsapp-outbound.ts';
import {
  type ConversationServiceDependencies,
  conversationServiceDependencies,
  createConversationService,
} from '#lambdas/conversation/dependencies.ts';
import { type AgentChats, configuredAgentChats } from '#lambdas/conversation/handover.ts';
import { hashingNotifyingClients } from '#shared/aws-clients.ts';
import { parseEnv } from '#shared/env.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { logger } from '#shared/powertools.ts';
import { WhatsAppChannelEnvironmentSchema } from './config.ts';

export interface WhatsAppChannelDependencies extends ConversationServiceDependencies {
  /** Checked locally as social-messaging:SendWhatsAppMessage on our number. */
  readonly whatsapp: WhatsAppSender;
  readonly agentChats: AgentChats;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs' | 'connect' | 'socialMessaging'>,
): WhatsAppChannelDependencies => {
  const config = parseEnv(WhatsAppChannelEnvironmentSchema, env);
  return {
    ...conversationServiceDependencies(env, aws),
    whatsapp: socialMessagingSender(
      aws.socialMessaging,
      config.WHATSAPP_PHONE_NUMBER_ID,
      config.WHATSAPP_META_API_VERSION,
    ),
    agentChats: configuredAgentChats(aws.connect, config),
  };
};

/**
 * The WhatsApp channel: End User Messaging Social's event destination (an SNS topic) delivers
 * every event of our business account; customer messages go through the conversation service
 * and its replies go back as free-form text (the customer has just written: Meta's 24-hour
 * window is open). Status events and unreadable events are logged and dropped, never retried.
 */
export const createHandler = (deps: WhatsAppChannelDependencies) => {
  const deliver = deliverMessage({
    handleMessage: createConversationService(deps),
    send: (message, text) => deps.whatsapp.send(whatsAppText(message.customer, text)),
  });
  return channelHandler(async (event: SNSEvent) => {
    for (const record of event.Records) {
      let messages: ReturnType<typeof whatsAppMessages>;
      try {
        messages = whatsAppMessages(record.Sns.Message);
      } catch (error) {
        if (!(error instanceof UnreadableEventError)) throw error;
        logger.warn('WhatsApp event ignored', { reason: error.message });
        continue;
      }
      for (const message of messages) await deliver(message);
    }
  });
};

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      ...hashingNotifyingClients(),
      connect: new ConnectClient({}),
      socialMessaging: new SocialMessagingClient({}),
    }),
  ),
);
