import * as z from 'zod';
import { domainFields } from '#shared/data/tables.ts';
import { LanguageSchema } from '#shared/speech/language.ts';
import { TICKET_STATUSES } from '#shared/tickets/statuses.ts';

export const TicketTypeSchema = z.enum(['COMPLAINT', 'SERVICE_REQUEST']);
export type TicketType = z.infer<typeof TicketTypeSchema>;

/** Where a ticket stands (lambdas/shared/tickets/statuses.ts). */
export const TicketStatusSchema = z.enum(TICKET_STATUSES);
export type TicketStatus = z.infer<typeof TicketStatusSchema>;

export const TicketPrioritySchema = z.enum(['low', 'normal', 'high', 'urgent']);
export type TicketPriority = z.infer<typeof TicketPrioritySchema>;

export const TicketChannelSchema = z.enum(['ivr', 'agent', 'chat', 'sms', 'web']);

/** Who did something to a ticket: the caller (through the IVR), an agent, or the platform. */
export const ActorSchema = z.object({
  kind: z.enum(['caller', 'agent', 'agency', 'system']),
  /** Agent username, agency focal person or process name; never a phone number. */
  id: z.string().min(1).optional(),
});
export type Actor = z.infer<typeof ActorSchema>;

const E164 = z.string().regex(/^\+[1-9]\d{6,14}$/);

/** Statuses in which a ticket no longer needs the agency: escalation stops. */
export const CLOSED_STATUSES: readonly TicketStatus[] = ['RESOLVED', 'CLOSED'];
/** Statuses in which a ticket still waits for the agency (and may be resolved). */
export const OPEN_STATUSES: readonly TicketStatus[] = TicketStatusSchema.options.filter(
  (status) => !CLOSED_STATUSES.includes(status),
);

/** How the customer of a resolved ticket is being called back (one resolution at a time). */
export const CallbackStateSchema = z.object({
  /** The ticket version the resolution produced: a reopened and re-resolved ticket calls back again. */
  resolutionVersion: z.number().int().min(1),
  /** PENDING → CALLING (attempt n) → ANSWERED, or UNANSWERED → CALLING (n+1) … → SMS_SENT. */
  status: z.enum(['PENDING', 'CALLING', 'ANSWERED', 'UNANSWERED', 'SMS_SENT']),
  /** Calls placed so far. */
  attempts: z.number().int().min(0),
  lastContactId: z.string().min(1).optional(),
  updatedAt: z.iso.datetime(),
});
export type CallbackState = z.infer<typeof CallbackStateSchema>;

/**
 * A complaint or service request. Version 1 of the ticket shape: the Tickets stream's INSERT of
 * this item (entity `TICKET`) is the "ticket created" domain event (docs/data-model.md).
 */
export const TicketSchema = z.object({
  schemaVersion: z.literal(1),
  /** Digits with a Verhoeff check digit; first digit 7 for complaints, 8 for service requests. */
  reference: z.string().regex(/^\d{8}$/),
  type: TicketTypeSchema,
  status: TicketStatusSchema,
  priority: TicketPrioritySchema,
  /** Owning agency (data/agencies.json id). */
  agencyId: z.string().min(1),
  /** Complaint category (data/complaint-categories.json) or service-request kind. */
  category: z.string().min(1),
  /** Catalogue service concerned (data/huduma-services.json), when known. */
  serviceId: z.string().min(1).optional(),
  /** The customer's record the ticket is about (a service request's pension, an application). */
  about: z.object({ kind: z.enum(['PENSION', 'APPLICATION']), id: z.string().min(1) }).optional(),
  /** Where to call or text the customer back; absent for anonymous complaints. */
  callbackNumber: E164.optional(),
  lang: LanguageSchema,
  channel: TicketChannelSchema,
  /** Free text, from agents only (the IVR takes no free text). */
  description: z.string().min(1).max(2000).optional(),
  createdBy: ActorSchema,
  /** The Connect contact the ticket was raised on (the idempotency key). */
  contactId: z.string().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Resolution deadline from the SLA policy. */
  dueAt: z.iso.datetime(),
  slaPolicyId: z.string().min(1),
  /** Escalation stage (sla-policies escalationLevels); 1 = contact-centre agent. */
  escalationLevel: z.number().int().min(1),
  /** Optimistic-concurrency version: every status change increments it (absent on old items = 1). */
  version: z.number().int().min(1).default(1),
  /** How many steps of the SLA policy's escalation have been carried out (absent = none). */
  escalationStep: z.number().int().min(0).optional(),
  /** When the escalation last reminded about a breached ticket. */
  lastWatchAt: z.iso.datetime().optional(),
  /** When the resolution deadline passed unresolved. */
  breachedAt: z.iso.datetime().optional(),
  /** Step Functions task token of the escalation waiting on this ticket; resolution wakes it. */
  escalationTaskToken: z.string().min(1).optional(),
  acknowledgedAt: z.iso.datetime().optional(),
  /** The agency's answer, set when resolved (cleared when reopened; history keeps every one). */
  resolution: z
    .object({ text: z.string().min(1).max(2000), at: z.iso.datetime(), by: ActorSchema })
    .optional(),
  callback: CallbackStateSchema.optional(),
  /** When the retention purge dropped the call-back number and free text of this closed ticket. */
  personalDataPurgedAt: z.iso.datetime().optional(),
});
export type Ticket = z.infer<typeof TicketSchema>;

export const TicketActionSchema = z.enum([
  'CREATED',
  'STATUS_CHANGED',
  'ESCALATED',
  'NOTE_ADDED',
  'CUSTOMER_NOTIFIED',
  'AGENCY_NOTIFIED',
  'REMINDER_SENT',
  'BREACHED',
  'OVERDUE_REMINDER_SENT',
  'CALLBACK_ATTEMPTED',
  'CALLBACK_ANSWERED',
  'CALLBACK_UNANSWERED',
]);
export type TicketAction = z.infer<typeof TicketActionSchema>;

/** One line of a ticket's history: who did what, when. */
export const TicketHistoryEntrySchema = z.object({
  reference: z.string(),
  at: z.iso.datetime(),
  by: ActorSchema,
  action: TicketActionSchema,
  fromStatus: TicketStatusSchema.optional(),
  toStatus: TicketStatusSchema.optional(),
  note: z.string().max(2000).optional(),
  /** Flat facts about the change: escalation step, call-back attempt and contact id, recipients. */
  details: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type TicketHistoryEntry = z.infer<typeof TicketHistoryEntrySchema>;

/** The most one contact may raise of each kind, e.g. `COMPLAINT` or `SERVICE_REQUEST#statement`. */
export interface IdempotencyKey {
  readonly contactId: string;
  readonly kind: string;
}

/** A ticket item of a Tickets stream image (unmarshalled), as the domain sees it. */
export const ticketFromImage = (image: Record<string, unknown>): Ticket =>
  TicketSchema.parse(domainFields(image));

/** The reference drawn is already in use: draw another. */
export class ReferenceTakenError extends Error {
  constructor(reference: string) {
    super(`Ticket reference ${reference} is taken`);
    this.name = 'ReferenceTakenError';
  }
}

/** The ticket changed since it was read (status or version): read it again and decide again. */
export class StaleTicketError extends Error {
  constructor(reference: string, options?: ErrorOptions) {
    super(`Ticket ${reference} changed since it was read`, options);
    this.name = 'StaleTicketError';
  }
}
