import { StartChatContactCommand, StartContactStreamingCommand } from '@aws-sdk/client-connect';
import type { Channel, Handover } from '#lambdas/conversation/contract.ts';
import { type AgentChats, connectAgentChats } from '#lambdas/conversation/handover.ts';
import type { ChatContacts } from '#lambdas/web-chat/chat-contacts.ts';
import { LOCAL_ACCOUNT, LOCAL_INSTANCE_ARN, LOCAL_REGION, localArn } from '../arns.ts';
import type { LocalParticipantService } from './participant-service.ts';

/** The relay's topic locally (deployed: the MessagingAgentChatStream topic). */
export const LOCAL_AGENT_CHAT_TOPIC_ARN = `arn:aws:sns:${LOCAL_REGION}:${LOCAL_ACCOUNT}:huduma-agent-chat-stream`;

/**
 * The WhatsApp and SMS hand-over's Connect chat on this machine: the deployed AgentChats
 * (lambdas/conversation/handover.ts) with its two transports pointed here. Connect's
 * StartChatContact runs the chat hand-over flow in the local flow engine (the web chat's
 * stand-in) and StartContactStreaming streams the chat's items to the local relay; the
 * Participant Service's HTTPS calls are answered by the local participant service, in its
 * wire format. `started` keeps what each hand-over asked for (the CLI and tests read it).
 */
export const localAgentChats = ({
  service,
  chatContacts,
}: {
  readonly service: LocalParticipantService;
  readonly chatContacts: ChatContacts;
}): AgentChats & {
  readonly started: { conversationId: string; channel: Channel; handover: Handover }[];
} => {
  const connect = {
    async send(command: unknown): Promise<Record<string, unknown>> {
      if (command instanceof StartChatContactCommand) {
        const input = command.input;
        const chat = await chatContacts.start({
          displayName: input.ParticipantDetails?.DisplayName ?? 'Customer',
          attributes: input.Attributes ?? {},
          initialMessage: input.InitialMessage?.Content ?? '…',
          clientToken: input.ClientToken ?? '',
        });
        return {
          ContactId: chat.contactId,
          ParticipantId: chat.participantId,
          ParticipantToken: chat.participantToken,
        };
      }
      if (command instanceof StartContactStreamingCommand) {
        const { ContactId = '', ChatStreamingConfiguration } = command.input;
        if (
          !service.startStreaming(ContactId, ChatStreamingConfiguration?.StreamingEndpointArn ?? '')
        )
          throw new Error(`No chat ${ContactId} to stream`);
        return { StreamingId: ContactId };
      }
      throw new Error('The local Connect stand-in has no such operation');
    },
  };
  const participantFetch = async (url: string | URL | Request, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const answer = service.http(
      init?.method ?? 'GET',
      new URL(String(url)).pathname,
      headers.get('x-amz-bearer') ?? undefined,
      String(init?.body ?? ''),
    ) ?? { status: 404, headers: {}, body: { message: 'Not Found' } };
    return new Response(JSON.stringify(answer.body), {
      status: answer.status,
      headers: answer.headers,
    });
  };
  const chats = connectAgentChats(
    connect as never,
    {
      instanceId: LOCAL_INSTANCE_ARN,
      contactFlowId: localArn.flow('chat-handover'),
      streamTopicArn: LOCAL_AGENT_CHAT_TOPIC_ARN,
      participantEndpoint: 'http://participant.local',
    },
    participantFetch as typeof fetch,
  );
  const started: { conversationId: string; channel: Channel; handover: Handover }[] = [];
  return {
    started,
    async start(request) {
      const chat = await chats.start(request);
      started.push({ ...request });
      return chat;
    },
    stream: (contactId) => chats.stream(contactId),
    connect: (token) => chats.connect(token),
    post: (token, text, clientToken) => chats.post(token, text, clientToken),
    leave: (token) => chats.leave(token),
  };
};
