import { FlowBuilder } from '#flows/build/builder.ts';
import { trackingFlow } from '#flows/build/tracking.ts';
import { outcomeAction, renderDialogue, stepEntry } from '#flows/build/voice-dialogue.ts';
import type { FlowAction } from '#flows/language/flow.schema.ts';
import { validateFlow } from '#flows/language/validator.ts';
import { APPLICATION_NUMBER, ID_LAST4, trackingDialogue } from '#lambdas/tracking/dialogue.ts';
import type { Dialogue } from '#shared/dialogue/types.ts';

/** A two-input verified lookup (tracking's inputs, with a USSD variant and one way out fewer). */
const dialogue = {
  capability: 'tracking',
  start: 'find',
  steps: {
    find: {
      kind: 'lookup',
      inputs: [
        {
          ...APPLICATION_NUMBER,
          ask: { prompt: 'tracking.ask_number', ussd: 'tracking.ask_number' },
        },
        { ...ID_LAST4, escapes: { '*': 'menu' } },
      ],
      outcomes: {
        FOUND: { say: 'result', journey: 'tracking:FOUND', next: 'goodbye' },
        VERIFICATION_FAILED: { say: 'result', next: 'retry' },
      },
      reaskOnInvalidInput: true,
      retries: 3,
    },
  },
} as const satisfies Dialogue;

const rendered = () => {
  const flow = new FlowBuilder(stepEntry(dialogue, 'find'));
  renderDialogue(flow, dialogue)
    .add('to-menu', 'DisconnectParticipant', {}, {})
    .add('to-agent', 'DisconnectParticipant', {}, {})
    .add('goodbye', 'DisconnectParticipant', {}, {})
    .add('error', 'DisconnectParticipant', {}, {});
  return flow.document();
};

const action = (id: string): FlowAction => {
  const found = rendered().Actions.find((a) => a.Identifier === id);
  if (!found) throw new Error(`No action ${id}`);
  return found;
};

const targets = (a: FlowAction) =>
  Object.fromEntries(
    (a.Transitions.Conditions ?? []).map((c) => [c.Condition.Operands[0], c.NextAction]),
  );

describe('a dialogue rendered for voice', () => {
  it('is a valid flow whose every action is reachable', () => {
    expect(
      validateFlow(JSON.stringify(rendered()), {
        flowType: 'CONTACT_FLOW',
        placeholders: 'foreign',
        proofPrompts: new Set(['tracking.ask_id_digits']),
        strict: true,
      }),
    ).toEqual([]);
  });

  it('asks each input with its longest length, and leaves by the keys the input allows', () => {
    expect(action('find-number-en').Parameters).toMatchObject({
      Text: '${en:tracking.ask_number}',
      InputValidation: { CustomValidation: { MaximumLength: '8' } },
    });
    expect(action('find-id-sw').Parameters).toMatchObject({
      Media: { Uri: '${sw:tracking.ask_id_digits}' },
      InputValidation: { CustomValidation: { MaximumLength: '4' } },
    });
    expect(targets(action('find-number-keyed'))).toEqual({ '*': 'to-menu', '0': 'to-agent' });
    expect(targets(action('find-id-keyed'))).toEqual({ '*': 'to-menu' });
  });

  it("checks the number's shape before the proof is asked, and says so when it is wrong", () => {
    expect(action('find-number-keyed').Transitions.NextAction).toBe('find-number-check');
    expect(action('find-number-check').Parameters).toMatchObject({
      LambdaInvocationAttributes: {
        operation: 'check-number',
        applicationNumber: '$.StoredCustomerInput',
      },
    });
    expect(targets(action('find-number-checked'))).toEqual({
      VALID: 'find-number-remember',
      INVALID_INPUT: 'find-number-invalid',
    });
    expect(action('find-number-remember')).toMatchObject({
      Parameters: { Attributes: { reference: '$.StoredCustomerInput' } },
      Transitions: { NextAction: 'find-id-private' },
    });
  });

  it('keys the proof and sends it with flow logging off, and turns logging on after the call', () => {
    expect(action('find-id-private')).toMatchObject({
      Type: 'UpdateFlowLoggingBehavior',
      Parameters: { FlowLoggingBehavior: 'Disabled' },
      Transitions: { NextAction: 'find-id' },
    });
    expect(action('find')).toMatchObject({
      Parameters: {
        LambdaInvocationAttributes: {
          applicationNumber: '$.Attributes.reference',
          idLast4: '$.StoredCustomerInput',
        },
      },
      Transitions: { NextAction: 'find-logged' },
    });
    expect(action('find-logged')).toMatchObject({
      Parameters: { FlowLoggingBehavior: 'Enabled' },
      Transitions: { NextAction: outcomeAction('find') },
    });
  });

  it('branches per outcome, asks the input an INVALID_INPUT names again, and retries from the first', () => {
    expect(targets(action('find-outcome'))).toEqual({
      FOUND: 'find-found',
      VERIFICATION_FAILED: 'find-verification-failed',
      INVALID_INPUT: 'find-invalid-field',
    });
    expect(targets(action('find-invalid-field'))).toEqual({ idLast4: 'find-id-invalid' });
    expect(action('find-invalid-field').Transitions.NextAction).toBe('find-number-invalid');
    expect(action('find-found-done').Parameters).toMatchObject({
      Attributes: { journey: '$.Attributes.journey,tracking:FOUND' },
    });
    expect(action('find-verification-failed-en').Transitions.NextAction).toBe('find-number-retry');
    expect(action('find-number-retry')).toMatchObject({
      Parameters: { LoopCount: '3' },
      Transitions: {
        Conditions: [
          { NextAction: 'find-number', Condition: { Operands: ['ContinueLooping'] } },
          { NextAction: 'to-agent', Condition: { Operands: ['DoneLooping'] } },
        ],
      },
    });
  });

  it('is what the tracking flow is made of', () => {
    const tracking = new Map(trackingFlow().Actions.map((a) => [a.Identifier, a]));
    const entry = stepEntry(trackingDialogue, trackingDialogue.start);

    expect(trackingFlow().StartAction).toBe(entry);
    expect(tracking.get('track-number-check')?.Parameters).toMatchObject({
      LambdaInvocationAttributes: { operation: 'check-number' },
    });
    expect(tracking.get('track-id-private')?.Type).toBe('UpdateFlowLoggingBehavior');
  });
});
