import type { FlowDocument } from '#flows/language/flow.schema.ts';
import { FlowBuilder } from './builder.ts';

/** A chat message from a contact attribute the web chat rendered in the customer's language. */
const message = (builder: FlowBuilder, id: string, attribute: string, next: string) =>
  builder.add(
    id,
    'MessageParticipant',
    { Text: `$.Attributes.${attribute}` },
    { NextAction: next, Errors: [{ ErrorType: 'NoMatchingError', NextAction: next }] },
  );

/**
 * The hand-over of a text conversation to an agent (StartChatContact from the web chat): to
 * the queue self-service chose (`agentQueue`, else general) within hours, with a waiting
 * message; after hours or when the queue is full a message and the end of the chat, unless
 * the customer left the request for the agents after hours (`handoverReason` AFTER_HOURS):
 * that chat goes to the queue, where it waits for the first agent in. Chat only:
 * the messages are text the caller of StartChatContact rendered from the prompt catalogue
 * (`waitingMessage`, `closedMessage`, `busyMessage`), since Kiswahili has no voice here to
 * play. The post-chat survey is the chat page's own (the socket closes when the chat ends).
 */
export const chatHandoverFlow = (): FlowDocument => {
  const flow = new FlowBuilder('logging')
    .flowLogging('logging', 'Enabled', 'set-queue')
    .targetQueue('set-queue', 'set-general-queue', 'hours', 'error')
    .add(
      'hours',
      'CheckHoursOfOperation',
      { HoursOfOperationId: '${ContactCentreHoursArn}' },
      {
        NextAction: 'waiting',
        Errors: [{ ErrorType: 'NoMatchingError', NextAction: 'waiting' }],
        Conditions: [
          { NextAction: 'waiting', Condition: { Operator: 'Equals', Operands: ['True'] } },
          { NextAction: 'after-hours', Condition: { Operator: 'Equals', Operands: ['False'] } },
        ],
      },
    )
    // A request the customer left after hours (WhatsApp, SMS) waits for the first agent in.
    .branch('after-hours', '$.Attributes.handoverReason', { AFTER_HOURS: 'transfer' }, 'closed');
  message(flow, 'waiting', 'waitingMessage', 'transfer');
  flow.transferToQueue('transfer', 'busy', 'busy');
  message(flow, 'closed', 'closedMessage', 'end');
  message(flow, 'busy', 'busyMessage', 'end');
  message(flow, 'error', 'busyMessage', 'end');
  return flow.disconnect('end').document();
};
