import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import { SocialMessagingClient } from '@aws-sdk/client-socialmessaging';
import type { SNSEvent } from 'aws-lambda';
import { channelHandler } from '#lambdas/conversation/channels/middleware.ts';
import {
  socialMessagingSender,
  type WhatsAppSender,
  whatsAppNotice,
  whatsAppText,
} from '#lambdas/conversation/channels/whatsapp-outbound.ts';
import { replyGateway, type SmsSenders, smsSendersFor } from '#lambdas/sms-channel/gateway.ts';
import { type Clock, systemClock } from '#shared/clock.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createConversationRepository } from '#shared/data/conversations.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { logger } from '#shared/powertools.ts';
import { AgentChatRelayEnvironmentSchema } from './config.ts';
import { createRelay, StreamedChatItemSchema } from './relay.ts';

export interface AgentChatRelayDependencies extends SmsSenders {
  readonly conversations: ReturnType<typeof createConversationRepository>;
  /** Checked locally as social-messaging:SendWhatsAppMessage on our number. */
  readonly whatsapp: WhatsAppSender;
  readonly clock: Clock;
  readonly idleMinutes: number;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'sms' | 'socialMessaging'>,
): AgentChatRelayDependencies => {
  const config = parseEnv(AgentChatRelayEnvironmentSchema, env);
  return {
    ...smsSendersFor(config, aws.sms),
    conversations: createConversationRepository(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME),
    whatsapp: socialMessagingSender(
      aws.socialMessaging,
      config.WHATSAPP_PHONE_NUMBER_ID,
      config.WHATSAPP_META_API_VERSION,
    ),
    clock: systemClock,
    idleMinutes: config.CONVERSATION_IDLE_MINUTES,
  };
};

/**
 * The relay of WhatsApp and SMS hand-overs: every message and event of an agent's Connect chat
 * arrives on the streaming topic (StartContactStreaming); the agent's messages go to the
 * customer on their channel, and the chat's end returns them to the menu. An item that is not
 * a chat item is logged and dropped (a retry would not change it); anything else is thrown so
 * SNS retries (the relay is idempotent on the item's id).
 */
export const createHandler = (deps: AgentChatRelayDependencies) => {
  const gateway = replyGateway(deps);
  const relay = createRelay({
    conversations: deps.conversations,
    clock: deps.clock,
    idleMinutes: deps.idleMinutes,
    send: (channel, to, text) =>
      channel === 'whatsapp'
        ? deps.whatsapp.send(whatsAppText(to, text))
        : gateway.send({ to, text }),
    notice: async (to, speech, lang) => {
      const template = whatsAppNotice(to, speech, lang, { open: false });
      if (template) await deps.whatsapp.send(template);
      return template !== undefined;
    },
  });
  return channelHandler(async (event: SNSEvent) => {
    for (const record of event.Records) {
      let body: unknown;
      try {
        body = JSON.parse(record.Sns.Message);
      } catch {
        body = undefined;
      }
      const item = StreamedChatItemSchema.safeParse(body);
      if (!item.success) {
        logger.warn('Chat streaming item ignored', { reason: 'NOT_A_CHAT_ITEM' });
        continue;
      }
      const visibility = record.Sns.MessageAttributes?.MessageVisibility?.Value;
      const outcome = await relay(item.data, visibility);
      logger.info('Chat streaming item relayed', {
        outcome,
        type: item.data.Type,
        role: item.data.ParticipantRole,
        contentType: item.data.ContentType,
        contactId: item.data.ContactId,
      });
    }
  });
};

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      sms: new PinpointSMSVoiceV2Client({}),
      socialMessaging: new SocialMessagingClient({}),
    }),
  ),
);
