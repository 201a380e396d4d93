import type { ConversationStageSchema } from '#shared/data/conversations.repository.ts';
import type { LanguageSchema } from '#shared/speech/language.ts';
import * as z from '#shared/zod.ts';

/**
 * The conversation service's contract: what a channel adapter (web chat API, WhatsApp event
 * destination, SMS inbound) passes for one customer message and what it gets back. Channel-free:
 * no channel event shape crosses it, and the adapters only translate wire formats.
 */

/** The text channels. `web` is the citizen chat page (Connect CHAT once handed over). */
export const ChannelSchema = z.enum(['web', 'whatsapp', 'sms']);
export type Channel = z.infer<typeof ChannelSchema>;

/** The channel as the call log and the reports name it (Connect's channel names, plus ours). */
export const CALL_LOG_CHANNEL: Record<Channel, 'CHAT' | 'WHATSAPP' | 'SMS'> = {
  web: 'CHAT',
  whatsapp: 'WHATSAPP',
  sms: 'SMS',
};

/** One message a customer sent, as any channel adapter passes it. */
export const IncomingMessageSchema = z.object({
  channel: ChannelSchema,
  /**
   * Who is writing: the E.164 number on WhatsApp and SMS; on web, the chat's own id (from the
   * start-chat API, never a phone number). Hashed before it reaches a key, a log or a metric.
   */
  customer: z.string().check(z.minLength(1), z.maxLength(128)),
  /** The channel's id of this message: a redelivery carries the same id and has no second effect. */
  messageId: z.string().check(z.minLength(1), z.maxLength(200)),
  /** What the customer wrote (empty for a first web chat message that only opens the chat). */
  text: z.string().check(z.maxLength(2000)),
  /** The channel's hint of the customer's language (`sw`, `sw-KE`, `en-GB`): a first guess only. */
  locale: z.optional(z.string().check(z.maxLength(35))),
});
export type IncomingMessage = z.infer<typeof IncomingMessageSchema>;

/** One message the customer receives. */
export interface Reply {
  readonly text: string;
  /** The catalogue prompt it was rendered from (tests, templates). */
  readonly prompt?: string;
}

/** A line of the conversation so far, for the agent who takes it over. Proofs are masked. */
export interface TranscriptEntry {
  readonly from: 'CUSTOMER' | 'SERVICE';
  readonly text: string;
  /** ISO 8601 UTC. */
  readonly at: string;
}

/** Why the customer goes to an agent. */
export const HandoverReasonSchema = z.enum([
  'REQUESTED',
  'SELF_SERVICE_FAILED',
  'LOCKED_OUT',
  /** Left after hours for the agents, who take it when they open (WhatsApp and SMS). */
  'AFTER_HOURS',
]);
export type HandoverReason = z.infer<typeof HandoverReasonSchema>;

/**
 * The customer goes to an agent: the adapter starts a Connect chat (StartChatContact) with these
 * attributes (the screen pop reads `lang`, `journey`, `intent`, `reference`, `verified`,
 * `channel`) and posts the transcript so far into it. Nothing here is a phone or ID number.
 */
export interface Handover {
  readonly reason: HandoverReason;
  readonly attributes: Readonly<Record<string, string>>;
  readonly transcript: readonly TranscriptEntry[];
}

export type ConversationStage = z.infer<typeof ConversationStageSchema>;

/** What the adapter may show or keep about the session (no personal data). */
export interface SessionView {
  /** Also the contact id of the conversation's call log. */
  readonly conversationId: string;
  readonly channel: Channel;
  readonly lang?: z.infer<typeof LanguageSchema>;
  readonly stage: ConversationStage;
  /** The capability dialogue the customer is in, if any. */
  readonly capability?: string;
}

/** What one message led to. */
export interface ConversationResult {
  /** Send these to the customer, in order (none for a duplicate delivery or an opted-out number). */
  readonly replies: readonly Reply[];
  /** Set when the customer is to be handed to an agent now. */
  readonly handover?: Handover;
  readonly session: SessionView;
  /** True when this message id was already handled: nothing changed and nothing is to be sent. */
  readonly duplicate: boolean;
}

/** The conversation service's one use case. */
export type HandleMessage = (message: IncomingMessage) => Promise<ConversationResult>;
