import type { Clock } from '#shared/clock.ts';
import {
  type ConversationRepository,
  type ConversationSession,
  type CustomerMessaging,
  REMEMBERED_MESSAGE_IDS,
  StaleSessionError,
  TRANSCRIPT_LINES,
} from '#shared/data/conversations.repository.ts';
import { InvalidInputError } from '#shared/errors.ts';
import { isOpen, nextOpening, type OpeningHours, openingPromptValues } from '#shared/hours.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import { toE164 } from '#shared/phone.ts';
import type { Language } from '#shared/speech/language.ts';
import type { Speech } from '#shared/speech/render.ts';
import {
  agentChatTurn,
  idleExpiry,
  leftAgentChat,
  sessionAfterHandover,
  sessionExpiry,
  startAgentChat,
  withAgent,
} from './agent-chat.ts';
import {
  commandLanguage,
  globalCommand,
  languageChoice,
  languageFromLocale,
  languageWord,
} from './commands.ts';
import {
  CALL_LOG_CHANNEL,
  type ConversationResult,
  type HandleMessage,
  type Handover,
  type HandoverReason,
  type IncomingMessage,
  IncomingMessageSchema,
  type Reply,
} from './contract.ts';
import type { AgentChats } from './handover.ts';
import type { DialogueTurn, TextDialogues, TrackInOneMessage, TurnContext } from './ports.ts';
import { type Say, textReply } from './replies.ts';
import { smsTurn } from './sms-keywords.ts';

/** Writes the conversation's call log (one item per conversation) after each message. */
export type RecordConversation = (session: ConversationSession) => Promise<void>;

export interface ConversationDependencies {
  readonly conversations: ConversationRepository;
  readonly identityHasher: IdentityHasher;
  readonly dialogues: TextDialogues;
  readonly track: TrackInOneMessage;
  readonly recordConversation: RecordConversation;
  readonly clock: Clock;
  readonly newConversationId: () => string;
  /** A conversation idle this long ends; the next message starts a new one. */
  readonly idleMinutes: number;
  /** The contact centre's opening hours: outside them a customer who asks for an agent is told when they open. */
  readonly hours: OpeningHours;
  /** WhatsApp and SMS hand-overs: the agent's Connect chat (web chat's page holds its own). */
  readonly agentChats?: AgentChats;
}

/** What a message's handling decided, before it is written. */
interface Outcome {
  readonly say: readonly Say[];
  readonly session: ConversationSession;
  readonly customer?: Partial<CustomerMessaging>;
  readonly handover?: HandoverReason;
  /** The customer's text is a proof: kept masked in the transcript. */
  readonly maskAnswer?: boolean;
}

const MAX_ATTEMPTS = 3;

/** Customers' hashes a warm container keeps (a few hundred KiB at most). */
const REMEMBERED_CUSTOMER_HASHES = 5000;

/**
 * How stale the stored start of Meta's 24-hour window may be before a message rewrites it:
 * older by at most this, the window is judged to close that much early (a template sent a
 * little sooner), and a conversation's messages do not each cost a write.
 */
const WINDOW_MARK_MS = 5 * 60_000;

const windowMarkIsOld = (customer: CustomerMessaging, now: Date) =>
  !customer.whatsappLastInboundAt ||
  now.getTime() - Date.parse(customer.whatsappLastInboundAt) >= WINDOW_MARK_MS;

/**
 * The conversation service: one customer message in, the replies (and, when the customer goes to
 * an agent, the hand-over) out. Language first (remembered per customer), then the menu and the
 * capability dialogues, with "0"/"agent"/"wakala", "menu"/"menyu" and "help"/"msaada" at any
 * step. Idempotent on the channel's message id: the handled ids are written in the same
 * conditional write as the state they led to, so a redelivery (or a concurrent duplicate, which
 * loses the version race and re-reads) changes nothing and sends nothing.
 */
export const createConversation = (deps: ConversationDependencies): HandleMessage => {
  const { conversations, identityHasher, clock } = deps;
  // Deployed, a hash is a KMS GenerateMac round trip: a warm container keeps its customers'.
  const customerHashes = new Map<string, string>();
  const customerHashOf = async (customerKey: string) => {
    const known = customerHashes.get(customerKey);
    if (known) return known;
    const hash = await identityHasher.hash('phone', customerKey);
    if (customerHashes.size >= REMEMBERED_CUSTOMER_HASHES) customerHashes.clear();
    customerHashes.set(customerKey, hash);
    return hash;
  };

  const newSession = (message: IncomingMessage, now: Date): ConversationSession => ({
    conversationId: deps.newConversationId(),
    channel: message.channel,
    stage: 'LANGUAGE',
    journey: [],
    remembered: {},
    transcript: [],
    handled: [],
    handedOver: false,
    startedAt: now.toISOString(),
    lastMessageAt: now.toISOString(),
    version: 0,
    expiresAt: idleExpiry(now, deps.idleMinutes),
  });

  const context = (session: ConversationSession, message: IncomingMessage): TurnContext => {
    const number = message.channel === 'web' ? undefined : toE164(message.customer);
    return {
      contactId: session.conversationId,
      channel: message.channel,
      lang: session.lang ?? 'en',
      ...(number && { customerNumber: number }),
    };
  };

  /** The agent chats the service holds the customer's side of: WhatsApp's and SMS's, not web chat's. */
  const agentChatsOn = (channel: string) => (channel === 'web' ? undefined : deps.agentChats);

  const menu = (session: ConversationSession, lead: readonly Say[] = []): Outcome => ({
    say: [...lead, { prompt: 'conversation.menu' }],
    session: { ...session, stage: 'MENU', dialogue: undefined },
  });

  /**
   * To an agent: a hand-over within the opening hours. Outside them, when they next open and
   * the menu, with no hand-over: the chat flow would only close the chat. On WhatsApp and SMS,
   * when the agents open within a night, the customer may also leave the request (`0` again):
   * the chat then waits in the queue for the first agent in. The journey records
   * `agent` once, as a call's does: the forecast counts after-hours demand from it.
   */
  const toAgent = (
    session: ConversationSession,
    reason: HandoverReason,
    now: Date,
    lead: readonly Say[] = [],
    leave = false,
  ): Outcome => {
    const journey = leave ? session.journey : [...session.journey, 'agent'];
    const handedOver = (say: Say, why: HandoverReason): Outcome => ({
      say: [...lead, say],
      session: { ...session, stage: 'AGENT', dialogue: undefined, handedOver: true, journey },
      handover: why,
    });
    const told = (say: Say) => menu({ ...session, journey }, [...lead, say]);
    if (isOpen(deps.hours, now)) return handedOver({ prompt: 'conversation.handover' }, reason);
    const opens = nextOpening(deps.hours, now);
    if (!opens) return told({ prompt: 'conversation.agent_unavailable' });
    const vars = openingPromptValues(opens, deps.hours.timeZone);
    const canLeave =
      agentChatsOn(session.channel) !== undefined &&
      opens.getTime() - now.getTime() <= LEAVE_FOR_AGENTS_WITHIN_MS;
    if (!canLeave) return told({ prompt: 'conversation.agents_closed', vars });
    if (leave) return handedOver({ prompt: 'conversation.handover_later', vars }, 'AFTER_HOURS');
    const offered = told({ prompt: 'conversation.agents_closed_offer', vars });
    return { ...offered, session: { ...offered.session, stage: 'AGENT_OFFER' } };
  };

  /** Applies a dialogue step's result to the session. */
  const afterTurn = (session: ConversationSession, turn: DialogueTurn, now: Date): Outcome => {
    const next: ConversationSession = {
      ...session,
      journey: [...session.journey, ...(turn.journey ?? [])],
      remembered: { ...session.remembered, ...turn.remember },
    };
    const say = turn.say;
    const masked = { maskAnswer: turn.answerWasProof === true };
    if (turn.state)
      return { say, session: { ...next, stage: 'DIALOGUE', dialogue: turn.state }, ...masked };
    switch (turn.exit) {
      case 'agent':
        return {
          ...toAgent(next, turn.handoverReason ?? 'SELF_SERVICE_FAILED', now, say),
          ...masked,
        };
      case 'goodbye':
        return {
          say: [...say, { prompt: 'conversation.goodbye' }],
          session: { ...next, stage: 'MENU', dialogue: undefined },
          ...masked,
        };
      default:
        return { ...menu(next, say), ...masked };
    }
  };

  const decide = async (
    message: IncomingMessage,
    session: ConversationSession,
    customer: CustomerMessaging,
    now: Date,
  ): Promise<Outcome> => {
    const text = message.text;
    // The after-hours offer stands for one message: `0` again leaves the request; anything
    // else (an SMS keyword too) is handled as at the menu, and the offer lapses.
    if (session.stage === 'AGENT_OFFER') {
      const atMenu: ConversationSession = { ...session, stage: 'MENU' };
      return globalCommand(text) === 'AGENT'
        ? toAgent(atMenu, 'REQUESTED', now, [], true)
        : decide(message, atMenu, customer, now);
    }
    if (withAgent(session) && deps.agentChats) {
      const relayed = await agentChatTurn(deps.agentChats, session, message);
      if (relayed) return relayed;
    }
    const keyword = await smsTurn(
      message,
      session,
      customer,
      deps.track,
      context(session, message),
      now,
    );
    if (keyword) return keyword;

    const switched = languageWord(text);
    if (switched && session.stage !== 'LANGUAGE') {
      const withLang = { ...session, lang: switched };
      return { ...menu(withLang), customer: { lang: switched } };
    }

    if (session.stage === 'LANGUAGE') {
      const chosen = languageChoice(text);
      if (chosen) {
        const withLang = { ...session, lang: chosen };
        return { ...menu(withLang), customer: { lang: chosen } };
      }
      // "wakala" or "menu" before a language was chosen: answered in the word's language.
      const inWords = commandLanguage(text);
      const withLang = inWords ? { ...session, lang: inWords } : session;
      const command = globalCommand(text);
      if (command === 'AGENT') return toAgent(withLang, 'REQUESTED', now);
      if (command === 'MENU' && inWords) return menu(withLang);
      return { say: [{ prompt: 'conversation.welcome' }], session };
    }

    switch (globalCommand(text)) {
      case 'AGENT':
        return toAgent(session, 'REQUESTED', now);
      case 'MENU':
        return menu(session);
      case 'HELP':
        return { say: [{ prompt: 'conversation.help' }], session };
      default:
        break;
    }

    if (session.stage === 'DIALOGUE' && session.dialogue)
      return afterTurn(
        session,
        await deps.dialogues.answer(session.dialogue, text, context(session, message)),
        now,
      );

    // The main menu (also where a customer back from an agent, or who said goodbye, types).
    const entry = deps.dialogues.menu.find((item) => item.key === text.trim());
    if (!entry)
      return menu(
        session,
        session.stage === 'MENU' ? [{ prompt: 'conversation.not_understood' }] : [],
      );
    const started = { ...session, journey: [...session.journey, entry.capability] };
    return afterTurn(
      started,
      await deps.dialogues.start(entry.capability, context(started, message)),
      now,
    );
  };

  const handle = async (message: IncomingMessage, attempt: number): Promise<ConversationResult> => {
    const now = clock();
    const customerKey = message.channel === 'web' ? `web:${message.customer}` : message.customer;
    const customerHash = await customerHashOf(customerKey);
    const { session: stored, customer } = await conversations.getSessionAndCustomer(
      message.channel,
      customerHash,
    );

    const seen = stored?.handled.find((entry) => entry.id === message.messageId);
    if (stored && seen)
      return {
        replies: seen.replies.map((text) => ({ text })),
        session: view(stored),
        duplicate: true,
      };

    const live = stored && isLive(stored, now, deps.idleMinutes) ? stored : undefined;
    let session = live ?? newSession(message, now);
    const fresh = !live;
    const knownLang = customer.lang ?? languageFromLocale(message.locale);
    if (fresh && knownLang) session = { ...session, lang: knownLang, stage: 'MENU' };

    const decided =
      fresh && knownLang && !globalCommand(message.text) && !isMenuKey(deps.dialogues, message.text)
        ? await greetKnown(message, session, customer)
        : await decide(message, session, customer, now);

    const lang: Language = decided.session.lang ?? knownLang ?? 'en';
    const replies: Reply[] = decided.say.map((say) => textReply(say, lang, message.channel));
    const at = now.toISOString();
    const transcript = [
      ...decided.session.transcript,
      ...(message.text.trim()
        ? [
            {
              from: 'CUSTOMER' as const,
              text: decided.maskAnswer ? mask(message.text) : message.text,
              at,
            },
          ]
        : []),
      ...replies.map((reply) => ({ from: 'SERVICE' as const, text: reply.text, at })),
    ].slice(-TRANSCRIPT_LINES);
    const withoutChat: ConversationSession = {
      ...decided.session,
      transcript,
      handled: [
        ...decided.session.handled,
        { id: message.messageId, replies: replies.map((reply) => reply.text) },
      ].slice(-REMEMBERED_MESSAGE_IDS),
      lastMessageAt: at,
      version: (live?.version ?? 0) + 1,
      // With an agent the session lives as long as the chat; otherwise until it idles.
      expiresAt: sessionExpiry(decided.session, now, deps.idleMinutes),
    };
    const handover = decided.handover && handoverOf(withoutChat, decided.handover);
    const agentChats = agentChatsOn(message.channel);
    const chat =
      handover && agentChats
        ? await startAgentChat(agentChats, conversations, {
            session: withoutChat,
            handover,
            customerHash,
            customer: message.customer,
            now,
          })
        : undefined;
    const after = sessionAfterHandover(withoutChat, chat, replies, message.channel, at);
    const next = after.session;
    try {
      await conversations.saveSession(
        customerHash,
        next,
        live ? live.version : stored ? stored.version : undefined,
      );
    } catch (error) {
      // Another delivery wrote first (maybe this very message): re-read and decide again.
      if (error instanceof StaleSessionError && attempt < MAX_ATTEMPTS)
        return handle(message, attempt + 1);
      throw error;
    }
    const left = leftAgentChat(live, next);
    if (left && deps.agentChats) await deps.agentChats.leave(left.connectionToken);
    const customerUpdate = {
      ...decided.customer,
      ...(message.channel === 'whatsapp' &&
        windowMarkIsOld(customer, now) && { whatsappLastInboundAt: at }),
    };
    await Promise.all([
      Object.keys(customerUpdate).length > 0
        ? conversations.updateCustomer(customerHash, customerUpdate)
        : undefined,
      deps.recordConversation(next),
    ]);
    return {
      replies: after.replies,
      ...(handover && { handover }),
      session: view(next),
      duplicate: false,
    };
  };

  /** A customer whose language is known: the menu, greeted in their language. */
  const greetKnown = async (
    _message: IncomingMessage,
    session: ConversationSession,
    _customer: CustomerMessaging,
  ): Promise<Outcome> => menu(session, [{ prompt: 'conversation.greeting' }]);

  return async (input) => {
    const parsed = IncomingMessageSchema.safeParse(input);
    if (!parsed.success)
      throw new InvalidInputError('Not a conversation message', {
        details: { field: String(parsed.error.issues[0]?.path[0] ?? 'message'), reason: 'INVALID' },
      });
    return handle(parsed.data, 1);
  };
};

const isMenuKey = (dialogues: TextDialogues, text: string) =>
  dialogues.menu.some((entry) => entry.key === text.trim());

/**
 * How soon the agents must open for a request to be left with them: an agent's WhatsApp reply
 * must come within 24 hours of the customer's last message, and 12 hours covers every night of
 * a 07:00-19:00 day while leaving the agents half the window.
 */
const LEAVE_FOR_AGENTS_WITHIN_MS = 12 * 3600_000;

/** TTL deletes lazily: an idle or ended conversation is over whatever the table still holds. */
const isLive = (session: ConversationSession, now: Date, idleMinutes: number) =>
  session.stage !== 'ENDED' &&
  (withAgent(session)
    ? now.getTime() < session.expiresAt * 1000
    : now.getTime() - Date.parse(session.lastMessageAt) < idleMinutes * 60_000);

const mask = (text: string) => text.replace(/\S/g, '•');

const view = (session: ConversationSession) => ({
  conversationId: session.conversationId,
  channel: session.channel as IncomingMessage['channel'],
  stage: session.stage,
  ...(session.lang && { lang: session.lang }),
  ...(typeof session.dialogue?.capability === 'string' && {
    capability: session.dialogue.capability,
  }),
});

/** The screen pop's attributes and the transcript so far, for the agent's chat. */
const handoverOf = (session: ConversationSession, reason: HandoverReason): Handover => {
  const channel = session.channel as IncomingMessage['channel'];
  const { verified, reference, selfService, intent } = session.remembered;
  const attributes: Record<string, string> = {
    channel: CALL_LOG_CHANNEL[channel],
    conversationId: session.conversationId,
    lang: session.lang ?? 'en',
    journey: session.journey.join(','),
    handoverReason: reason,
    ...(verified && { verified }),
    ...(reference && { reference }),
    ...(selfService && { selfService }),
    ...(intent && { intent }),
  };
  return { reason, attributes, transcript: session.transcript };
};

export type { Speech };
