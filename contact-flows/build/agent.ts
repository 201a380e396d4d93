import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { agentsClosed } from './agents-closed.ts';
import { FlowBuilder } from './builder.ts';
import { callback, callbackNumber, hangUps } from './callbacks.ts';

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
    .with(agentsClosed('closed', 'offer-callback'))
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
    .with(callbackNumber('callback-number', '$.CustomerEndpoint.Address', 'callback', 'ask-number'))
    // A withheld or foreign-format calling number: ask which number to call.
    .phoneNumber('ask-number', 'agent.ask_callback_number', 'stored-number', {
      onInvalid: 'error',
      onTimeout: 'goodbye',
      onError: 'error',
    })
    .with(callbackNumber('stored-number', '$.StoredCustomerInput', 'callback', 'error'))
    .with(callback('callback', '${CallbackQueueArn}', 'callback-confirmed', 'error'))
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
    .with(hangUps)
    .document();
