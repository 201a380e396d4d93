import * as z from '#shared/zod.ts';

/**
 * What the web chat needs of the conversation service (lambdas/conversation): one customer
 * message in, the replies and, when self-service hands over, what the agent should see. The
 * web chat writes no dialogue of its own.
 */
export const LanguageSchema = z.enum(['en', 'sw']);
export type Language = z.infer<typeof LanguageSchema>;

export interface InboundMessage {
  readonly channel: 'web';
  /** Who the conversation is with: `web:<chat id>`. */
  readonly customer: string;
  /** The page's id for this message: a redelivery has one effect. */
  readonly messageId: string;
  readonly text: string;
  readonly locale?: Language;
}

export interface TranscriptLine {
  readonly from: 'customer' | 'service';
  readonly text: string;
}

export interface Handover {
  /** The conversation's id: its self-service call log is merged into the agent chat's. */
  readonly conversationId: string;
  /** Screen-pop attributes (journey, intent, reference, verified, agentQueue …). */
  readonly attributes: Readonly<Record<string, string>>;
  /** The conversation so far, oldest first. */
  readonly transcript: readonly TranscriptLine[];
}

export interface ConversationTurn {
  readonly replies: readonly { readonly text: string }[];
  readonly language: Language;
  readonly handover?: Handover;
}

export type HandleMessage = (message: InboundMessage) => Promise<ConversationTurn>;
