import { SFNClient } from '@aws-sdk/client-sfn';
import { documentClientFor } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { batchHandler } from '#shared/event-middleware.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { escalationsFor } from '#shared/tickets/escalations.ts';
import { ticketChange } from '#shared/tickets/ticket-events.ts';
import { EscalationStartEnvironmentSchema } from './config.ts';
import { type OnTicketChangeDependencies, onTicketChange } from './on-ticket-change.ts';

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'sfn'>,
): OnTicketChangeDependencies => {
  const config = parseEnv(EscalationStartEnvironmentSchema, env);
  return {
    tickets: createTicketRepository(aws.dynamoDb, config.TICKETS_TABLE_NAME),
    escalations: escalationsFor(aws.sfn, config.ESCALATION_STATE_MACHINE_ARN),
  };
};

/** The Tickets stream consumer (filtered to complaint creations, resolutions and reopenings). */
export const createHandler = (deps: OnTicketChangeDependencies) => {
  const handle = onTicketChange(deps);
  return batchHandler({
    source: 'DynamoDBStreams',
    handleRecord: (record) => handle(ticketChange(record)),
  });
};

export const handler = deployedHandler(() =>
  createHandler(
    defaultDependencies(process.env, {
      dynamoDb: documentClientFor(process.env),
      sfn: new SFNClient({}),
    }),
  ),
);
