import { ConnectClient } from '@aws-sdk/client-connect';
import { systemClock } from '#shared/clock.ts';
import { documentClient } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { batchHandler } from '#shared/event-middleware.ts';
import { notifier } from '#shared/notifications/default-notifier.ts';
import { CallbackMessageSchema, callbackQueueFor } from '#shared/tickets/callbacks.ts';
import { callbackPolicy } from '#shared/tickets/escalation-policy.ts';
import { type CallBackDependencies, callBack, intervalPacer } from './call-back.ts';
import { config } from './config.ts';
import { connectDialer } from './outbound-dialer.ts';

const required = <T>(value: T | undefined, name: string): T => {
  if (value === undefined) throw new Error(`${name} is not set`);
  return value;
};

/** The call-back queue's consumer. Deployed settings come from config; local runs pass their own. */
export const createCallbackDialerHandler = (overrides: Partial<CallBackDependencies> = {}) => {
  const deps: CallBackDependencies = {
    tickets: createTicketRepository(documentClient, config.TICKETS_TABLE_NAME),
    dialer:
      overrides.dialer ??
      connectDialer(new ConnectClient({}), {
        instanceId: required(config.CONNECT_INSTANCE_ID, 'CONNECT_INSTANCE_ID'),
        contactFlowId: required(config.OUTBOUND_FLOW_ID, 'OUTBOUND_FLOW_ID'),
        queueId: required(config.OUTBOUND_QUEUE_ID, 'OUTBOUND_QUEUE_ID'),
      }),
    queue: callbackQueueFor(config.CALLBACK_QUEUE_URL),
    notifier,
    hours: overrides.hours ?? required(config.CONTACT_CENTRE_HOURS, 'CONTACT_CENTRE_HOURS'),
    policy: callbackPolicy,
    agentQueue: config.AGENT_QUEUE_ARN,
    pacer: intervalPacer(config.DIAL_INTERVAL_MS),
    clock: systemClock,
    ...overrides,
  };
  const handle = callBack(deps);
  return batchHandler({
    source: 'SQS',
    handleRecord: async (record) => {
      await handle(CallbackMessageSchema.parse(JSON.parse(record.body)));
    },
  });
};

let deployed: ReturnType<typeof createCallbackDialerHandler> | undefined;

/** Built at the first invocation: Connect settings are checked there, not when a test imports this. */
export const handler: ReturnType<typeof createCallbackDialerHandler> = ((event, context) => {
  deployed ??= createCallbackDialerHandler();
  return deployed(event, context);
}) as ReturnType<typeof createCallbackDialerHandler>;
