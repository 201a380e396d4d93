import { backFromAgent, sessionExpiry } from '#lambdas/conversation/agent-chat.ts';
import { insideWindow } from '#lambdas/conversation/channels/whatsapp-outbound.ts';
import type { Channel } from '#lambdas/conversation/contract.ts';
import { type Say, textReply } from '#lambdas/conversation/replies.ts';
import type { Clock } from '#shared/clock.ts';
import {
  type ConversationRepository,
  type ConversationSession,
  REMEMBERED_MESSAGE_IDS,
  StaleSessionError,
} from '#shared/data/conversations.repository.ts';
import type { Language } from '#shared/speech/language.ts';
import * as z from '#shared/zod.ts';

const EVENT = 'application/vnd.amazonaws.connect.event.';

/**
 * One chat item as StartContactStreaming publishes it on SNS (the message body; the same JSON
 * the Participant Service's transcript and websocket carry). Fixture:
 * test/events/messaging/connect-chat-streaming-sns-event.json.
 */
export const StreamedChatItemSchema = z.object({
  Id: z.string().check(z.minLength(1)),
  Type: z.string().check(z.minLength(1)),
  ContentType: z.string().check(z.minLength(1)),
  Content: z.optional(z.string()),
  ParticipantRole: z.optional(z.string()),
  ContactId: z.string().check(z.minLength(1)),
  InitialContactId: z.optional(z.string().check(z.minLength(1))),
  AbsoluteTime: z.optional(z.string()),
});
export type StreamedChatItem = z.infer<typeof StreamedChatItemSchema>;

export type RelayOutcome =
  | 'SENT'
  /** An agent joined: kept on the session, nothing sent. */
  | 'JOINED'
  | 'ENDED'
  | 'IGNORED'
  | 'DUPLICATE'
  | 'NOT_HANDED_OVER'
  /** WhatsApp: Meta's 24-hour window has closed, so no free-form message may go. */
  | 'OUTSIDE_WINDOW';

export interface RelayDependencies {
  readonly conversations: ConversationRepository;
  /** Writes to the customer on their channel (WhatsApp free-form text, or the SMS gateway). */
  readonly send: (channel: Channel, to: string, text: string) => Promise<void>;
  /**
   * WhatsApp outside Meta's window: the notice's approved template (the channel's
   * `whatsAppNotice`); false when the notice has none, and nothing is sent.
   */
  readonly notice: (to: string, speech: Say, lang: Language) => Promise<boolean>;
  readonly clock: Clock;
  readonly idleMinutes: number;
}

const MAX_ATTEMPTS = 3;

/**
 * What an item asks of the relay: the agent's words for the customer, an agent joining (kept,
 * nothing sent), the chat's end, or nothing.
 */
const kindOf = (item: StreamedChatItem, visibility: string | undefined) => {
  if (item.Type === 'MESSAGE' && item.ParticipantRole === 'AGENT' && item.Content?.trim())
    return visibility === 'AGENT' ? undefined : 'MESSAGE';
  if (item.Type !== 'EVENT') return undefined;
  if (item.ContentType === `${EVENT}chat.ended`) return 'END';
  if (item.ParticipantRole !== 'AGENT') return undefined;
  if (item.ContentType === `${EVENT}participant.joined`) return 'JOINED';
  if (item.ContentType === `${EVENT}participant.left`) return 'END';
  return undefined;
};

/**
 * The agent's side of a WhatsApp or SMS hand-over: an agent's message goes to the customer on
 * their channel; the agent leaving (or the chat ending) returns the customer's conversation to
 * the menu and tells them. Idempotent on the item's id (SNS redelivers): the relayed ids travel
 * in the session's conditional write, as the customer's message ids do. Items of a chat that is
 * no longer the session's (the customer left, a new conversation) change nothing.
 */
export const createRelay = (deps: RelayDependencies) => {
  /**
   * Writes the item's id (and the end) on the session. Sent already: a write that loses to the
   * customer's message reads again and marks again, never sends again.
   */
  const markRelayed = async (
    customerHash: string,
    session: ConversationSession,
    item: { marker: string; texts: string[]; chatId: string; end: boolean },
    attempt: number,
  ): Promise<void> => {
    if (session.handled.some((entry) => entry.id === item.marker)) return;
    const chat = session.agentChat;
    const stillOurs = session.stage === 'AGENT' && chat?.contactId === item.chatId;
    const now = deps.clock();
    // An agent's message or joining: the chat's end is then not one nobody took.
    const answered = stillOurs && !item.end ? { agentChat: { ...chat, answered: true } } : {};
    const after =
      item.end && stillOurs ? backFromAgent(session).session : { ...session, ...answered };
    const next: ConversationSession = {
      ...after,
      handled: [...session.handled, { id: item.marker, replies: item.texts }].slice(
        -REMEMBERED_MESSAGE_IDS,
      ),
      lastMessageAt: now.toISOString(),
      version: session.version + 1,
      expiresAt: sessionExpiry(after, now, deps.idleMinutes),
    };
    try {
      await deps.conversations.saveSession(customerHash, next, session.version);
    } catch (error) {
      if (!(error instanceof StaleSessionError) || attempt >= MAX_ATTEMPTS) throw error;
      const current = await deps.conversations.getSession(session.channel, customerHash);
      if (current) await markRelayed(customerHash, current, item, attempt + 1);
    }
  };

  const relay = async (
    item: StreamedChatItem,
    visibility: string | undefined,
  ): Promise<RelayOutcome> => {
    const kind = kindOf(item, visibility);
    if (!kind) return 'IGNORED';
    const chatId = item.InitialContactId ?? item.ContactId;
    const link = await deps.conversations.getAgentChatLink(chatId);
    const session = link && (await deps.conversations.getSession(link.channel, link.customerHash));
    if (!link || !session?.agentChat || session.agentChat.contactId !== chatId)
      return 'NOT_HANDED_OVER';
    if (session.stage !== 'AGENT') return 'NOT_HANDED_OVER';
    const marker = `agent:${item.Id}`;
    if (session.handled.some((entry) => entry.id === marker)) return 'DUPLICATE';

    if (kind === 'JOINED') {
      if (session.agentChat.answered) return 'DUPLICATE';
      await markRelayed(link.customerHash, session, { marker, texts: [], chatId, end: false }, 1);
      return 'JOINED';
    }
    const channel = session.channel as Channel;
    const lang = session.lang ?? 'en';
    const back =
      kind === 'END'
        ? backFromAgent(session, { unanswered: !session.agentChat.answered })
        : undefined;
    const texts = back
      ? back.say.map((say) => textReply(say, lang, channel).text)
      : [item.Content ?? ''];
    const to = session.agentChat.customer;
    if (channel === 'whatsapp') {
      const customer = await deps.conversations.getCustomer(link.customerHash);
      if (!insideWindow(customer.whatsappLastInboundAt, deps.clock())) {
        if (!back) return 'OUTSIDE_WINDOW';
        // The chat's end still returns the conversation to the menu; the customer is told
        // through the approved template where the notice has one (a chat that lapsed unanswered).
        const [notice] = back.say;
        const told = notice !== undefined && (await deps.notice(to, notice, lang));
        const marked = { marker, texts: told ? texts.slice(0, 1) : [], chatId, end: true };
        await markRelayed(link.customerHash, session, marked, 1);
        return told ? 'ENDED' : 'OUTSIDE_WINDOW';
      }
    }
    if (channel === 'sms') await deps.send(channel, to, texts.join('\n\n'));
    else for (const text of texts) await deps.send(channel, to, text);

    await markRelayed(link.customerHash, session, { marker, texts, chatId, end: !!back }, 1);
    return back ? 'ENDED' : 'SENT';
  };
  return relay;
};
