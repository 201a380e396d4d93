import { type ConnectClient, StartChatContactCommand } from '@aws-sdk/client-connect';
import type * as z from 'zod';
import type { HandoverEnvironmentSchema } from './channels/config.ts';
import type { Channel, Handover } from './contract.ts';

/** Connect's limit on a chat's initial message. */
const INITIAL_MESSAGE_LIMIT = 1024;

/** A started agent chat: the Connect contact and the customer participant's token. */
export interface AgentChat {
  readonly contactId: string;
  readonly participantToken?: string;
}

/**
 * The one hand-over port: starts an Amazon Connect chat for an agent with the screen-pop
 * attributes and the conversation so far. Web chat hands the participant token to the page
 * (amazon-connect-chatjs); WhatsApp and SMS keep the contact id on the conversation's call log.
 */
export interface AgentChats {
  start(request: {
    readonly conversationId: string;
    readonly channel: Channel;
    readonly handover: Handover;
  }): Promise<AgentChat>;
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

/**
 * Deployed: StartChatContact on the instance's conversation hand-over flow (it queues the chat
 * for an agent). Idempotent per conversation: the client token is the conversation id, so a
 * redelivered hand-over starts one chat.
 */
export const connectAgentChats = (
  connect: ConnectClient,
  settings: { readonly instanceId: string; readonly contactFlowId: string },
): AgentChats => ({
  async start({ conversationId, channel, handover }) {
    const result = await connect.send(
      new StartChatContactCommand({
        InstanceId: settings.instanceId,
        ContactFlowId: settings.contactFlowId,
        Attributes: { ...handover.attributes },
        ParticipantDetails: { DisplayName: DISPLAY_NAMES[channel] },
        InitialMessage: { ContentType: 'text/plain', Content: transcriptMessage(handover) },
        ClientToken: conversationId,
        SupportedMessagingContentTypes: ['text/plain'],
      }),
    );
    if (!result.ContactId) throw new Error('StartChatContact returned no contact id');
    return {
      contactId: result.ContactId,
      ...(result.ParticipantToken && { participantToken: result.ParticipantToken }),
    };
  },
});

/** Local runtime and tests: the chats an agent would have been offered, in order. */
export const localAgentChats = (): AgentChats & {
  readonly started: { conversationId: string; channel: Channel; handover: Handover }[];
} => {
  const started: { conversationId: string; channel: Channel; handover: Handover }[] = [];
  return {
    started,
    async start(request) {
      started.push({ ...request });
      return { contactId: `local-chat-${request.conversationId}` };
    },
  };
};

/** The hand-over on the instance's conversation flow where both are configured; otherwise a start that fails saying so. */
export const configuredAgentChats = (
  connect: ConnectClient,
  config: z.infer<typeof HandoverEnvironmentSchema>,
): AgentChats =>
  config.CONNECT_INSTANCE_ID && config.CONVERSATION_FLOW_ID
    ? connectAgentChats(connect, {
        instanceId: config.CONNECT_INSTANCE_ID,
        contactFlowId: config.CONVERSATION_FLOW_ID,
      })
    : { start: () => Promise.reject(new Error('CONVERSATION_FLOW_ID is not configured')) };
