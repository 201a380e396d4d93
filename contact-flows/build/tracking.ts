import type { FlowDocument } from '../language/flow.schema.ts';
import { FlowBuilder } from './builder.ts';

/** Track a document application. */
export const trackingFlow = (): FlowDocument =>
  new FlowBuilder('ask')
    .digits('ask', 'tracking.ask_number', 8, 'shortcut', {
      onTimeout: 'no-input',
      onError: 'error',
    })
    .branch('shortcut', '$.StoredCustomerInput', { '*': 'to-menu', '0': 'to-agent' }, 'remember')
    // The number waits in an attribute (also the agent's screen-pop reference) while the proof is asked.
    .setAttributes('remember', { reference: '$.StoredCustomerInput' }, 'ask-id')
    .digits('ask-id', 'tracking.ask_id_digits', 4, 'id-shortcut', {
      onTimeout: 'no-input-id',
      onError: 'error',
    })
    .branch('id-shortcut', '$.StoredCustomerInput', { '*': 'to-menu', '0': 'to-agent' }, 'lookup')
    .invoke(
      'lookup',
      'TrackingFunctionArn',
      { applicationNumber: '$.Attributes.reference', idLast4: '$.StoredCustomerInput' },
      'outcome',
      'error',
    )
    .branch(
      'outcome',
      '$.External.outcome',
      {
        FOUND: 'say-status',
        VERIFICATION_FAILED: 'say-failed',
        LOCKED_OUT: 'say-locked-out',
        INVALID_INPUT: 'invalid-field',
      },
      'error',
    )
    .sayResult('say-status', 'tracked')
    .setAttributes(
      'tracked',
      { journey: '$.Attributes.journey,tracking:FOUND', verified: 'true', selfService: 'TRACKED' },
      'after',
    )
    .menu(
      'after',
      'tracking.after',
      { '1': 'ask', '*': 'to-menu', '0': 'to-agent' },
      {
        onTimeout: 'goodbye',
        onInvalid: 'goodbye',
        onError: 'goodbye',
      },
    )
    .sayResult('say-failed', 'failed')
    .step('failed', 'tracking:VERIFICATION_FAILED', 'retry')
    .sayResult('say-locked-out', 'locked-out')
    .step('locked-out', 'tracking:LOCKED_OUT', 'to-agent')
    .branch('invalid-field', '$.External.field', { idLast4: 'invalid-id' }, 'invalid')
    .say('invalid', 'tracking.invalid_number', 'retry')
    .say('invalid-id', 'tracking.invalid_id_digits', 'retry-id')
    .say('no-input', 'tracking.no_input', 'retry')
    .say('no-input-id', 'tracking.no_input', 'retry-id')
    .loop('retry', 2, 'ask', 'give-up')
    .loop('retry-id', 2, 'ask-id', 'give-up')
    .say('give-up', 'tracking.too_many_attempts', 'to-agent')
    .setAttributes(
      'to-agent',
      {
        agentQueue: '${GeneralQueueArn}',
        intent: 'tracking',
        journey: '$.Attributes.journey,agent',
      },
      'agent',
    )
    .transfer('agent', '${AgentFlowArn}', 'error-hang-up')
    .transfer('to-menu', '$.Attributes.menuFlow', 'error')
    .say('error', 'main.error', 'to-agent')
    .say('goodbye', 'main.goodbye', 'hang-up')
    .say('error-hang-up', 'main.error', 'hang-up')
    .disconnect('hang-up')
    .document();
