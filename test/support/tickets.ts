import { randomUUID } from 'node:crypto';
import {
  ReferenceTakenError,
  type Ticket,
  type TicketRepository,
} from '#shared/data/tickets.repository.ts';
import { newReference } from '#shared/reference.ts';

const HOUR = 3_600_000;

export interface CallerTicketOptions {
  readonly agencyId: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly dueHours?: number;
  readonly type?: Ticket['type'];
}

/**
 * Opens a caller's ticket (delay, on the IVR) as the complaints handler does, created at
 * `createdAt` and due `dueHours` later: the item, its CREATED history entry and the contact's
 * count (a service request counts as kind `SERVICE_REQUEST#x`).
 */
export const openCallerTicket = async (
  tickets: TicketRepository,
  { agencyId, createdAt, dueHours = 72, type = 'COMPLAINT' }: CallerTicketOptions,
): Promise<Ticket> => {
  const complaint = type === 'COMPLAINT';
  const at = new Date(createdAt).toISOString();
  const ticket: Ticket = {
    schemaVersion: 1,
    reference: newReference(complaint ? 'complaint' : 'serviceRequest'),
    type,
    status: 'OPEN',
    priority: 'normal',
    agencyId,
    category: 'delay',
    lang: 'en',
    channel: 'ivr',
    createdBy: { kind: 'caller' },
    contactId: randomUUID(),
    createdAt: at,
    updatedAt: at,
    dueAt: new Date(createdAt + dueHours * HOUR).toISOString(),
    slaPolicyId: 'complaint-standard',
    escalationLevel: 1,
    version: 1,
  };
  try {
    await tickets.create(
      ticket,
      { reference: ticket.reference, at, by: { kind: 'caller' }, action: 'CREATED' },
      { contactId: ticket.contactId, kind: complaint ? 'COMPLAINT' : 'SERVICE_REQUEST#x' },
    );
  } catch (error) {
    // A drawn reference already taken (hundreds drawn from 10^7): draw again, as openTicket does.
    if (error instanceof ReferenceTakenError)
      return openCallerTicket(tickets, { agencyId, createdAt, dueHours, type });
    throw error;
  }
  return ticket;
};
