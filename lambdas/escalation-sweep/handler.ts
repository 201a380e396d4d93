import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { systemClock } from '#shared/clock.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { eventHandler } from '#shared/event-middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { callbackQueueFor } from '#shared/tickets/callbacks.ts';
import { escalationsFor } from '#shared/tickets/escalations.ts';
import { EscalationSweepEnvironmentSchema } from './config.ts';
import { type OutboxSweepDependencies, SweepInputSchema, sweepOutboxes } from './sweep.ts';

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'sfn' | 'sqs'>,
): OutboxSweepDependencies => {
  const config = parseEnv(EscalationSweepEnvironmentSchema, env);
  return {
    tickets: createTicketRepository(aws.dynamoDb, config.TICKETS_TABLE_NAME),
    escalations: escalationsFor(aws.sfn, config.ESCALATION_STATE_MACHINE_ARN),
    callbacks: callbackQueueFor(config.CALLBACK_QUEUE_URL, aws.sqs),
    clock: systemClock,
    retentionDays: config.TICKET_RETENTION_DAYS,
  };
};

/** The scheduled sweeper; the local runtime and tests pass their clock, runner and queue. */
export const createHandler = (deps: OutboxSweepDependencies) =>
  eventHandler({ schema: SweepInputSchema, useCase: sweepOutboxes(deps) });

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      sfn: new SFNClient({}),
      sqs: new SQSClient({}),
    }),
  ),
);
