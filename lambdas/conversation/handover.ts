import {
  type ConnectClient,
  StartChatContactCommand,
  StartContactStreamingCommand,
} from '@aws-sdk/client-connect';
import { FLOW_MESSAGES } from '#lambdas/web-chat/handover.ts';
import { renderText } from '#shared/speech/render.ts';
import type * as z from '#shared/zod.ts';
import type { HandoverEnvironmentSchema } from './channels/config.ts';
import type { Channel, Handover } from './contract.ts';

/** Connect's limit on a chat's initial message. */
const INITIAL_MESSAGE_LIMIT = 1024;

/** A started agent chat: the Connect contact and the customer participant's token. */
export interface AgentChat {
  readonly contactId: string;
  readonly participantToken: string;
}

/** What posting into an agent chat came to: `ENDED` when Connect says the chat is over (403). */
export type PostOutcome = 'SENT' | 'ENDED';

/**
 * The one port to an agent's Amazon Connect chat for WhatsApp and SMS: start it on the chat
 * hand-over flow with the screen-pop attributes and the conversation so far, stream its
 * messages to the relay's SNS topic (StartContactStreaming), and act as the customer's
 * participant in it (Connect Participant Service: CreateParticipantConnection, SendMessage,
 * DisconnectParticipant, authorized by the participant's own tokens, not IAM).
 */
export interface AgentChats {
  start(request: {
    readonly conversationId: string;
    readonly channel: Channel;
    readonly handover: Handover;
  }): Promise<AgentChat>;
  /** StartContactStreaming: the chat's messages and events go to the relay's topic. */
  stream(contactId: string): Promise<void>;
  /** CreateParticipantConnection (ConnectionCredentials): the customer's connection token. */
  connect(participantToken: string): Promise<string>;
  /** SendMessage as the customer; `clientToken` (the channel's message id) makes a retry one message. */
  post(connectionToken: string, text: string, clientToken: string): Promise<PostOutcome>;
  /** DisconnectParticipant: the customer leaves, which ends the chat. */
  leave(connectionToken: string): Promise<void>;
}

const DISPLAY_NAMES: Record<Channel, string> = {
  web: 'Web chat customer',
  whatsapp: 'WhatsApp customer',
  sms: 'SMS customer',
};

/** The transcript as the chat's first message: newest lines kept when it is too long. */
export const transcriptMessage = (handover: Handover): string => {
  const lines = handover.transcript.map(
    (line) => `${line.from === 'CUSTOMER' ? 'Customer' : 'Huduma'}: ${line.text}`,
  );
  let text = lines.join('\n');
  while (text.length > INITIAL_MESSAGE_LIMIT && lines.length > 1) {
    lines.shift();
    text = `…\n${lines.join('\n')}`;
  }
  return text.slice(-INITIAL_MESSAGE_LIMIT);
};

/** The chat hand-over flow's attributes: the screen pop and its messages in the customer's language. */
export const handoverAttributes = (handover: Handover): Record<string, string> => {
  const lang = handover.attributes.lang === 'sw' ? 'sw' : 'en';
  return {
    ...handover.attributes,
    ...Object.fromEntries(
      Object.entries(FLOW_MESSAGES).map(([key, prompt]) => [key, renderText({ prompt }, lang)]),
    ),
  };
};

/** A Participant Service answer that is not a success, with its restJson1 error type. */
export class ParticipantServiceError extends Error {
  readonly status: number;
  readonly errorType: string;
  constructor(status: number, errorType: string) {
    super(`Connect Participant Service answered ${status} ${errorType}`);
    this.name = 'ParticipantServiceError';
    this.status = status;
    this.errorType = errorType;
  }
}

/**
 * Deployed: StartChatContact on the chat hand-over flow (it queues the chat for an agent),
 * idempotent per conversation (the client token is the conversation id, so a redelivered
 * hand-over starts one chat); StartContactStreaming to the relay's topic; the Participant
 * Service over HTTPS with the participant's bearer tokens (`X-Amz-Bearer`).
 */
export const connectAgentChats = (
  connect: Pick<ConnectClient, 'send'>,
  settings: {
    readonly instanceId: string;
    readonly contactFlowId: string;
    readonly streamTopicArn: string;
    readonly participantEndpoint: string;
  },
  fetchFn: typeof fetch = fetch,
): AgentChats => {
  const participant = async (operation: string, bearer: string, body: object) => {
    const response = await fetchFn(`${settings.participantEndpoint}/participant/${operation}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amz-bearer': bearer },
      body: JSON.stringify(body),
    });
    if (!response.ok)
      throw new ParticipantServiceError(
        response.status,
        response.headers.get('x-amzn-errortype')?.split(':')[0] ?? 'UnknownError',
      );
    return (await response.json()) as Record<string, unknown>;
  };
  return {
    async start({ conversationId, channel, handover }) {
      const result = await connect.send(
        new StartChatContactCommand({
          InstanceId: settings.instanceId,
          ContactFlowId: settings.contactFlowId,
          Attributes: handoverAttributes(handover),
          ParticipantDetails: { DisplayName: DISPLAY_NAMES[channel] },
          InitialMessage: { ContentType: 'text/plain', Content: transcriptMessage(handover) },
          ClientToken: conversationId,
          SupportedMessagingContentTypes: ['text/plain'],
        }),
      );
      if (!result.ContactId || !result.ParticipantToken)
        throw new Error('StartChatContact returned no participant');
      return { contactId: result.ContactId, participantToken: result.ParticipantToken };
    },
    async stream(contactId) {
      await connect.send(
        new StartContactStreamingCommand({
          InstanceId: settings.instanceId,
          ContactId: contactId,
          ChatStreamingConfiguration: { StreamingEndpointArn: settings.streamTopicArn },
          ClientToken: contactId,
        }),
      );
    },
    async connect(participantToken) {
      const answer = await participant('connection', participantToken, {
        Type: ['CONNECTION_CREDENTIALS'],
        ConnectParticipant: true,
      });
      const credentials = answer.ConnectionCredentials as { ConnectionToken?: string } | undefined;
      if (!credentials?.ConnectionToken)
        throw new Error('CreateParticipantConnection returned no connection token');
      return credentials.ConnectionToken;
    },
    async post(connectionToken, text, clientToken) {
      try {
        await participant('message', connectionToken, {
          ContentType: 'text/plain',
          Content: text,
          ClientToken: clientToken,
        });
        return 'SENT';
      } catch (error) {
        if (error instanceof ParticipantServiceError && error.status === 403) return 'ENDED';
        throw error;
      }
    },
    async leave(connectionToken) {
      try {
        await participant('disconnect', connectionToken, {});
      } catch (error) {
        // The chat ended already: the customer has left either way.
        if (!(error instanceof ParticipantServiceError && error.status === 403)) throw error;
      }
    },
  };
};

const notConfigured = (): never => {
  throw new Error('CONVERSATION_FLOW_ID or AGENT_CHAT_STREAM_TOPIC_ARN is not configured');
};

/** The channel Lambdas' agent chats from their environment (refusing when hand-over is unset). */
export const configuredAgentChats = (
  connect: Pick<ConnectClient, 'send'>,
  config: z.infer<typeof HandoverEnvironmentSchema>,
): AgentChats =>
  config.CONNECT_INSTANCE_ID && config.CONVERSATION_FLOW_ID && config.AGENT_CHAT_STREAM_TOPIC_ARN
    ? connectAgentChats(connect, {
        instanceId: config.CONNECT_INSTANCE_ID,
        contactFlowId: config.CONVERSATION_FLOW_ID,
        streamTopicArn: config.AGENT_CHAT_STREAM_TOPIC_ARN,
        participantEndpoint:
          config.PARTICIPANT_ENDPOINT ??
          `https://participant.connect.${config.AWS_REGION}.amazonaws.com`,
      })
    : {
        start: async () => notConfigured(),
        stream: async () => notConfigured(),
        connect: async () => notConfigured(),
        post: async () => notConfigured(),
        leave: async () => notConfigured(),
      };
