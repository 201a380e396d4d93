import 'amazon-connect-chatjs';
import type { AgentChat, Line } from './store.ts';

/** What the page hears from the agent chat. */
export interface AgentChatEvents {
  line(line: Line): void;
  joined(): void;
  left(): void;
  lost(): void;
  restored(): void;
  /** The chat is over: the agent, the flow (every queue full) or the customer ended it. */
  ended(byCustomer: boolean): void;
  /** The participant is no longer valid (403 after the chat ended): start a new chat. */
  expired(): void;
}

const EVENT = 'application/vnd.amazonaws.connect.event.';
const ROLE: Record<string, Line['from']> = {
  CUSTOMER: 'customer',
  AGENT: 'agent',
  SYSTEM: 'system',
};

/** A 403 from the participant service: the token belongs to a chat that has ended. */
const isExpired = (error: unknown): boolean => {
  const e = error as {
    statusCode?: number;
    $metadata?: { httpStatusCode?: number };
    name?: string;
  };
  const detail = (error as { error?: unknown })?.error;
  return (
    e?.statusCode === 403 ||
    e?.$metadata?.httpStatusCode === 403 ||
    e?.name === 'AccessDeniedException' ||
    (detail !== undefined && detail !== error && isExpired(detail))
  );
};

/** Sets chatjs's Region and, where the participant service is not AWS's (locally), its address. */
export const configureChatJs = (region: string, endpoint?: string): void => {
  connect.ChatSession.setGlobalConfig({
    region,
    ...(endpoint && { endpoint }),
    loggerConfig: { level: connect.ChatSession.LogLevel.WARN },
  } as Parameters<typeof connect.ChatSession.setGlobalConfig>[0]);
};

/**
 * The customer's side of a Connect chat with amazon-connect-chatjs: connects (or resumes after a
 * refresh: CreateParticipantConnection again with the stored participant token), fetches the
 * transcript on every (re)connection so nothing said while the phone slept is lost, and turns
 * chatjs's events into the page's. chatjs itself reconnects the websocket after a network drop.
 */
export const startAgentChat = async (
  chat: AgentChat,
  region: string,
  on: AgentChatEvents,
): Promise<{ send(text: string): Promise<void>; end(): Promise<void> }> => {
  const session = connect.ChatSession.create({
    chatDetails: chat,
    options: { region },
    type: connect.ChatSession.SessionTypes.CUSTOMER,
  });
  let ended = false;
  const finish = (byCustomer = false) => {
    if (ended) return;
    ended = true;
    on.ended(byCustomer);
  };
  const fromItem = (item: connect.ChatTranscriptItem) => {
    const type = item.ContentType ?? '';
    if (type === `${EVENT}participant.joined` && item.ParticipantRole === 'AGENT') on.joined();
    else if (type === `${EVENT}participant.left` && item.ParticipantRole === 'AGENT') on.left();
    else if (type === `${EVENT}chat.ended`) finish();
    else if (item.Type === 'MESSAGE' && item.Content)
      on.line({
        id: item.Id,
        from: ROLE[item.ParticipantRole ?? ''] ?? 'system',
        text: item.Content,
      });
  };
  const catchUp = async () => {
    const transcript = await session.getTranscript({
      maxResults: 100,
      sortOrder: 'ASCENDING',
      scanDirection: 'BACKWARD',
    });
    for (const item of transcript.data?.Transcript ?? []) fromItem(item);
  };
  session.onMessage((event) => fromItem(event.data));
  session.onConnectionLost(() => on.lost());
  session.onConnectionEstablished(() => {
    on.restored();
    void catchUp().catch(() => undefined);
  });
  session.onEnded(() => finish());
  try {
    await session.connect();
  } catch (error) {
    if (isExpired(error)) {
      on.expired();
      throw error;
    }
    throw error;
  }
  await catchUp().catch(() => undefined);
  return {
    async send(text) {
      await session.sendMessage({ contentType: 'text/plain', message: text });
    },
    async end() {
      await session.disconnectParticipant().catch(() => undefined);
      finish(true);
    },
  };
};
