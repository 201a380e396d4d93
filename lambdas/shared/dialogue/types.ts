/**
 * A capability's dialogue, described once for every channel: what to ask, how a keyed answer
 * is checked, which operation is called with which inputs, and where each outcome leads. The
 * voice flow is generated from it (contact-flows/build/voice-dialogue.ts); a text or USSD
 * adapter walks the same steps. Dialogues are plain data, written with the constructors of
 * steps.ts (which import nothing at run time), so any Lambda (or the flow builder) can read them
 * without pulling in a channel.
 */

/**
 * Words for one moment of the dialogue: a catalogue prompt id (prompts/*.json) every channel
 * speaks or shows, unless the channel has its own variant because its shape differs.
 */
export interface DialoguePrompt {
  readonly prompt: string;
  /** A USSD screen of its own (182 characters at most once rendered). */
  readonly ussd?: string;
  /** A chat or SMS message of its own (a message may say more than a spoken prompt). */
  readonly text?: string;
  /** Slot values: a literal, or `kept.<name>` for a value kept earlier in the dialogue. */
  readonly vars?: Readonly<Record<string, string>>;
}

/** The channels a dialogue is rendered on. */
export type DialogueChannel = 'voice' | 'ussd' | 'text';

/** Where a step leads outside its own steps: the main menu, an agent, or the end of the call. */
export type DialogueExit = 'menu' | 'agent' | 'goodbye';

/** A step of this dialogue (by id) or one of the exits. */
export type DialogueTarget = DialogueExit | { readonly step: string };

/** The keys that leave any input: `*` back to the menu and `0` to an agent, unless a step says otherwise. */
export type EscapeKeys = Readonly<Partial<Record<'*' | '0', DialogueExit>>>;

/** The shape keyed digits must have, checked before anything is looked up. */
export interface DigitsRule {
  readonly minLength: number;
  readonly maxLength: number;
  /** The last digit checks the others (lambdas/shared/reference.ts). */
  readonly checkDigit?: 'verhoeff';
}

/** One thing the caller keys. */
export interface DialogueInput {
  /** The operation parameter it fills, e.g. `applicationNumber`. */
  readonly name: string;
  /** Short id the channels derive their step ids from, e.g. `number`. */
  readonly id: string;
  readonly ask: DialoguePrompt;
  readonly digits: DigitsRule;
  /** Said when the digits do not have the shape, before asking again. */
  readonly invalid: DialoguePrompt;
  /** Said after a silence, before asking again. */
  readonly noInput: DialoguePrompt;
  /** Proof of identity or an ID number: never logged, never shown back. */
  readonly proof?: true;
  /**
   * Checked by this operation before the next input is asked: its shape only (`VALID`), so a
   * mistyped number is caught before the caller keys their proof; or, where the proof is a
   * one-time code, the code is sent to the number on the record (`CODE_SENT`, answered alike
   * whether the record exists or not).
   */
  readonly checkedBy?: string;
  /** The `checkedBy` operation sends a one-time code to the number on record (`CODE_SENT`). */
  readonly sendsCode?: true;
  /** The record's reference: kept where an agent's screen pop reads it (voice: `reference`). */
  readonly reference?: true;
  /** @default { '*': 'menu', '0': 'agent' } */
  readonly escapes?: EscapeKeys;
  /** Asked only on these channels (e.g. a free-text description on text channels). */
  readonly channels?: readonly DialogueChannel[];
  /** Free text instead of keyed digits (channels that can type it; never voice). */
  readonly freeText?: { readonly maxLength: number };
}

/** What follows one outcome of an operation. */
export interface OutcomeHandling {
  /** `result`: the words the operation rendered; otherwise a prompt of the dialogue. */
  readonly say: 'result' | DialoguePrompt;
  /** The journey step recorded (`<capability>:<outcome>`): screen pop and call logs. */
  readonly journey?: string;
  /** Values kept for the rest of the contact: a literal, or `result.<name>` for a value the operation returned. */
  readonly remember?: Readonly<Record<string, string>>;
  /** `retry`: ask the inputs again from the first, counted against the step's retries. */
  readonly next: DialogueTarget | 'retry';
}

/**
 * Ask the inputs in order, call the operation with them, branch on its outcome. With a proof
 * input this is the verified lookup: an unknown record and a wrong proof answer alike.
 */
export interface LookupStep {
  readonly kind: 'lookup';
  readonly inputs: readonly DialogueInput[];
  /** The operation (the handler's `operation` parameter; none for a one-operation handler). */
  readonly operation?: string;
  readonly outcomes: Readonly<Record<string, OutcomeHandling>>;
  /**
   * INVALID_INPUT names the input (`field`) whose shape was wrong: its `invalid` prompt is said
   * and that input asked again. Listed here so every channel handles it the same way.
   */
  readonly reaskOnInvalidInput: true;
  /** Further tries after an invalid, silent or failed attempt (per input). */
  readonly retries: number;
  /** Said when the tries are used up, before the caller goes to an agent. */
  readonly giveUp?: DialoguePrompt;
  /** Further parameters of the operation: a literal, or `kept.<name>`. */
  readonly parameters?: Readonly<Record<string, string>>;
  /** Where any other outcome leads (its words said, if the operation rendered any). @default 'agent' */
  readonly otherwise?: DialogueTarget;
  /** The voice flow builds this step by hand (contact-flows/build/): the generator skips it. */
  readonly voice?: 'hand-built';
}

/** A keypad (or numbered list) choice between fixed options. */
export interface ChoiceStep {
  readonly kind: 'choice';
  readonly ask: DialoguePrompt;
  readonly options: Readonly<Record<string, DialogueTarget>>;
  /** Where silence or any other key leads. */
  readonly otherwise: DialogueTarget;
  /** Values kept when an option is taken (key: option, then name: literal). */
  readonly keeps?: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The journey step recorded when an option is taken (key: option). */
  readonly journeys?: Readonly<Record<string, string>>;
  readonly voice?: 'hand-built';
}

/** How a listed item is named: `prompt` with `{value}` in it names a prompt per item (`centre.{value}`); otherwise the item is the prompt's `var`. */
export interface ItemLabel {
  readonly prompt: string;
  readonly var?: string;
}

/** A list read from an operation's result: items in `<item>1..<item><count>`, more pages by `next`. */
export interface OperationListSource {
  readonly operation: string;
  /** Parameters: a literal, or `kept.<name>`. */
  readonly parameters: Readonly<Record<string, string>>;
  /** The values holding the items (`option` for option1..n) and their count (`optionCount`). */
  readonly item: string;
  readonly count: string;
  /** The result value naming the next page, and the parameter it is passed back as. */
  readonly more?: { readonly value: string; readonly parameter: string };
  /** The outcome that carries the list. @default 'FOUND' */
  readonly listed?: string;
}

/** A list of fixed items from data/ (counties, complaint categories), each named by a prompt. */
export interface DataListSource {
  readonly items: readonly { readonly value: string; readonly prompt: string }[];
}

/**
 * A numbered choice between items that are not known when the dialogue is written (centres in
 * a county, services at a centre, offered slots) or too many for a keypad menu (counties). A
 * channel shows a page of them at a time and asks for more; the chosen item is kept under `keep`.
 */
export interface ListStep {
  readonly kind: 'list';
  readonly ask: DialoguePrompt;
  readonly source: OperationListSource | DataListSource;
  /** How an operation's items are named (a data list names its own). */
  readonly label?: ItemLabel;
  readonly keep: string;
  readonly next: DialogueTarget;
  /** Outcomes of the source operation other than a list (`NO_SLOTS`, `NOT_FOUND`). */
  readonly outcomes?: Readonly<Record<string, OutcomeHandling>>;
  readonly retries: number;
  readonly voice?: 'hand-built';
}

export type DialogueStep = LookupStep | ChoiceStep | ListStep;

export interface Dialogue {
  /** The capability whose handler serves the operations (lambdas/<capability>/). */
  readonly capability: string;
  readonly start: string;
  readonly steps: Readonly<Record<string, DialogueStep>>;
}

/** The keys that leave an input unless it says otherwise. */
export const STANDARD_ESCAPES: EscapeKeys = { '*': 'menu', '0': 'agent' };
