import {
  type ConversationRepository,
  type ConversationSession,
  TRANSCRIPT_LINES,
} from '#shared/data/conversations.repository.ts';
import { normalise, smsKeyword } from './commands.ts';
import type { Channel, Handover, IncomingMessage, Reply } from './contract.ts';
import { type AgentChats, ParticipantServiceError } from './handover.ts';
import { type Say, textReply } from './replies.ts';
import type { KeywordOutcome } from './sms-keywords.ts';

/**
 * What leaves an agent chat for self-service. Everything else the customer writes while an
 * agent has the conversation goes to the agent, "0", "agent", "help" and a language's name
 * included (they read as words to the agent, not as commands).
 */
const LEAVE_WORDS = new Set(['end', 'maliza', 'menu', 'menyu']);

/** How long the relay may find the conversation from the chat: Connect's chat lasts 25 hours at most. */
const LINK_SECONDS = 26 * 3600;

/** When a chat started at `now` can no longer be answered: its link and its session expire then. */
const agentChatExpiry = (now: Date) => Math.floor(now.getTime() / 1000) + LINK_SECONDS;

/**
 * Whether the session waits on (or talks with) an agent: it does not idle out, since an agent
 * may take the chat long after the customer last wrote; it lives as long as the chat may.
 */
export const withAgent = (
  session: ConversationSession,
): session is ConversationSession & { agentChat: SessionAgentChat } =>
  session.stage === 'AGENT' && session.agentChat !== undefined;

/** The TTL of a session written at `now` that idles out after `idleMinutes`. */
export const idleExpiry = (now: Date, idleMinutes: number) =>
  Math.floor(now.getTime() / 1000) + idleMinutes * 60;

/** A session's TTL after a write at `now`: with an agent, its chat's; otherwise its idle time. */
export const sessionExpiry = (session: ConversationSession, now: Date, idleMinutes: number) =>
  withAgent(session) ? session.expiresAt : idleExpiry(now, idleMinutes);

/** The session's agent chat once it is started, streamed and connected. */
export type SessionAgentChat = NonNullable<ConversationSession['agentChat']>;

/**
 * A hand-over on WhatsApp or SMS: the agent's Connect chat on the chat hand-over flow, linked
 * to the conversation (so the relay finds it by contact id), its messages streamed to the
 * relay's topic, and the customer's participant connected to post what they write next.
 * `ENDED` when the chat was over before the customer could join it (the flow closed it: every
 * queue full, or a hand-over that reached it after hours), so the conversation stays in
 * self-service.
 */
export const startAgentChat = async (
  agentChats: AgentChats,
  conversations: Pick<ConversationRepository, 'linkAgentChat'>,
  request: {
    readonly session: ConversationSession;
    readonly handover: Handover;
    readonly customerHash: string;
    readonly customer: string;
    readonly now: Date;
  },
): Promise<SessionAgentChat | 'ENDED'> => {
  const { session } = request;
  const chat = await agentChats.start({
    conversationId: session.conversationId,
    channel: session.channel as IncomingMessage['channel'],
    handover: request.handover,
  });
  await conversations.linkAgentChat(chat.contactId, {
    channel: session.channel,
    customerHash: request.customerHash,
    expiresAt: agentChatExpiry(request.now),
  });
  await agentChats.stream(chat.contactId);
  let connectionToken: string;
  try {
    connectionToken = await agentChats.connect(chat.participantToken);
  } catch (error) {
    if (error instanceof ParticipantServiceError && error.status === 403) return 'ENDED';
    throw error;
  }
  return { contactId: chat.contactId, connectionToken, customer: request.customer };
};

/** What a customer is told when Connect closed the chat before they could join it. */
const UNANSWERED_HANDOVER: readonly Say[] = [
  { prompt: 'conversation.agent_unavailable' },
  { prompt: 'conversation.menu' },
];

/**
 * The session and replies once a hand-over started (or not): with its agent chat; or, `ENDED`,
 * back at the menu, the customer told so instead of to wait for an agent who will not come
 * (in the transcript and in the answer a redelivery repeats too).
 */
export const sessionAfterHandover = (
  session: ConversationSession,
  chat: SessionAgentChat | 'ENDED' | undefined,
  replies: readonly Reply[],
  channel: Channel,
  at: string,
): { readonly session: ConversationSession; readonly replies: readonly Reply[] } => {
  if (chat === undefined) return { session, replies };
  if (chat !== 'ENDED')
    return {
      session: { ...session, agentChat: chat, expiresAt: agentChatExpiry(new Date(at)) },
      replies,
    };
  const waiting = replies.find(
    (reply) =>
      reply.prompt === 'conversation.handover' || reply.prompt === 'conversation.handover_later',
  );
  const told = [
    ...replies.filter((reply) => reply !== waiting),
    ...UNANSWERED_HANDOVER.map((say) => textReply(say, session.lang ?? 'en', channel)),
  ];
  const last = session.handled.at(-1);
  return {
    replies: told,
    session: {
      ...session,
      stage: 'MENU',
      transcript: [
        ...session.transcript.filter((line) => !(line.at === at && line.text === waiting?.text)),
        ...told.slice(-UNANSWERED_HANDOVER.length).map((reply) => ({
          from: 'SERVICE' as const,
          text: reply.text,
          at,
        })),
      ].slice(-TRANSCRIPT_LINES),
      handled: last
        ? [...session.handled.slice(0, -1), { ...last, replies: told.map((reply) => reply.text) }]
        : session.handled,
    },
  };
};

/**
 * The session back in self-service after its agent chat: the customer is told and shown the
 * menu. A chat Connect ended before any agent joined (no agent took it in the chat's 25 hours)
 * is told as one nobody could take, not as a conversation that was had.
 */
export const backFromAgent = (
  session: ConversationSession,
  { unanswered = false } = {},
): KeywordOutcome => ({
  say: [
    { prompt: unanswered ? 'conversation.agent_chat_unanswered' : 'conversation.agent_chat_ended' },
    { prompt: 'conversation.menu' },
  ],
  session: { ...session, stage: 'MENU', dialogue: undefined, agentChat: undefined },
});

/**
 * The agent chat a message took the customer out of (END, MENU, SMS STOP): the customer's
 * participant leaves it once the session is written, so the chat's end, streamed back to the
 * relay, finds the conversation already out of the agent's hands and sends nothing.
 */
export const leftAgentChat = (
  before: ConversationSession | undefined,
  after: ConversationSession,
): SessionAgentChat | undefined =>
  before?.stage === 'AGENT' && before.agentChat && after.stage !== 'AGENT'
    ? before.agentChat
    : undefined;

/**
 * A message while an agent has the conversation: posted into the agent's chat as the customer
 * (the channel's message id as the client token, so a retried post is one message), nothing
 * answered; END/MALIZA (or MENU/MENYU) leaves the chat for the menu, as does a chat Connect
 * says has ended. SMS STOP is the opt-out's (undefined), which also leaves the chat.
 */
export const agentChatTurn = async (
  agentChats: AgentChats,
  session: ConversationSession & { agentChat: SessionAgentChat },
  message: IncomingMessage,
): Promise<KeywordOutcome | undefined> => {
  if (message.channel === 'sms' && smsKeyword(message.text)?.kind === 'STOP') return undefined;
  if (LEAVE_WORDS.has(normalise(message.text))) return backFromAgent(session);
  if (!message.text.trim()) return { say: [], session };
  const { connectionToken } = session.agentChat;
  const posted = await agentChats.post(connectionToken, message.text, message.messageId);
  return posted === 'ENDED' ? backFromAgent(session) : { say: [], session };
};
