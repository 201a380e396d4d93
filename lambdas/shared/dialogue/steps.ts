import type {
  DialogueInput,
  DialoguePrompt,
  DialogueStep,
  DigitsRule,
  ListStep,
  LookupStep,
  OperationListSource,
  OutcomeHandling,
} from './types.ts';

/**
 * Constructors for the shapes every dialogue repeats, with the defaults they share spelled out
 * once. They return plain data and import only types, so a dialogue stays readable by any
 * Lambda and by the flow builder.
 */

/** A prompt with a USSD screen of its own, `ussd.<prompt>` in the catalogue. */
export const withUssdScreen = (prompt: string): DialoguePrompt => ({
  prompt,
  ussd: `ussd.${prompt}`,
});

type InputSpec = Omit<DialogueInput, 'id' | 'ask' | 'invalid' | 'noInput'> & {
  /** @default the input's name */
  readonly id?: string;
  /** A prompt id, or a prompt with channel variants. */
  readonly ask: string | DialoguePrompt;
  readonly invalid: string;
  /** @default 'main.no_choice' */
  readonly noInput?: string;
};

/** One thing the caller keys, its prompts by id; a silence says `main.no_choice` unless told. */
export const keyedInput = ({
  ask,
  invalid,
  noInput = 'main.no_choice',
  ...input
}: InputSpec): DialogueInput => ({
  ...input,
  id: input.id ?? input.name,
  ask: typeof ask === 'string' ? { prompt: ask } : ask,
  invalid: { prompt: invalid },
  noInput: { prompt: noInput },
});

/** From `min` to `max` keyed digits (exactly `min` unless told). */
export const digitCount = (min: number, max = min): DigitsRule => ({
  minLength: min,
  maxLength: max,
});

type RoleSpec = Omit<InputSpec, 'name' | 'digits' | 'proof' | 'reference'>;

/** The record's own number (tracking's application, a pension), kept for the agent's screen pop. */
export const referenceInput = (name: string, digits: DigitsRule, spec: RoleSpec) =>
  keyedInput({ name, digits, reference: true, ...spec });

/** A proof of identity or ownership: never logged, never shown back. */
export const proofInput = (name: string, digits: DigitsRule, spec: RoleSpec) =>
  keyedInput({ name, digits, proof: true, ...spec });

/** Words the customer writes, up to `maxLength` characters: text channels only (no keypad). */
export const writtenInput = ({
  maxLength,
  ...input
}: Omit<InputSpec, 'digits' | 'freeText' | 'channels'> & { readonly maxLength: number }) =>
  keyedInput({
    ...input,
    digits: { minLength: 0, maxLength: 0 },
    freeText: { maxLength },
    channels: ['text'],
  });

/**
 * A reference the platform issued (lambdas/shared/reference.ts: 8 digits, the last a Verhoeff
 * check digit), kept where an agent's screen pop reads it. `codeSentBy` checks its shape and
 * sends a one-time code to the number on the record (answered alike whether it exists or not)
 * before the code is asked for.
 */
export const issuedReference = (ask: string, invalid: string, codeSentBy: string) =>
  referenceInput(
    'reference',
    { ...digitCount(8), checkDigit: 'verhoeff' },
    { ask, invalid, checkedBy: codeSentBy, sendsCode: true },
  );

/** Say the words the operation rendered, then go `next` (recording and keeping what `also` says). */
export const sayResult = (
  next: OutcomeHandling['next'],
  also: Pick<OutcomeHandling, 'journey' | 'remember'> = {},
): OutcomeHandling => ({ say: 'result', ...also, next });

type LookupSpec = Omit<LookupStep, 'kind' | 'reaskOnInvalidInput' | 'retries'> & {
  /** @default 2 */
  readonly retries?: number;
};

/** Ask the inputs, call the operation, branch on its outcome; a refused input is asked again. */
export const lookup = ({ retries = 2, ...step }: LookupSpec): LookupStep => ({
  kind: 'lookup',
  ...step,
  reaskOnInvalidInput: true,
  retries,
});

/** An operation called with what the contact chose or proved earlier: nothing keyed, no retries. */
export const operationCall = (
  operation: string,
  outcomes: LookupStep['outcomes'],
  more: Pick<LookupStep, 'parameters' | 'otherwise'> = {},
): LookupStep => lookup({ inputs: [], operation, ...more, outcomes, retries: 0 });

/**
 * The source of a list an operation returns as `option1..<optionCount>`; `paged`, further
 * pages named by its `nextPage` value and asked for by the `page` parameter.
 */
export const optionsOf = (
  operation: string,
  parameters: OperationListSource['parameters'],
  paged = false,
): OperationListSource => ({
  operation,
  parameters,
  item: 'option',
  count: 'optionCount',
  ...(paged && { more: { value: 'nextPage', parameter: 'page' } }),
});

/** A numbered list to choose from, its `ask` a prompt id; two further tries after a wrong key. */
export const list = ({
  ask,
  ...step
}: Omit<ListStep, 'kind' | 'ask' | 'retries'> & { readonly ask: string }): ListStep => ({
  kind: 'list',
  ask: { prompt: ask },
  ...step,
  retries: 2,
});

/** Steps whose voice the capability's flow builds by hand (contact-flows/build/): the generator skips them. */
export const handBuilt = (
  steps: Readonly<Record<string, DialogueStep>>,
): Readonly<Record<string, DialogueStep>> =>
  Object.fromEntries(
    Object.entries(steps).map(([id, step]) => [id, { ...step, voice: 'hand-built' }]),
  );
