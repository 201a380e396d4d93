import { SFNClient } from '@aws-sdk/client-sfn';
import { systemClock } from '#shared/clock.ts';
import { documentClient } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { eventHandler } from '#shared/event-middleware.ts';
import { escalationsFor } from '#shared/tickets/escalations.ts';
import { config } from './config.ts';
import { type SweepDependencies, SweepInputSchema, sweepEscalations } from './sweep.ts';

/** The scheduled sweeper; the local runtime and tests pass their clock and runner. */
export const createEscalationSweepHandler = (overrides: Partial<SweepDependencies> = {}) =>
  eventHandler({
    schema: SweepInputSchema,
    useCase: sweepEscalations({
      tickets: createTicketRepository(documentClient, config.TICKETS_TABLE_NAME),
      escalations: escalationsFor(new SFNClient({}), config.ESCALATION_STATE_MACHINE_ARN),
      clock: systemClock,
      ...overrides,
    }),
  });

export const handler = createEscalationSweepHandler();
