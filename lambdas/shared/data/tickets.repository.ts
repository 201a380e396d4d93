import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { LanguageSchema } from '../speech/render.ts';

export const TicketTypeSchema = z.enum(['COMPLAINT', 'SERVICE_REQUEST']);
export type TicketType = z.infer<typeof TicketTypeSchema>;

/** Where a ticket stands. AWAITING_CUSTOMER pauses the SLA clock; RESOLVED triggers the call-back. */
export const TicketStatusSchema = z.enum([
  'OPEN',
  'ACKNOWLEDGED',
  'IN_PROGRESS',
  'AWAITING_CUSTOMER',
  'RESOLVED',
  'CLOSED',
]);
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
});
export type Ticket = z.infer<typeof TicketSchema>;

export const TicketActionSchema = z.enum([
  'CREATED',
  'STATUS_CHANGED',
  'ESCALATED',
  'NOTE_ADDED',
  'CUSTOMER_NOTIFIED',
]);

/** One line of a ticket's history: who did what, when. */
export const TicketHistoryEntrySchema = z.object({
  reference: z.string(),
  at: z.iso.datetime(),
  by: ActorSchema,
  action: TicketActionSchema,
  fromStatus: TicketStatusSchema.optional(),
  toStatus: TicketStatusSchema.optional(),
  note: z.string().max(2000).optional(),
});
export type TicketHistoryEntry = z.infer<typeof TicketHistoryEntrySchema>;

/** The most one contact may raise of each kind, e.g. `COMPLAINT` or `SERVICE_REQUEST#statement`. */
export interface IdempotencyKey {
  readonly contactId: string;
  readonly kind: string;
}

const keys = {
  ticket: (reference: string) => ({ pk: `TICKET#${reference}`, sk: 'TICKET' }),
  history: (entry: TicketHistoryEntry, sequence: number) => ({
    pk: `TICKET#${entry.reference}`,
    sk: `HISTORY#${entry.at}#${String(sequence).padStart(3, '0')}`,
  }),
  contact: ({ contactId, kind }: IdempotencyKey) => ({
    pk: `CONTACT#${contactId}`,
    sk: `TICKET#${kind}`,
  }),
  agencyStatus: (ticket: Ticket) => ({
    gsi1pk: `AGENCY#${ticket.agencyId}#${ticket.status}`,
    gsi1sk: `${ticket.dueAt}#${ticket.reference}`,
  }),
  caller: (ticket: Ticket) =>
    ticket.callbackNumber
      ? {
          gsi2pk: `CALLER#${ticket.callbackNumber}`,
          gsi2sk: `${ticket.createdAt}#${ticket.reference}`,
        }
      : {},
};

const INTERNAL = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity'];
/** Domain fields only: no key attributes, no absent optionals. */
const strip = <T extends object>(item: T): T =>
  Object.fromEntries(
    Object.entries(item).filter(([name, value]) => !INTERNAL.includes(name) && value !== undefined),
  ) as T;

/** The reference drawn is already in use: draw another. */
export class ReferenceTakenError extends Error {
  constructor(reference: string) {
    super(`Ticket reference ${reference} is taken`);
    this.name = 'ReferenceTakenError';
  }
}

export interface CreatedTicket {
  readonly ticket: Ticket;
  /** False when the contact had already raised this kind of ticket (a retry): `ticket` is that one. */
  readonly created: boolean;
}

/**
 * Tickets and their history in the Tickets table. Creation is one transaction: the ticket,
 * its first history entry and the contact's idempotency marker, each only if absent.
 */
export const createTicketRepository = (client: DynamoDBDocumentClient, tableName: string) => {
  const get = async (reference: string): Promise<Ticket | undefined> => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: keys.ticket(reference), ConsistentRead: true }),
    );
    return Item ? TicketSchema.parse(strip(Item)) : undefined;
  };

  const findByContact = async (key: IdempotencyKey): Promise<Ticket | undefined> => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: keys.contact(key), ConsistentRead: true }),
    );
    return Item ? get(String(Item.reference)) : undefined;
  };

  return {
    get,
    findByContact,

    /**
     * Writes a new ticket with its CREATED history entry, at most once per idempotency key.
     * Throws ReferenceTakenError when the reference exists (draw another and retry).
     */
    async create(
      ticket: Ticket,
      created: TicketHistoryEntry,
      idempotencyKey: IdempotencyKey,
    ): Promise<CreatedTicket> {
      const item = strip(TicketSchema.parse(ticket));
      const entry = strip(TicketHistoryEntrySchema.parse(created));
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...keys.ticket(item.reference),
                    ...keys.agencyStatus(item),
                    ...keys.caller(item),
                    entity: 'TICKET',
                    ...item,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: { ...keys.history(entry, 0), entity: 'TICKET_HISTORY', ...entry },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...keys.contact(idempotencyKey),
                    entity: 'TICKET_CONTACT',
                    reference: item.reference,
                    createdAt: item.createdAt,
                  },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        return { ticket: item, created: true };
      } catch (error) {
        if (!(error instanceof TransactionCanceledException)) throw error;
        const [ticketReason, , contactReason] = error.CancellationReasons ?? [];
        if (contactReason?.Code === 'ConditionalCheckFailed') {
          const existing = await findByContact(idempotencyKey);
          if (existing) return { ticket: existing, created: false };
        }
        if (ticketReason?.Code === 'ConditionalCheckFailed')
          throw new ReferenceTakenError(item.reference);
        throw error;
      }
    },

    /** A ticket's history, oldest first. */
    async history(reference: string): Promise<TicketHistoryEntry[]> {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :ticket AND begins_with(sk, :history)',
          ExpressionAttributeValues: { ':ticket': `TICKET#${reference}`, ':history': 'HISTORY#' },
        }),
      );
      return Items.map((item) => TicketHistoryEntrySchema.parse(strip(item)));
    },

    /** An agency's tickets in one status, soonest due first. */
    async listByAgencyStatus(
      agencyId: string,
      status: TicketStatus,
      limit = 50,
    ): Promise<Ticket[]> {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :agencyStatus',
          ExpressionAttributeValues: { ':agencyStatus': `AGENCY#${agencyId}#${status}` },
          Limit: limit,
        }),
      );
      return Items.map((item) => TicketSchema.parse(strip(item)));
    },

    /** A caller's tickets, newest first. */
    async listByCaller(callbackNumber: string, limit = 20): Promise<Ticket[]> {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi2',
          KeyConditionExpression: 'gsi2pk = :caller',
          ExpressionAttributeValues: { ':caller': `CALLER#${callbackNumber}` },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return Items.map((item) => TicketSchema.parse(strip(item)));
    },
  };
};

export type TicketRepository = ReturnType<typeof createTicketRepository>;
