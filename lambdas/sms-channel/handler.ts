import { timingSafeEqual } from 'node:crypto';
import { ConnectClient } from '@aws-sdk/client-connect';
import { PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyStructuredResultV2,
  SNSEvent,
} from 'aws-lambda';
import { deliverMessage } from '#lambdas/conversation/channels/deliver.ts';
import { channelHandler } from '#lambdas/conversation/channels/middleware.ts';
import {
  africasTalkingInbound,
  twoWaySmsInbound,
} from '#lambdas/conversation/channels/sms-gateway.ts';
import { UnreadableEventError } from '#lambdas/conversation/channels/whatsapp-inbound.ts';
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
import { SmsChannelEnvironmentSchema } from './config.ts';
import { replyGateway, type SmsSenders, smsSendersFor } from './gateway.ts';

export interface SmsChannelDependencies extends ConversationServiceDependencies, SmsSenders {
  readonly agentChats: AgentChats;
  readonly inboundToken?: string | undefined;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs' | 'sms' | 'connect'>,
): SmsChannelDependencies => {
  const config = parseEnv(SmsChannelEnvironmentSchema, env);
  return {
    ...conversationServiceDependencies(env, aws),
    ...smsSendersFor(config, aws.sms),
    agentChats: configuredAgentChats(aws.connect, config),
    inboundToken: config.SMS_INBOUND_TOKEN,
  };
};

type SmsEvent = APIGatewayProxyEventV2 | SNSEvent;

const plain = (statusCode: number, body: string): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
  body,
});

const sameSecret = (given: string | undefined, expected: string) => {
  const a = Buffer.from(given ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * The SMS channel: Africa's Talking's inbound callback (POST /channels/sms, form-encoded;
 * answered 200 once the replies are sent, 400 with a reason for a post that is not one, 403
 * without the callback's token) or End User Messaging SMS's two-way messages on SNS. Every
 * message goes through the conversation service; replies go back through the same gateway.
 */
export const createHandler = (deps: SmsChannelDependencies) => {
  const gateway = replyGateway(deps);
  const links = new Map<string, string>();
  const deliver = deliverMessage({
    handleMessage: createConversationService(deps),
    send: async (message, text) => {
      const linkId = links.get(message.messageId);
      await gateway.send({ to: message.customer, text, ...(linkId && { linkId }) });
    },
    combineReplies: true,
  });

  const fromGateway = async (event: APIGatewayProxyEventV2) => {
    if (deps.inboundToken && !sameSecret(event.queryStringParameters?.token, deps.inboundToken))
      return plain(403, 'FORBIDDEN');
    const raw = event.body ?? '';
    const body = event.isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
    let inbound: ReturnType<typeof africasTalkingInbound>;
    try {
      inbound = africasTalkingInbound(body);
    } catch (error) {
      if (!(error instanceof UnreadableEventError)) throw error;
      logger.info('SMS callback refused', { reason: error.message });
      return plain(400, `INVALID_INPUT: ${error.message}`);
    }
    if (inbound.linkId) links.set(inbound.message.messageId, inbound.linkId);
    try {
      await deliver(inbound.message);
    } finally {
      links.delete(inbound.message.messageId);
    }
    return plain(200, 'OK');
  };

  return channelHandler(async (event: SmsEvent) => {
    if ('Records' in event) {
      for (const record of event.Records) {
        try {
          await deliver(twoWaySmsInbound(record.Sns.Message));
        } catch (error) {
          if (!(error instanceof UnreadableEventError)) throw error;
          // Not a customer message: nothing to answer, nothing to retry.
          logger.warn('SMS event ignored', { reason: error.message });
        }
      }
      return undefined;
    }
    return fromGateway(event);
  });
};

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      ...hashingNotifyingClients(),
      sms: new PinpointSMSVoiceV2Client({}),
      connect: new ConnectClient({}),
    }),
  ),
);
