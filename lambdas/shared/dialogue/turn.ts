import type { Speech } from '#shared/speech/render.ts';
import type { DialogueChannel, DialogueExit } from './types.ts';

/** What a capability operation answers (a use case's FlowOutcome, its domain errors included). */
export interface OperationOutcome {
  readonly outcome: string;
  readonly values?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly speech?: Speech;
}

/**
 * How a channel calls a capability's operation: in-process, on the use cases (operations.ts),
 * with the contact the channel knows (its session id and the customer's number).
 */
export interface DialoguePort {
  readonly invoke: (
    capability: string,
    operation: string | undefined,
    parameters: Readonly<Record<string, string>>,
  ) => Promise<OperationOutcome>;
}

/** One thing the customer did: an answer, silence, or a channel's own keys (back, more, menu, agent). */
export type DialogueMove =
  | { readonly kind: 'answer'; readonly text: string }
  | { readonly kind: 'silence' | 'back' | 'more' | 'menu' | 'agent' };

/** Where a customer is in a dialogue: plain JSON, kept by the channel between turns. */
export interface DialogueState {
  readonly step: string;
  /** The input being asked (lookup steps). */
  readonly input: number;
  /** Tries used at this step. */
  readonly tries: number;
  /** Values kept for the rest of the dialogue (never a proof). */
  readonly kept: Readonly<Record<string, string>>;
  /** This step's keyed inputs so far (a proof only until the step's operation is called). */
  readonly pending?: Readonly<Record<string, string>>;
  /** A list step's items and page, and the value asking its operation for more. */
  readonly list?: {
    readonly items: readonly string[];
    readonly page: number;
    readonly next?: string;
    /** The items are a later set from the operation (its first is loaded again for the start). */
    readonly later?: true;
  };
  /** Steps left, for `back`. */
  readonly history: readonly string[];
}

/** What the customer is asked to answer now. */
export type DialogueAsk =
  | {
      readonly kind: 'input';
      readonly speech: Speech;
      readonly proof: boolean;
      readonly freeText: boolean;
    }
  | { readonly kind: 'choice'; readonly speech: Speech; readonly keys: readonly string[] }
  | {
      readonly kind: 'list';
      readonly speech: Speech;
      readonly items: readonly { readonly key: string; readonly label: Speech }[];
      /**
       * What "more" (98) does on this page: the next page, or on the last of several back to
       * the first; absent on a list of one page, where it only says there is no more.
       */
      readonly more?: 'next' | 'first';
    };

/** One turn's answer: what is said, then what is asked, or the exit taken. */
export interface DialogueTurn {
  readonly said: readonly Speech[];
  readonly ask?: DialogueAsk;
  readonly exit?: DialogueExit;
  readonly state: DialogueState;
  /** Journey steps recorded this turn (`<capability>:<outcome>`). */
  readonly journey: readonly string[];
  /** Why the answer was refused (`WRONG_LENGTH`, `NOT_IN_LIST`…), when it was. */
  readonly refused?: string;
}

export interface RunnerOptions {
  readonly channel: Exclude<DialogueChannel, 'voice'>;
  readonly lang: 'en' | 'sw';
  /** Items a list shows at once. */
  readonly pageSize: number;
}
