import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context, SNSEvent } from 'aws-lambda';
import type { SmsGateway } from '#lambdas/conversation/channels/sms-gateway.ts';
import {
  outboxWhatsAppSender,
  type WhatsAppMessage,
} from '#lambdas/conversation/channels/whatsapp-outbound.ts';
import type { Channel, IncomingMessage } from '#lambdas/conversation/contract.ts';
import {
  conversationServiceDependencies,
  createConversationService,
} from '#lambdas/conversation/dependencies.ts';
import { localAgentChats } from '#lambdas/conversation/handover.ts';
import type { Clock } from '#shared/clock.ts';
import { localHandler } from './handlers.ts';
import type { LocalPlatform } from './platform.ts';

/** What the customer's phone (or page) received, in order. */
export interface ReceivedMessage {
  readonly channel: Channel;
  readonly to: string;
  readonly text: string;
  /** WhatsApp only: the approved template sent instead of free text. */
  readonly template?: string;
}

const context = (functionName: string): Context =>
  ({
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:af-south-1:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  }) as Context;

/** Africa's Talking's inbound SMS callback as API Gateway (HTTP API) hands it to the Lambda. */
export const africasTalkingCallback = (
  form: Record<string, string>,
  query: Record<string, string> = {},
): APIGatewayProxyEventV2 => smsCallbackEvent(new URLSearchParams(form).toString(), query);

/** A form-encoded body posted to POST /channels/sms, as API Gateway (HTTP API) hands it on. */
export const smsCallbackEvent = (
  body: string,
  query: Record<string, string> = {},
): APIGatewayProxyEventV2 => {
  return {
    version: '2.0',
    routeKey: 'POST /channels/sms',
    rawPath: '/channels/sms',
    rawQueryString: new URLSearchParams(query).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    ...(Object.keys(query).length > 0 && { queryStringParameters: query }),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: 'local',
      http: {
        method: 'POST',
        path: '/channels/sms',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'local',
      },
      requestId: randomUUID(),
      routeKey: 'POST /channels/sms',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body: Buffer.from(body).toString('base64'),
    isBase64Encoded: true,
  };
};

/** An SNS delivery of one message (End User Messaging Social's or SMS's event destination). */
export const snsDelivery = (message: string, topic: string): SNSEvent => ({
  Records: [
    {
      EventVersion: '1.0',
      EventSubscriptionArn: `arn:aws:sns:af-south-1:000000000000:${topic}:${randomUUID()}`,
      EventSource: 'aws:sns',
      Sns: {
        SignatureVersion: '1',
        Timestamp: new Date().toISOString(),
        Signature: 'local',
        SigningCertUrl: 'local',
        MessageId: randomUUID(),
        Message: message,
        MessageAttributes: {},
        Type: 'Notification',
        UnsubscribeUrl: 'local',
        TopicArn: `arn:aws:sns:af-south-1:000000000000:${topic}`,
        Subject: '',
      },
    },
  ],
});

/** End User Messaging Social's event for one inbound WhatsApp text, as its SNS destination publishes it. */
export const whatsAppInboundEvent = (from: string, text: string, id: string): string =>
  JSON.stringify({
    context: {
      MetaWabaIds: [
        {
          wabaId: 'local-waba',
          arn: 'arn:aws:social-messaging:af-south-1:000000000000:waba/local',
        },
      ],
      MetaPhoneNumberIds: [
        {
          metaPhoneNumberId: 'local-number',
          arn: 'arn:aws:social-messaging:af-south-1:000000000000:phone-number-id/local',
        },
      ],
    },
    whatsAppWebhookEntry: JSON.stringify({
      id: 'local-waba',
      changes: [
        {
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: { display_phone_number: '254700000919', phone_number_id: 'local-number' },
            contacts: [{ profile: { name: 'Customer' }, wa_id: from.replace(/^\+/, '') }],
            messages: [
              {
                from: from.replace(/^\+/, ''),
                id,
                timestamp: String(Math.floor(Date.now() / 1000)),
                type: 'text',
                text: { body: text },
              },
            ],
          },
        },
      ],
    }),
    aws_account_id: '000000000000',
    message_timestamp: new Date().toISOString(),
    messageId: randomUUID(),
  });

const textOf = (message: WhatsAppMessage): string =>
  message.type === 'text'
    ? message.text.body
    : message.template.components.flatMap((c) => c.parameters.map((p) => p.text)).join(' | ');

/**
 * The messaging channels locally: the deployed SMS and WhatsApp handlers (through the one local
 * seam, so every AWS call is checked against their roles), fed the wire formats their channels
 * speak, with stand-ins that record what the customer received and which chats an agent was
 * offered. Web chat goes straight to the conversation service, as the web chat API does.
 */
export const localMessaging = (platform: LocalPlatform, clock?: Clock) => {
  const received: ReceivedMessage[] = [];
  const agentChats = localAgentChats();
  const whatsapp = outboxWhatsAppSender();
  const smsOutbox: SmsGateway = {
    name: 'africas-talking',
    async send({ to, text }) {
      received.push({ channel: 'sms', to, text });
    },
  };
  const overrides = { agentChats, ...(clock && { clock }) };
  const sms = localHandler('sms-channel', { ...overrides, aggregator: smsOutbox }, platform);
  const whatsappHandler = localHandler('whatsapp-channel', { ...overrides, whatsapp }, platform);
  const web = createConversationService({
    ...conversationServiceDependencies(platform.env, platform.aws),
    ...(clock && { clock }),
  });
  let sent = 0;
  const drainWhatsApp = () => {
    for (const message of whatsapp.sent.slice(sent))
      received.push({
        channel: 'whatsapp',
        to: `+${message.to}`,
        text: textOf(message),
        ...(message.type === 'template' && { template: message.template.name }),
      });
    sent = whatsapp.sent.length;
  };

  return {
    received,
    agentChats,
    whatsapp,
    /** One customer message on a channel, in that channel's wire format. */
    async send(message: Pick<IncomingMessage, 'channel' | 'customer' | 'text'> & { id?: string }) {
      const id = message.id ?? randomUUID();
      if (message.channel === 'sms') {
        return sms(
          africasTalkingCallback({
            from: message.customer,
            to: '22384',
            text: message.text,
            id,
            date: new Date().toISOString(),
          }),
          context('sms-channel'),
        );
      }
      if (message.channel === 'whatsapp') {
        await whatsappHandler(
          snsDelivery(whatsAppInboundEvent(message.customer, message.text, id), 'whatsapp-events'),
          context('whatsapp-channel'),
        );
        drainWhatsApp();
        return undefined;
      }
      const result = await web({
        channel: 'web',
        customer: message.customer,
        messageId: id,
        text: message.text,
      });
      if (!result.duplicate)
        for (const reply of result.replies)
          received.push({ channel: 'web', to: message.customer, text: reply.text });
      return result;
    },
    smsHandler: sms,
    whatsappHandler,
    /** Moves what the WhatsApp handler sent into `received` (after a direct handler call). */
    drain: drainWhatsApp,
  };
};

export type LocalMessaging = ReturnType<typeof localMessaging>;
