import { SFNClient } from '@aws-sdk/client-sfn';
import { systemClock } from '#shared/clock.ts';
import { documentClientFor } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { eventHandler } from '#shared/event-middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { escalationsFor } from '#shared/tickets/escalations.ts';
import { EscalationSweepEnvironmentSchema } from './config.ts';
import { type SweepDependencies, SweepInputSchema, sweepEscalations } from './sweep.ts';

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'sfn'>,
): SweepDependencies => {
  const config = parseEnv(EscalationSweepEnvironmentSchema, env);
  return {
    tickets: createTicketRepository(aws.dynamoDb, config.TICKETS_TABLE_NAME),
    escalations: escalationsFor(aws.sfn, config.ESCALATION_STATE_MACHINE_ARN),
    clock: systemClock,
  };
};

/** The scheduled sweeper; the local runtime and tests pass their clock and runner. */
export const createHandler = (deps: SweepDependencies) =>
  eventHandler({ schema: SweepInputSchema, useCase: sweepEscalations(deps) });

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      sfn: new SFNClient({}),
    }),
  ),
);
