import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, Context, SNSEvent } from 'aws-lambda';
import type { SmsGateway } from '#lambdas/conversation/channels/sms-gateway.ts';
import {
  outboxWhatsAppSender,
  type WhatsAppMessage,
} from '#lambdas/conversation/channels/whatsapp-outbound.ts';
import { WHATSAPP_TEMPLATES } from '#lambdas/conversation/channels/whatsapp-templates.ts';
import type { Channel, IncomingMessage } from '#lambdas/conversation/contract.ts';
import {
  conversationServiceDependencies,
  createConversationService,
} from '#lambdas/conversation/dependencies.ts';
import type { ChatContacts } from '#lambdas/web-chat/chat-contacts.ts';
import { type Clock, systemClock } from '#shared/clock.ts';
import type { Language } from '#shared/speech/language.ts';
import { LOCAL_INSTANCE_ARN, localArn } from './arns.ts';
import { localAgentChats } from './chat/agent-chats.ts';
import { localChatContacts } from './chat/local-chats.ts';
import { type ChatItem, LocalParticipantService } from './chat/participant-service.ts';
import { loadContactRecordFeed, RecordingFlowEngine } from './contact-records.ts';
import type { QueueSimulation } from './flow-engine/types.ts';
import { localHandler } from './handlers.ts';
import { lambdaContext } from './lambda-context.ts';
import type { LocalPlatform } from './platform.ts';
import { loadLocalResources } from './resources.ts';

/** What the customer's phone (or page) received, in order. */
export interface ReceivedMessage {
  readonly channel: Channel;
  readonly to: string;
  readonly text: string;
  /** WhatsApp only: the approved template sent instead of free text. */
  readonly template?: string;
}

/** A Lambda context as the local runs give their handlers. */
export const context = (functionName: string): Context => lambdaContext(functionName, 10_000);

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
export const snsDelivery = (
  message: string,
  topic: string,
  attributes: Record<string, string> = {},
): SNSEvent => ({
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
        MessageAttributes: Object.fromEntries(
          Object.entries(attributes).map(([name, value]) => [
            name,
            { Type: 'String', Value: value },
          ]),
        ),
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

/** What the customer reads: the text, or the approved template's body with its parameters. */
const textOf = (message: WhatsAppMessage): string => {
  if (message.type === 'text') return message.text.body;
  const { name, language, components } = message.template;
  const parameters = components.flatMap((component) => component.parameters.map((p) => p.text));
  const body = WHATSAPP_TEMPLATES.find((template) => template.name === name)?.body[
    language.code as Language
  ];
  return body
    ? body.replace(/\{\{(\d+)\}\}/g, (_, n: string) => parameters[Number(n) - 1] ?? '')
    : parameters.join(' | ');
};

/** StartContactStreaming's SNS message attributes beside the item (Connect's SNS payload). */
const streamingAttributes = (item: ChatItem): Record<string, string> => ({
  InitialContactId: item.InitialContactId,
  ContactId: item.ContactId,
  ...(item.ParticipantRole && { ParticipantRole: item.ParticipantRole }),
  Type: item.Type,
  ContentType: item.ContentType,
  MessageVisibility: 'ALL',
  AccountId: '000000000000',
  InstanceId: 'local',
});

/** The agents' side of a hand-over: the participant service the local desktop answers chats in. */
export interface LocalAgentDesk {
  readonly service: LocalParticipantService;
  readonly chatContacts: ChatContacts;
}

/**
 * A desk of its own (tests, `npm run chat`): the chat hand-over flow in a local flow engine,
 * its agent queue as `queue` simulates it (full, for one).
 */
export const localAgentDesk = (
  platform: LocalPlatform,
  clock: Clock,
  queue?: QueueSimulation,
): LocalAgentDesk => {
  const service = new LocalParticipantService(() => clock().getTime());
  let contacts: Promise<ChatContacts> | undefined;
  const feed = loadContactRecordFeed(platform);
  const load = async () =>
    localChatContacts({
      service,
      engine: new RecordingFlowEngine(await loadLocalResources({ platform, clock }), feed),
      flowArn: localArn.flow('chat-handover'),
      instanceArn: LOCAL_INSTANCE_ARN,
      feed,
      now: clock,
      ...(queue && { queue }),
    });
  return {
    service,
    chatContacts: {
      async start(chat) {
        contacts ??= load();
        return (await contacts).start(chat);
      },
    },
  };
};

/**
 * The messaging channels locally: the deployed SMS and WhatsApp handlers (through the one local
 * seam, so every AWS call is checked against their roles), fed the wire formats their channels
 * speak, with stand-ins that record what the customer received. A hand-over's chat goes to the
 * agents' desk (the local desktop's, or one of its own) and streams to the deployed relay
 * handler, as Connect's StartContactStreaming publishes to its topic. Web chat goes straight to
 * the conversation service, as the web chat API does.
 */
export const localMessaging = (platform: LocalPlatform, clock?: Clock, desk?: LocalAgentDesk) => {
  const received: ReceivedMessage[] = [];
  const agents = desk ?? localAgentDesk(platform, clock ?? systemClock);
  const agentChats = localAgentChats(agents);
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
  const relay = localHandler(
    'agent-chat-relay',
    { whatsapp, aggregator: smsOutbox, ...(clock && { clock }) },
    platform,
  );
  const web = createConversationService({
    ...conversationServiceDependencies(platform.env, platform.aws),
    ...(clock && { clock }),
  });
  const toRelay = async (item: ChatItem, topic = 'huduma-agent-chat-stream') => {
    await relay(
      snsDelivery(JSON.stringify(item), topic, streamingAttributes(item)),
      context('agent-chat-relay'),
    );
    drainWhatsApp();
  };
  // What Connect streams reaches the relay as SNS delivers it; `relayed()` waits for it.
  let relaying: Promise<unknown> = Promise.resolve();
  agents.service.onStreamed((topicArn, item) => {
    relaying = relaying
      .then(() => toRelay(item, topicArn.split(':').at(-1)))
      .catch((error: unknown) => console.error('Agent chat relay failed:', error));
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
    /** The agents' desk: accept, reply and end the hand-over chats here. */
    desk: agents,
    relayHandler: relay,
    /** One streamed chat item to the relay again, as SNS redelivers it. */
    redeliver: (item: ChatItem) => toRelay(item),
    /** Waits until every chat item streamed so far has been through the relay. */
    relayed: async () => {
      let last: Promise<unknown>;
      do {
        last = relaying;
        await last;
      } while (last !== relaying);
      drainWhatsApp();
    },
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
