import { createAgentComplaint } from '#lambdas/complaints/create-agent-complaint.ts';
import { hashingNotifyingClients } from '#shared/aws-clients.ts';
import {
  type CatalogueRepository,
  createCatalogueRepository,
} from '#shared/data/catalogue.repository.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { parseEnv } from '#shared/env.ts';
import { httpHandler } from '#shared/http-middleware.ts';
import { identityHasherFor } from '#shared/identity/default-identity-hasher.ts';
import { notifierFor } from '#shared/notifications/default-notifier.ts';
import type { Notifier } from '#shared/notifications/notifier.ts';
import { type AwsClients, deployedHandler, type Environment } from '#shared/platform.ts';
import { principalFromClaims } from '#shared/principal.ts';
import { callbackQueueFor } from '#shared/tickets/callbacks.ts';
import { createTicketOpener } from '#shared/tickets/open-ticket.ts';
import { TicketsApiEnvironmentSchema } from './config.ts';
import { ticketRoutes } from './routes.ts';
import { type TicketUseCaseDependencies, ticketUseCases } from './tickets.ts';
import './prompts.ts';

export interface TicketsApiDependencies extends TicketUseCaseDependencies {
  readonly catalogue: CatalogueRepository;
  readonly notifier: Notifier;
}

export const defaultDependencies = (
  env: Environment,
  aws: Pick<AwsClients, 'dynamoDb' | 'kms' | 'sqs'>,
): TicketsApiDependencies => {
  const config = parseEnv(TicketsApiEnvironmentSchema, env);
  return {
    tickets: createTicketRepository(aws.dynamoDb, config.TICKETS_TABLE_NAME, {
      hasher: identityHasherFor(config, aws.kms),
    }),
    catalogue: createCatalogueRepository(aws.dynamoDb, config.SERVICE_DATA_TABLE_NAME),
    callbacks: callbackQueueFor(config.CALLBACK_QUEUE_URL, aws.sqs),
    notifier: notifierFor(config, aws.sqs),
    clock: () => new Date(),
  };
};

/** The ticket API behind API Gateway's JWT authorizer; the local server passes its clock and queue. */
export const createHandler = (deps: TicketsApiDependencies) => {
  const createComplaint = createAgentComplaint({
    catalogue: deps.catalogue,
    openTicket: createTicketOpener({
      tickets: deps.tickets,
      notifier: deps.notifier,
      now: deps.clock,
    }),
  });
  return httpHandler({
    routes: ticketRoutes(ticketUseCases(deps), createComplaint),
    principal: principalFromClaims,
  });
};

export const handler = deployedHandler(() =>
  createHandler(defaultDependencies(process.env, hashingNotifyingClients())),
);
