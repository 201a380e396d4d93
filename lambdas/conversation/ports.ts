import type { DialogueExit } from '#shared/dialogue/types.ts';
import type { Language, Speech } from '#shared/speech/render.ts';
import type { Channel, HandoverReason } from './contract.ts';

/** Who the dialogue is talking to, as capability operations see the contact. */
export interface TurnContext {
  /** The conversation id: the ContactId capability operations are idempotent on. */
  readonly contactId: string;
  readonly channel: Channel;
  readonly lang: Language;
  /** The customer's E.164 number on WhatsApp and SMS (a hint, never a proof); none on web. */
  readonly customerNumber?: string;
}

/** What one step of a capability's dialogue led to. */
export interface DialogueTurn {
  /** What to write to the customer, in order (catalogue prompts with their values). */
  readonly say: readonly Speech[];
  /** The dialogue's state to keep for the next message; absent when the dialogue left. */
  readonly state?: Readonly<Record<string, unknown>>;
  /** Where the dialogue left to, when it did. */
  readonly exit?: DialogueExit;
  /** Journey steps recorded on the way (`tracking:FOUND`). */
  readonly journey?: readonly string[];
  /** Values kept for the rest of the conversation (`verified`, `selfService`, `reference`). */
  readonly remember?: Readonly<Record<string, string>>;
  /** Why, when the exit is an agent. */
  readonly handoverReason?: HandoverReason;
  /** True when what the customer typed is a proof (masked in the transcript). */
  readonly answerWasProof?: boolean;
}

/** One entry of the text menu: the key the customer types and the capability it opens. */
export interface MenuEntry {
  readonly key: string;
  readonly capability: string;
}

/**
 * The capability dialogues rendered for text: the conversation service's only way to the
 * capabilities. Every step calls the capability's own operation; nothing here knows a rule.
 */
export interface TextDialogues {
  readonly menu: readonly MenuEntry[];
  start(capability: string, context: TurnContext): Promise<DialogueTurn>;
  answer(
    state: Readonly<Record<string, unknown>>,
    text: string,
    context: TurnContext,
  ): Promise<DialogueTurn>;
}

/**
 * A document's status in one message (SMS `TRACK` / `HALI`): the tracking operation's outcome
 * (`FOUND`, `VERIFICATION_FAILED`, `LOCKED_OUT`, `INVALID_INPUT`) and its words.
 */
export type TrackInOneMessage = (
  request: { readonly applicationNumber: string; readonly idLast4: string },
  context: TurnContext,
) => Promise<{ readonly outcome: string; readonly say: Speech }>;
