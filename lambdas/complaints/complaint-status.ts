import { type Contact, OWN_NUMBER, onOwnNumber } from '#shared/contact.ts';
import {
  OPEN_STATUSES,
  type Ticket,
  type TicketRepository,
} from '#shared/data/tickets.repository.ts';
import { assertKeyed } from '#shared/dialogue/check-input.ts';
import { InvalidInputError } from '#shared/errors.ts';
import { localTime } from '#shared/hours.ts';
import type { FlowOutcome } from '#shared/middleware.ts';
import { type ProofCodes, sendCodeAlike } from '#shared/proof-codes.ts';
import { LanguageSchema } from '#shared/speech/render.ts';
import type { ProofClaim, ProofGuard, ProofSpeech } from '#shared/verification.ts';
import * as z from '#shared/zod.ts';
import { STATUS_CODE, TICKET_REFERENCE } from './dialogue.ts';

/** An unset flow attribute arrives as an empty string. */
const optional = z.pipe(
  z.optional(z.string()),
  z.transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim())),
);

/**
 * Asks for a one-time code to hear a ticket's status: for the reference the caller keyed, or
 * (no reference: the caller-context shortcut) for the latest open complaint of the calling number.
 */
export const StatusCodeParametersSchema = z.object({
  operation: z.literal('status-code'),
  reference: optional,
  lang: z._default(LanguageSchema, 'en'),
});
export type StatusCodeParameters = z.infer<typeof StatusCodeParametersSchema>;

/** What the flow passes to hear a ticket's status: the reference (unless a shortcut) and the code. */
export const ComplaintStatusParametersSchema = z.object({
  operation: z.literal('status'),
  reference: optional,
  /** The one-time code as keyed; a missing one is an empty entry. */
  code: z._default(z.string(), ''),
});
export type ComplaintStatusParameters = z.infer<typeof ComplaintStatusParametersSchema>;

export interface ComplaintStatusDependencies {
  readonly tickets: Pick<TicketRepository, 'get' | 'listByCaller'>;
  readonly proofs: ProofGuard;
  readonly codes: ProofCodes;
  /** The contact centre's time zone: the due date is said as a local date. */
  readonly timeZone: string;
}

const SPEECH: ProofSpeech = {
  failed: (attemptsLeft) => ({ prompt: 'complaints.verification_failed', vars: { attemptsLeft } }),
  lockedOut: { prompt: 'complaints.locked_out' },
};

const requireReference = (reference: string): string => {
  assertKeyed(TICKET_REFERENCE, reference);
  return reference;
};

/**
 * Sends a one-time code to the call-back number on the ticket. The answer is the same whether
 * the reference exists, has no call-back number, or its number has had its SMS for the day,
 * so references cannot be probed; the code is what proves the caller holds that phone. On the
 * ticket's own number as its network authenticated it (USSD), no code: `OWN_NUMBER`.
 */
export const requestStatusCode =
  ({ tickets, codes }: ComplaintStatusDependencies) =>
  async (
    { reference: keyed, lang }: StatusCodeParameters,
    contact: Contact,
  ): Promise<FlowOutcome> => {
    const ticket = await ticketFor(tickets, keyed, contact);
    if (ticket && onOwnNumber(contact, ticket.callbackNumber)) return { outcome: OWN_NUMBER };
    return sendCodeAlike(
      codes,
      contact,
      lang,
      'complaints.code_sent',
      ticket?.callbackNumber
        ? { scope: 'ticket', recordId: ticket.reference, to: ticket.callbackNumber }
        : undefined,
    );
  };

// Caller ID only picks which ticket the code is for: the code goes to the number on the ticket.
const ticketFor = async (
  tickets: ComplaintStatusDependencies['tickets'],
  keyed: string | undefined,
  contact: Contact,
) => {
  if (keyed !== undefined) return tickets.get(requireReference(keyed));
  const caller = contact.caller;
  if (!caller) return undefined;
  const own = await tickets.listByCaller(caller);
  return own.find((ticket) => ticket.type === 'COMPLAINT' && OPEN_STATUSES.includes(ticket.status));
};

/**
 * Says where a complaint or service request stands, once the caller gives the code sent to its
 * call-back number, or without a code on that number as its network authenticated it (USSD).
 * An unknown reference and a wrong code give the same answer and are counted alike against the
 * calling number and the reference.
 */
export const complaintStatus =
  ({ tickets, proofs, codes, timeZone }: ComplaintStatusDependencies) =>
  async (
    { reference: keyed, code }: ComplaintStatusParameters,
    contact: Contact,
  ): Promise<FlowOutcome> => {
    const reference =
      keyed === undefined
        ? await codes.pendingRecord(contact.contactId, 'ticket')
        : requireReference(keyed);
    if (reference === undefined)
      throw new InvalidInputError('No reference and no code pending', {
        details: { field: 'reference', reason: 'EMPTY' },
        speech: { prompt: 'complaints.invalid_reference' },
      });
    if (code === '' && contact.callerAuthenticated) {
      const own = await tickets.get(reference);
      if (own && onOwnNumber(contact, own.callbackNumber)) return statusOf(own, timeZone);
    }
    assertKeyed(STATUS_CODE, code);

    const claim: ProofClaim = {
      capability: 'complaints',
      contactId: contact.contactId,
      caller: contact.caller,
      record: { scope: 'ticket', id: reference },
      proof: code,
    };
    const ticket = await proofs.prove(claim, SPEECH, async () => {
      const [found, redeemed] = await Promise.all([
        tickets.get(reference),
        codes.redeem(contact.contactId, 'ticket', reference, code),
      ]);
      return found && redeemed ? found : undefined;
    });

    return statusOf(ticket, timeZone);
  };

/** Where a ticket stands, as the status is said and shown. */
const statusOf = (ticket: Ticket, timeZone: string): FlowOutcome => {
  const dueDate = localTime(new Date(ticket.dueAt), timeZone).date;
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
