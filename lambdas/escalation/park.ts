import type { TicketRepository } from '#shared/data/tickets.repository.ts';
import * as z from '#shared/zod.ts';

export const ParkInputSchema = z.object({
  operation: z.literal('park'),
  reference: z.string().check(z.regex(/^\d{8}$/)),
  taskToken: z.string().check(z.minLength(1)),
  /** How long the execution waits unless woken (for the logs). */
  waitSeconds: z.optional(z.number().check(z.int(), z.gte(1))),
});
export type ParkInput = z.infer<typeof ParkInputSchema>;

/** The ticket was resolved before the escalation could wait on it: the state machine catches this. */
export class TicketClosedError extends Error {
  constructor(reference: string) {
    super(`Ticket ${reference} is already resolved or closed`);
    this.name = 'TicketClosedError';
  }
}

/**
 * Where the escalation waits (a waitForTaskToken task): stores the task token on the ticket,
 * so resolving it wakes the execution at once instead of at its next check. Throws
 * TicketClosedError when the ticket was resolved meanwhile (the execution goes straight on).
 */
export const park =
  ({ tickets }: { readonly tickets: TicketRepository }) =>
  async ({ reference, taskToken }: ParkInput): Promise<{ parked: true }> => {
    if (!(await tickets.parkEscalation(reference, taskToken)))
      throw new TicketClosedError(reference);
    return { parked: true };
  };
