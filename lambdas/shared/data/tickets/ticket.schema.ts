import { domainFields } from '#shared/data/tables.ts';
import { LanguageSchema } from '#shared/speech/language.ts';
import { TICKET_STATUSES } from '#shared/tickets/statuses.ts';
import * as z from '#shared/zod.ts';

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
  id: z.optional(z.string().check(z.minLength(1))),
});
export type Actor = z.infer<typeof ActorSchema>;

const E164 = z.string().check(z.regex(/^\+[1-9]\d{6,14}$/));

/** Statuses in which a ticket no longer needs the agency: escalation stops. */
export const CLOSED_STATUSES: readonly TicketStatus[] = ['RESOLVED', 'CLOSED'];
/** Statuses in which a ticket still waits for the agency (and may be resolved). */
export const OPEN_STATUSES: readonly TicketStatus[] = TicketStatusSchema.options.filter(
  (status) => !CLOSED_STATUSES.includes(status),
);

/** How the customer of a resolved ticket is being called back (one resolution at a time). */
export const CallbackStateSchema = z.object({
  /** The ticket version the resolution produced: a reopened and re-resolved ticket calls back again. */
  resolutionVersion: z.number().check(z.int(), z.gte(1)),
  /** PENDING → CALLING (attempt n) → ANSWERED, or UNANSWERED → CALLING (n+1) … → SMS_SENT. */
  status: z.enum(['PENDING', 'CALLING', 'ANSWERED', 'UNANSWERED', 'SMS_SENT']),
  /** Calls placed so far. */
  attempts: z.number().check(z.int(), z.gte(0)),
  lastContactId: z.optional(z.string().check(z.minLength(1))),
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
  reference: z.string().check(z.regex(/^\d{8}$/)),
  type: TicketTypeSchema,
  status: TicketStatusSchema,
  priority: TicketPrioritySchema,
  /** Owning agency (data/agencies.json id). */
  agencyId: z.string().check(z.minLength(1)),
  /** Complaint category (data/complaint-categories.json) or service-request kind. */
  category: z.string().check(z.minLength(1)),
  /** Catalogue service concerned (data/huduma-services.json), when known. */
  serviceId: z.optional(z.string().check(z.minLength(1))),
  /** The customer's record the ticket is about (a service request's pension, an application). */
  about: z.optional(
    z.object({ kind: z.enum(['PENSION', 'APPLICATION']), id: z.string().check(z.minLength(1)) }),
  ),
  /** Where to call or text the customer back; absent for anonymous complaints. */
  callbackNumber: z.optional(E164),
  lang: LanguageSchema,
  channel: TicketChannelSchema,
  /** Free text, from agents only (the IVR takes no free text). */
  description: z.optional(z.string().check(z.minLength(1), z.maxLength(2000))),
  createdBy: ActorSchema,
  /** The Connect contact the ticket was raised on (the idempotency key). */
  contactId: z.string().check(z.minLength(1)),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Resolution deadline from the SLA policy. */
  dueAt: z.iso.datetime(),
  slaPolicyId: z.string().check(z.minLength(1)),
  /** Escalation stage (sla-policies escalationLevels); 1 = contact-centre agent. */
  escalationLevel: z.number().check(z.int(), z.gte(1)),
  /** Optimistic-concurrency version: every status change increments it (absent on old items = 1). */
  version: z._default(z.number().check(z.int(), z.gte(1)), 1),
  /** How many steps of the SLA policy's escalation have been carried out (absent = none). */
  escalationStep: z.optional(z.number().check(z.int(), z.gte(0))),
  /** When the escalation last reminded about a breached ticket. */
  lastWatchAt: z.optional(z.iso.datetime()),
  /** When the resolution deadline passed unresolved. */
  breachedAt: z.optional(z.iso.datetime()),
  /** Step Functions task token of the escalation waiting on this ticket; resolution wakes it. */
  escalationTaskToken: z.optional(z.string().check(z.minLength(1))),
  acknowledgedAt: z.optional(z.iso.datetime()),
  /** The agency's answer, set when resolved (cleared when reopened; history keeps every one). */
  resolution: z.optional(
    z.object({
      text: z.string().check(z.minLength(1), z.maxLength(2000)),
      at: z.iso.datetime(),
      by: ActorSchema,
    }),
  ),
  callback: z.optional(CallbackStateSchema),
  /** When the retention purge dropped the call-back number and free text of this closed ticket. */
  personalDataPurgedAt: z.optional(z.iso.datetime()),
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
  fromStatus: z.optional(TicketStatusSchema),
  toStatus: z.optional(TicketStatusSchema),
  note: z.optional(z.string().check(z.maxLength(2000))),
  /** Flat facts about the change: escalation step, call-back attempt and contact id, recipients. */
  details: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
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
