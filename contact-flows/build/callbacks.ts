import type { FlowBuilder } from './builder.ts';

/** Sets the number a call-back dials (a JSONPath); `onInvalid` when Connect cannot dial it. */
export const callbackNumber =
  (id: string, number: string, next: string, onInvalid: string) => (flow: FlowBuilder) =>
    flow.add(
      id,
      'UpdateContactCallbackNumber',
      { CallbackNumber: number },
      {
        NextAction: next,
        Errors: [
          { ErrorType: 'InvalidCallbackNumber', NextAction: onInvalid },
          { ErrorType: 'CallbackNumberNotDialable', NextAction: onInvalid },
        ],
      },
    );

/**
 * Queues a call-back to the contact's call-back number, 3 attempts 10 minutes apart, in
 * `queue`; with no queue, in the queue the contact waits in, keeping their place.
 */
export const callback =
  (id: string, queue: string | undefined, next: string, onError: string) => (flow: FlowBuilder) =>
    flow.add(
      id,
      'CreateCallbackContact',
      {
        ...(queue && { QueueId: queue }),
        InitialCallDelaySeconds: '5',
        MaximumConnectionAttempts: '3',
        RetryDelaySeconds: '600',
      },
      { NextAction: next, Errors: [{ ErrorType: 'NoMatchingError', NextAction: onError }] },
    );

/** How a call with no capability exits ends: `goodbye`, `error`, both to `hang-up`. */
export const hangUps = (flow: FlowBuilder): FlowBuilder =>
  flow
    .say('goodbye', 'main.goodbye', 'hang-up')
    .say('error', 'main.error', 'hang-up')
    .disconnect('hang-up');
