import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { FlowBuilder } from './builder.ts';

/**
 * To an agent: the queue in `agentQueue` (set by the flow that routes here) within hours;
 * after hours, or when the queue is full, a call-back request the agents work when they open.
 */
export const agentFlow = (): FlowDocument =>
  new FlowBuilder('hours')
    .add(
      'hours',
      'CheckHoursOfOperation',
      { HoursOfOperationId: '${ContactCentreHoursArn}' },
      {
        NextAction: 'set-queue',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'set-queue' }],
        Conditions: [
          { NextAction: 'set-queue', Condition: { Operator: 'Equals', Operands: ['True'] } },
          { NextAction: 'closed', Condition: { Operator: 'Equals', Operands: ['False'] } },
        ],
      },
    )
    .targetQueue('set-queue', 'set-general-queue', 'connecting', 'error')
    .say('connecting', 'agent.connecting', 'transfer')
    .transferToQueue('transfer', 'full', 'error')
    .say('full', 'agent.queue_full', 'busy')
    .setAttributes('busy', { callbackWhen: 'busy' }, 'offer-callback')
    .say('closed', 'agent.closed', 'offer-callback')
    .menu(
      'offer-callback',
      'agent.offer_callback',
      { '1': 'callback-number', '*': 'to-menu' },
      {
        onTimeout: 'callback-retry',
        onInvalid: 'callback-retry',
        onError: 'error',
      },
    )
    .loop('callback-retry', 1, 'offer-callback', 'goodbye')
    .add(
      'callback-number',
      'UpdateContactCallbackNumber',
      { CallbackNumber: '$.CustomerEndpoint.Address' },
      {
        NextAction: 'callback',
        Errors: [
          { ErrorType: 'InvalidCallbackNumber', NextAction: 'ask-number' },
          { ErrorType: 'CallbackNumberNotDialable', NextAction: 'ask-number' },
        ],
      },
    )
    // A withheld or foreign-format calling number: ask which number to call.
    .phoneNumber('ask-number', 'agent.ask_callback_number', 'stored-number', {
      onInvalid: 'error',
      onTimeout: 'goodbye',
      onError: 'error',
    })
    .add(
      'stored-number',
      'UpdateContactCallbackNumber',
      { CallbackNumber: '$.StoredCustomerInput' },
      {
        NextAction: 'callback',
        Errors: [
          { ErrorType: 'InvalidCallbackNumber', NextAction: 'error' },
          { ErrorType: 'CallbackNumberNotDialable', NextAction: 'error' },
        ],
      },
    )
    .add(
      'callback',
      'CreateCallbackContact',
      {
        QueueId: '${CallbackQueueArn}',
        InitialCallDelaySeconds: '5',
        MaximumConnectionAttempts: '3',
        RetryDelaySeconds: '600',
      },
      {
        NextAction: 'callback-confirmed',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'error' }],
      },
    )
    .setAttributes(
      'callback-confirmed',
      { journey: '$.Attributes.journey,callback:CREATED', selfService: 'CALLBACK_REQUESTED' },
      'say-callback-confirmed',
    )
    .branch(
      'say-callback-confirmed',
      '$.Attributes.callbackWhen',
      { busy: 'confirmed-busy' },
      'confirmed-closed',
    )
    .say('confirmed-busy', 'agent.callback_confirmed_busy', 'goodbye')
    .say('confirmed-closed', 'agent.callback_confirmed', 'goodbye')
    .transfer('to-menu', '$.Attributes.menuFlow', 'error')
    .say('goodbye', 'main.goodbye', 'hang-up')
    .say('error', 'main.error', 'hang-up')
    .disconnect('hang-up')
    .document();
