import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { FlowBuilder } from './builder.ts';
import { callback, hangUps } from './callbacks.ts';

/**
 * Used by StartOutboundVoiceContact (call-backs on resolution). The dialer sets the contact's
 * `lang`, `callbackPrompt` (a catalogue prompt id), `reference` and `agentQueue` attributes.
 */
export const outboundCallbackFlow = (): FlowDocument =>
  new FlowBuilder('greeting')
    .say('greeting', 'outbound.greeting', 'reason')
    .invoke(
      'reason',
      'SpeechFunctionArn',
      { prompt: '$.Attributes.callbackPrompt', reference: '$.Attributes.reference' },
      'say-reason',
      'generic-reason',
    )
    .sayResult('say-reason', 'options')
    .say('generic-reason', 'outbound.callback_requested', 'options')
    .menu(
      'options',
      'outbound.options',
      { '1': 'set-queue', '9': 'reason' },
      { onTimeout: 'goodbye', onInvalid: 'options-retry', onError: 'goodbye' },
    )
    .loop('options-retry', 1, 'options', 'goodbye')
    .targetQueue('set-queue', 'set-general-queue', 'transfer', 'error')
    .transferToQueue('transfer', 'full', 'error')
    // No agent free for the person we called: queue a call-back to the number we dialled.
    .say('full', 'agent.queue_full', 'callback')
    .with(callback('callback', '${CallbackQueueArn}', 'callback-confirmed', 'error'))
    .say('callback-confirmed', 'agent.callback_confirmed_busy', 'goodbye')
    .with(hangUps)
    .document();
