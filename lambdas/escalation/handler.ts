import { SQSClient } from '@aws-sdk/client-sqs';
import { systemClock } from '#shared/clock.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { eventHandler } from '#shared/event-middleware.ts';
import { notifierFor } from '#shared/notifications/default-notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { callbackQueueFor } from '#shared/tickets/callbacks.ts';
import * as z from '#shared/zod.ts';
import { EscalationEnvironmentSchema } from './config.ts';
import {
  type EscalateDependencies,
  EscalateInputSchema,
  type EscalateResult,
  escalate,
} from './escalate.ts';
import { ParkInputSchema, park } from './park.ts';
import './prompts.ts';

/** The state machine's task payload: `operation` selects the use case. */
export const EscalationTaskSchema = z.discriminatedUnion('operation', [
  EscalateInputSchema,
  ParkInputSchema,
]);

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'sqs'>,
): EscalateDependencies => {
  const config = parseEnv(EscalationEnvironmentSchema, env);
  return {
    tickets: createTicketRepository(aws.dynamoDb, config.TICKETS_TABLE_NAME),
    notifier: notifierFor(config, aws.sqs),
    callbacks: callbackQueueFor(config.CALLBACK_QUEUE_URL, aws.sqs),
    contacts: config.ESCALATION_CONTACTS,
    clock: systemClock,
    timeZone: config.TIME_ZONE,
  };
};

/**
 * The escalation state machine's Lambda: `step` carries out what is due, `park` registers the
 * wait. The local runtime and tests pass their clock and queue.
 */
export const createHandler = (deps: EscalateDependencies) => {
  const step = escalate(deps);
  const wait = park(deps);
  return eventHandler({
    schema: EscalationTaskSchema,
    useCase: (task): Promise<EscalateResult | { parked: true }> =>
      task.operation === 'step' ? step(task) : wait(task),
  });
};

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      sqs: new SQSClient({}),
    }),
  ),
);
