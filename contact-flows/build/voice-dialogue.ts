import { FLOW_FUNCTIONS } from '#flows/manifest.ts';
import {
  type Dialogue,
  type DialogueExit,
  type DialogueInput,
  type DialogueTarget,
  type LookupStep,
  type OutcomeHandling,
  STANDARD_ESCAPES,
} from '#shared/dialogue/types.ts';
import type { FlowBuilder } from './builder.ts';

/** The actions every capability flow has (exits.ts) that a dialogue's exits lead to. */
const EXIT_ACTIONS: Record<DialogueExit, string> = {
  menu: 'to-menu',
  agent: 'to-agent',
  goodbye: 'goodbye',
};

/** The Lambda placeholder of the handler that serves a dialogue's operations. */
const functionOf = (dialogue: Dialogue): string => {
  const entry = Object.entries(FLOW_FUNCTIONS).find(([, f]) => f.handler === dialogue.capability);
  if (!entry) throw new Error(`No flow function serves ${dialogue.capability}`);
  return entry[0];
};

/** The action that asks an input (a proof's first turns flow logging off). */
export const inputEntry = (step: string, input: DialogueInput) =>
  input.proof ? `${step}-${input.id}-private` : `${step}-${input.id}`;

/** The action a step starts with, for flows that lead into a dialogue from hand-built actions. */
export const stepEntry = (dialogue: Dialogue, step: string): string => {
  const described = dialogue.steps[step];
  if (described?.kind !== 'lookup') return step;
  const [first] = voiceInputs(described);
  return first ? inputEntry(step, first) : step;
};

/** The inputs a caller keys on voice (free text and other channels' inputs are left out). */
const voiceInputs = (step: LookupStep): readonly DialogueInput[] =>
  step.inputs.filter(
    (input) =>
      !input.freeText && (input.channels === undefined || input.channels.includes('voice')),
  );

/** The action that branches on a lookup's outcome (a shortcut may call the operation itself). */
export const outcomeAction = (step: string): string => `${step}-outcome`;

const kebab = (outcome: string) => outcome.toLowerCase().replaceAll('_', '-');

/**
 * Adds a dialogue's steps to a voice flow. A target outside the dialogue's steps is an action
 * of the flow around it (for capabilities whose dialogue is not described in full yet).
 */
export const renderDialogue = (flow: FlowBuilder, dialogue: Dialogue): FlowBuilder => {
  const target = (to: DialogueTarget) =>
    typeof to === 'string' ? EXIT_ACTIONS[to] : stepEntry(dialogue, to.step);
  const fn = functionOf(dialogue);
  for (const [id, step] of Object.entries(dialogue.steps)) {
    // Built by hand in the capability's flow, or not a voice shape (lists come from the flow).
    if (step.voice === 'hand-built' || step.kind === 'list') continue;
    if (step.kind === 'choice') {
      const otherwise = target(step.otherwise);
      flow.menu(
        id,
        step.ask.prompt,
        Object.fromEntries(Object.entries(step.options).map(([key, to]) => [key, target(to)])),
        { onTimeout: otherwise, onInvalid: otherwise, onError: otherwise },
      );
    } else renderLookup(flow, id, step, fn, target);
  }
  return flow;
};

/**
 * The verified lookup (tracking, pensions, complaint status): each input asked with `*` and `0`
 * as ways out, its shape checked early where the dialogue says so, kept in an attribute until
 * the last is keyed; then the operation, and a branch per outcome. Proof inputs are keyed and
 * sent with flow logging off.
 */
const renderLookup = (
  flow: FlowBuilder,
  id: string,
  step: LookupStep,
  fn: string,
  target: (to: DialogueTarget) => string,
) => {
  const inputs = voiceInputs(step);
  const attribute = (input: DialogueInput) => (input.reference ? 'reference' : input.name);
  const hasProof = inputs.some((input) => input.proof);
  const call = id;
  const first = inputs[0];
  const giveUp = step.giveUp ? `${id}-give-up` : 'to-agent';
  const retryOf = (input: DialogueInput) => `${id}-${input.id}-retry`;

  inputs.forEach((input, k) => {
    const at = `${id}-${input.id}`;
    const next = inputs[k + 1];
    const kept = next ? `${at}-remember` : call;
    const afterKeyed = input.checkedBy ? `${at}-check` : kept;
    const escapes = input.escapes ?? STANDARD_ESCAPES;
    // Logging is back on after the call, or at the flow's exits.
    if (input.proof) flow.flowLogging(`${at}-private`, 'Disabled', at);
    flow
      .digits(at, input.ask.prompt, input.digits.maxLength, `${at}-keyed`, {
        onTimeout: `${at}-no-input`,
        onError: 'error',
      })
      .branch(
        `${at}-keyed`,
        '$.StoredCustomerInput',
        Object.fromEntries(Object.entries(escapes).map(([key, exit]) => [key, target(exit)])),
        afterKeyed,
      );
    if (input.checkedBy)
      // Shape only: nothing is looked up, so the answer cannot tell which records exist.
      flow
        .invoke(
          `${at}-check`,
          fn,
          { operation: input.checkedBy, [input.name]: '$.StoredCustomerInput' },
          `${at}-checked`,
          'error',
        )
        .outcome(`${at}-checked`, {
          [input.sendsCode ? 'CODE_SENT' : 'VALID']: kept,
          INVALID_INPUT: `${at}-invalid`,
        });
    if (next)
      flow.setAttributes(
        kept,
        { [attribute(input)]: '$.StoredCustomerInput' },
        inputEntry(id, next),
      );
    flow
      .say(`${at}-invalid`, input.invalid.prompt, retryOf(input))
      .say(`${at}-no-input`, input.noInput.prompt, retryOf(input))
      .loop(retryOf(input), step.retries, inputEntry(id, input), giveUp);
  });

  const parameters: Record<string, string> = step.operation ? { operation: step.operation } : {};
  for (const [name, value] of Object.entries(step.parameters ?? {}))
    parameters[name] = value.startsWith('kept.') ? `$.Attributes.${value.slice(5)}` : value;
  inputs.forEach((input, k) => {
    parameters[input.name] =
      k === inputs.length - 1 ? '$.StoredCustomerInput' : `$.Attributes.${attribute(input)}`;
  });
  const outcome = outcomeAction(id);
  flow.invoke(call, fn, parameters, hasProof ? `${id}-logged` : outcome, 'error');
  if (hasProof) flow.flowLogging(`${id}-logged`, 'Enabled', outcome);

  const cases: Record<string, string> = {};
  for (const name of Object.keys(step.outcomes)) cases[name] = `${id}-${kebab(name)}`;
  if (first) cases.INVALID_INPUT = `${id}-invalid-field`;
  flow.outcome(outcome, cases);

  for (const [name, handling] of Object.entries(step.outcomes)) {
    const then = handling.next === 'retry' && first ? retryOf(first) : target(thenOf(handling));
    renderOutcome(flow, `${id}-${kebab(name)}`, handling, then);
  }
  if (first)
    flow.branch(
      `${id}-invalid-field`,
      '$.External.field',
      Object.fromEntries(inputs.slice(1).map((input) => [input.name, `${id}-${input.id}-invalid`])),
      `${id}-${first.id}-invalid`,
    );
  if (step.giveUp) flow.say(giveUp, step.giveUp.prompt, 'to-agent');
};

/** `retry` with no input to ask again leads to an agent. */
const thenOf = (handling: OutcomeHandling): DialogueTarget =>
  handling.next === 'retry' ? 'agent' : handling.next;

/** What is said, then the journey and values kept, then where the caller goes. */
const renderOutcome = (flow: FlowBuilder, at: string, handling: OutcomeHandling, then: string) => {
  const recorded = handling.journey || handling.remember ? `${at}-done` : then;
  if (handling.say === 'result') flow.sayResult(at, recorded);
  else flow.say(at, handling.say.prompt, recorded);
  if (handling.remember)
    flow.setAttributes(
      recorded,
      {
        ...(handling.journey && { journey: `$.Attributes.journey,${handling.journey}` }),
        ...Object.fromEntries(
          Object.entries(handling.remember).map(([name, value]) => [
            name,
            value.startsWith('result.') ? `$.External.${value.slice('result.'.length)}` : value,
          ]),
        ),
      },
      then,
    );
  else if (handling.journey) flow.step(recorded, handling.journey, then);
};
