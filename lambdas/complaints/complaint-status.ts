import { z } from 'zod';
import { callingNumber, type FlowContact } from '#shared/contact.ts';
import type { TicketRepository } from '#shared/data/tickets.repository.ts';
import { assertKeyed } from '#shared/dialogue/check-input.ts';
import { NotFoundError, RefusedError, VerificationFailedError } from '#shared/errors.ts';
import { localTime } from '#shared/hours.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import type { ProofClaim, ProofGuard } from '#shared/verification.ts';
import { TICKET_REFERENCE } from './dialogue.ts';

/** What the flow passes to hear a ticket's status: the reference the caller keyed. */
export const ComplaintStatusParametersSchema = z.object({
  operation: z.literal('status'),
  reference: z.string(),
});
export type ComplaintStatusParameters = z.infer<typeof ComplaintStatusParametersSchema>;

export interface ComplaintStatusDependencies {
  readonly tickets: TicketRepository;
  readonly proofs: ProofGuard;
}

const TIME_ZONE = 'Africa/Nairobi';
const LOCKED_OUT = { prompt: 'complaints.locked_out' } as const;

/**
 * Says where a complaint or service request stands, to its call-back number only: the
 * calling number is the proof. An unknown reference and a mismatched number each count as a
 * failed proof against the calling number (and the reference), so references cannot be probed.
 */
export const complaintStatus =
  ({ tickets, proofs }: ComplaintStatusDependencies) =>
  async ({ reference }: ComplaintStatusParameters, contact: FlowContact): Promise<FlowOutcome> => {
    assertKeyed(TICKET_REFERENCE, reference);

    const caller = callingNumber(contact);
    if (!caller)
      throw new RefusedError('The calling number is withheld', {
        details: { reason: 'NUMBER_WITHHELD' },
        speech: { prompt: 'complaints.refused.number_withheld' },
      });

    const claim: ProofClaim = {
      capability: 'complaints',
      contactId: contact.ContactId,
      caller,
      record: { scope: 'ticket', id: reference },
      proof: caller,
    };
    let found: Awaited<ReturnType<TicketRepository['get']>>;
    const ticket = await proofs
      .prove(claim, { failed: () => LOCKED_OUT, lockedOut: LOCKED_OUT }, async () => {
        found = await tickets.get(reference);
        return found?.callbackNumber === caller ? found : undefined;
      })
      .catch((error: unknown) => {
        if (!(error instanceof VerificationFailedError)) throw error;
        const attemptsLeft = Number(error.details.attemptsLeft);
        if (!found)
          throw new NotFoundError('No such ticket', {
            details: { attemptsLeft },
            speech: { prompt: 'complaints.not_found', vars: { reference, attemptsLeft } },
          });
        throw new RefusedError('Not the call-back number of this ticket', {
          details: { reason: 'NOT_CALLBACK_NUMBER', attemptsLeft },
          speech: { prompt: 'complaints.refused.not_callback_number' },
        });
      });

    const dueDate = localTime(new Date(ticket.dueAt), TIME_ZONE).date;
    return {
      outcome: 'FOUND',
      values: {
        reference: ticket.reference,
        type: ticket.type,
        status: ticket.status,
        agencyId: ticket.agencyId,
        dueDate,
      },
      speech: {
        prompt: `complaints.status.${ticket.status.toLowerCase()}`,
        vars: { reference: ticket.reference, date: dueDate },
      },
    };
  };
