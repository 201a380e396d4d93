import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { FlowBuilder } from './builder.ts';

/** While a caller waits: position, a call-back offer that keeps their place, then hold messages. */
export const customerQueueFlow = (): FlowDocument => {
  return (
    new FlowBuilder('metrics')
      .add(
        'metrics',
        'GetMetricData',
        { QueueChannel: 'Voice' },
        {
          NextAction: 'position',
          Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'offer' }],
        },
      )
      .invoke(
        'position',
        'SpeechFunctionArn',
        { prompt: 'queue.position', position: '$.Metrics.Queue.Size' },
        'say-position',
        'offer',
      )
      .sayResult('say-position', 'offer')
      .menu(
        'offer',
        'queue.offer_callback',
        { '1': 'callback-number' },
        { onTimeout: 'hold', onInvalid: 'hold', onError: 'hold', timeoutSeconds: 5 },
      )
      .sayRepeatedly('hold', 'queue.hold', 60, 'metrics')
      .add(
        'callback-number',
        'UpdateContactCallbackNumber',
        { CallbackNumber: '$.CustomerEndpoint.Address' },
        {
          NextAction: 'callback',
          Errors: [
            { ErrorType: 'InvalidCallbackNumber', NextAction: 'hold' },
            { ErrorType: 'CallbackNumberNotDialable', NextAction: 'hold' },
          ],
        },
      )
      // No QueueId: the call-back joins this queue where the caller was, keeping their place.
      .add(
        'callback',
        'CreateCallbackContact',
        { InitialCallDelaySeconds: '5', MaximumConnectionAttempts: '3', RetryDelaySeconds: '600' },
        {
          NextAction: 'callback-confirmed',
          Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'hold' }],
        },
      )
      .setAttributes(
        'callback-confirmed',
        { journey: '$.Attributes.journey,callback:CREATED', selfService: 'CALLBACK_REQUESTED' },
        'say-callback-confirmed',
      )
      .say('say-callback-confirmed', 'queue.callback_confirmed', 'hang-up')
      .disconnect('hang-up')
      .document()
  );
};
