import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { FlowBuilder } from './builder.ts';
import { callback, callbackNumber } from './callbacks.ts';

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
      .with(callbackNumber('callback-number', '$.CustomerEndpoint.Address', 'callback', 'hold'))
      // No queue: the call-back joins this queue where the caller was, keeping their place.
      .with(callback('callback', undefined, 'callback-confirmed', 'hold'))
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
