import { z } from 'zod';
import { systemClock } from '#shared/clock.ts';
import { documentClient } from '#shared/data/client.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import { eventHandler } from '#shared/event-middleware.ts';
import { notifier } from '#shared/notifications/default-notifier.ts';
import { callbackQueueFor } from '#shared/tickets/callbacks.ts';
import { config } from './config.ts';
import {
  type EscalateDependencies,
  EscalateInputSchema,
  type EscalateResult,
  escalate,
} from './escalate.ts';
import { ParkInputSchema, park } from './park.ts';

/** The state machine's task payload: `operation` selects the use case. */
export const EscalationTaskSchema = z.discriminatedUnion('operation', [
  EscalateInputSchema,
  ParkInputSchema,
]);

/**
 * The escalation state machine's Lambda: `step` carries out what is due, `park` registers the
 * wait. Built once per container; the local runtime and tests pass their clock and queue.
 */
export const createEscalationHandler = (overrides: Partial<EscalateDependencies> = {}) => {
  const deps: EscalateDependencies = {
    tickets: createTicketRepository(documentClient, config.TICKETS_TABLE_NAME),
    notifier,
    callbacks: callbackQueueFor(config.CALLBACK_QUEUE_URL),
    contacts: config.ESCALATION_CONTACTS,
    clock: systemClock,
    ...overrides,
  };
  const step = escalate(deps);
  const wait = park(deps);
  return eventHandler({
    schema: EscalationTaskSchema,
    useCase: (task): Promise<EscalateResult | { parked: true }> =>
      task.operation === 'step' ? step(task) : wait(task),
  });
};

export const handler = createEscalationHandler();
