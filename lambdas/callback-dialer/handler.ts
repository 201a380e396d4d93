import { ConnectClient } from '@aws-sdk/client-connect';
import { SQSClient } from '@aws-sdk/client-sqs';
import { systemClock } from '#shared/clock.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { batchHandler } from '#shared/event-middleware.ts';
import { notifierFor } from '#shared/notifications/default-notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { CallbackMessageSchema, callbackQueueFor } from '#shared/tickets/callbacks.ts';
import { callbackPolicy } from '#shared/tickets/escalation-policy.ts';
import { type CallBackDependencies, callBack, intervalPacer } from './call-back.ts';
import { CallbackDialerEnvironmentSchema } from './config.ts';
import { connectDialer, type OutboundDialer } from './outbound-dialer.ts';
import './prompts.ts';

/** Stands in for the Connect dialer when its settings are not configured: every call fails. */
const unconfiguredDialer = (missing: string): OutboundDialer => {
  const fail = () => Promise.reject(new Error(`${missing} is not set`));
  return { place: fail, outcome: fail };
};

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'sqs' | 'connect'>,
): CallBackDependencies => {
  const config = parseEnv(CallbackDialerEnvironmentSchema, env);
  const { CONNECT_INSTANCE_ID, OUTBOUND_FLOW_ID, OUTBOUND_QUEUE_ID } = config;
  return {
    tickets: createTicketRepository(aws.dynamoDb, config.TICKETS_TABLE_NAME),
    dialer:
      CONNECT_INSTANCE_ID && OUTBOUND_FLOW_ID && OUTBOUND_QUEUE_ID
        ? connectDialer(aws.connect, {
            instanceId: CONNECT_INSTANCE_ID,
            contactFlowId: OUTBOUND_FLOW_ID,
            queueId: OUTBOUND_QUEUE_ID,
          })
        : unconfiguredDialer('CONNECT_INSTANCE_ID, OUTBOUND_FLOW_ID or OUTBOUND_QUEUE_ID'),
    queue: callbackQueueFor(config.CALLBACK_QUEUE_URL, aws.sqs),
    notifier: notifierFor(config, aws.sqs),
    hours: config.CONTACT_CENTRE_HOURS,
    policy: callbackPolicy,
    agentQueue: config.AGENT_QUEUE_ARN,
    pacer: intervalPacer(config.DIAL_INTERVAL_MS),
    clock: systemClock,
  };
};

/** The call-back queue's consumer; local runs pass their own dialer, queue and hours. */
export const createHandler = (deps: CallBackDependencies) => {
  const handle = callBack(deps);
  return batchHandler({
    source: 'SQS',
    handleRecord: async (record) => {
      await handle(CallbackMessageSchema.parse(JSON.parse(record.body)));
    },
  });
};

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      sqs: new SQSClient({}),
      connect: new ConnectClient({}),
    }),
  ),
);
