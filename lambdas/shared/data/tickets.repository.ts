import { randomInt } from 'node:crypto';
import {
  ConditionalCheckFailedException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { LanguageSchema } from '../speech/language.ts';
import { decodeCursor, encodeCursor } from './page-cursor.ts';
import { ESCALATION_OUTBOX_PARTITION } from './tables.ts';

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

const keys = {
  ticket: (reference: string) => ({ pk: `TICKET#${reference}`, sk: 'TICKET' }),
  history: (entry: TicketHistoryEntry, sequence: number) => ({
    pk: `TICKET#${entry.reference}`,
    sk: `HISTORY#${entry.at}#${String(sequence).padStart(3, '0')}`,
  }),
  /** Complaints whose escalation has not been confirmed started (the transactional outbox). */
  pendingEscalation: (ticket: Pick<Ticket, 'createdAt' | 'reference'>) => ({
    pk: ESCALATION_OUTBOX_PARTITION,
    sk: `${ticket.createdAt}#${ticket.reference}`,
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

/** The last key of a page of an agency's tickets in one status: a ticket item of that partition. */
const agencyStatusPageKey = (partition: string) =>
  z
    .strictObject({
      pk: z.string().regex(/^TICKET#\d{8}$/),
      sk: z.literal('TICKET'),
      gsi1pk: z.literal(partition),
      gsi1sk: z.string().regex(/^[\dT:.Z+-]{10,40}#\d{8}$/),
    })
    .refine(({ pk, gsi1sk }) => gsi1sk.endsWith(`#${pk.slice('TICKET#'.length)}`));

const INTERNAL = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity'];

/** A ticket item of a Tickets stream image (unmarshalled), as the domain sees it. */
export const ticketFromImage = (image: Record<string, unknown>): Ticket =>
  TicketSchema.parse(strip(image));
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

/** The ticket changed since it was read (status or version): read it again and decide again. */
export class StaleTicketError extends Error {
  constructor(reference: string, options?: ErrorOptions) {
    super(`Ticket ${reference} changed since it was read`, options);
    this.name = 'StaleTicketError';
  }
}

/** A status change: the ticket must still be `from` at `expectedVersion` for it to apply. */
export interface StatusChange {
  readonly reference: string;
  readonly from: TicketStatus;
  readonly to: TicketStatus;
  readonly expectedVersion: number;
  readonly at: string;
  readonly by: Actor;
  readonly note?: string | undefined;
  /** Attributes to set beside status, e.g. the resolution and the call-back state. */
  readonly set?: Partial<Pick<Ticket, 'resolution' | 'callback' | 'acknowledgedAt'>>;
  /** Attributes to remove, e.g. the resolution when reopening. */
  readonly remove?: readonly ('resolution' | 'callback')[];
}

/** One carried-out step of the escalation, recorded once whatever the retries. */
export interface EscalationStepRecord {
  readonly reference: string;
  /** Steps carried out before this one (the condition). */
  readonly fromStep: number;
  readonly toStep: number;
  readonly level: number;
  readonly breachedAt?: string | undefined;
  readonly entry: TicketHistoryEntry;
}

const CALLBACK_ORDER: Record<CallbackState['status'], number> = {
  PENDING: 0,
  CALLING: 1,
  ANSWERED: 2,
  UNANSWERED: 2,
  SMS_SENT: 3,
};

/** A move of a ticket's call-back state, recorded once: conditional on the state it moves from. */
export interface CallbackUpdate {
  readonly reference: string;
  readonly resolutionVersion: number;
  /** The state and attempt count the ticket must have. */
  readonly from: { readonly status: CallbackState['status']; readonly attempts: number };
  readonly to: { readonly status: CallbackState['status']; readonly attempts: number };
  readonly contactId?: string | undefined;
  readonly entry: TicketHistoryEntry;
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
  /** A history entry's Put; entries not tied to a version take a random sequence in their millisecond. */
  const historyPut = (entry: TicketHistoryEntry, sequence = randomInt(1, 1000)) => {
    const parsed = strip(TicketHistoryEntrySchema.parse(entry));
    return {
      Put: {
        TableName: tableName,
        Item: { ...keys.history(parsed, sequence), entity: 'TICKET_HISTORY', ...parsed },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  };

  /** Runs a transaction whose conditions encode "the ticket is still as read"; a failed one is stale. */
  const transact = async (reference: string, items: unknown[]): Promise<void> => {
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: items as NonNullable<
            ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
          >,
        }),
      );
    } catch (error) {
      const reasons =
        error instanceof TransactionCanceledException ? error.CancellationReasons : [];
      if (reasons?.some((reason) => reason.Code === 'ConditionalCheckFailed'))
        throw new StaleTicketError(reference, { cause: error });
      throw error;
    }
  };

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
              // Every complaint is escalated: the sweeper starts any the stream consumer missed.
              ...(item.type === 'COMPLAINT'
                ? [
                    {
                      Put: {
                        TableName: tableName,
                        Item: {
                          ...keys.pendingEscalation(item),
                          entity: 'ESCALATION_PENDING',
                          reference: item.reference,
                          createdAt: item.createdAt,
                        },
                      },
                    },
                  ]
                : []),
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

    /**
     * Changes a ticket's status: the status, its agency-status index key, the version and
     * `updatedAt` move together with a history entry, in one transaction conditional on the
     * status and version the caller read. Throws StaleTicketError when either changed.
     */
    async changeStatus(change: StatusChange, current: Ticket): Promise<Ticket> {
      const version = change.expectedVersion + 1;
      const next = TicketSchema.parse({
        ...current,
        ...change.set,
        status: change.to,
        updatedAt: change.at,
        version,
        ...Object.fromEntries((change.remove ?? []).map((name) => [name, undefined])),
      });
      const names: Record<string, string> = { '#status': 'status', '#version': 'version' };
      const values: Record<string, unknown> = {
        ':to': change.to,
        ':from': change.from,
        ':gsi1pk': keys.agencyStatus(next).gsi1pk,
        ':at': change.at,
        ':expected': change.expectedVersion,
        ':version': version,
      };
      const sets = ['#status = :to', 'gsi1pk = :gsi1pk', 'updatedAt = :at', '#version = :version'];
      for (const [name, value] of Object.entries(change.set ?? {})) {
        if (value === undefined) continue;
        names[`#${name}`] = name;
        values[`:${name}`] = value;
        sets.push(`#${name} = :${name}`);
      }
      const removes = (change.remove ?? []).map((name) => {
        names[`#${name}`] = name;
        return `#${name}`;
      });
      await transact(change.reference, [
        {
          Update: {
            TableName: tableName,
            Key: keys.ticket(change.reference),
            UpdateExpression: `SET ${sets.join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
            ConditionExpression:
              change.expectedVersion === 1
                ? '#status = :from AND (attribute_not_exists(#version) OR #version = :expected)'
                : '#status = :from AND #version = :expected',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          },
        },
        historyPut(
          {
            reference: change.reference,
            at: change.at,
            by: change.by,
            action: 'STATUS_CHANGED',
            fromStatus: change.from,
            toStatus: change.to,
            ...(change.note && { note: change.note }),
          },
          version,
        ),
      ]);
      return next;
    },

    /** Appends a history entry that changes nothing else (a note, a notification sent). */
    async addHistory(entry: TicketHistoryEntry): Promise<void> {
      const { Put } = historyPut(entry);
      await client.send(new PutCommand(Put));
    },

    /**
     * Records escalation steps carried out, once: conditional on the steps recorded so far and
     * on the ticket still being unresolved. Throws StaleTicketError otherwise.
     */
    async recordEscalationStep(record: EscalationStepRecord): Promise<void> {
      const closed = Object.fromEntries(
        CLOSED_STATUSES.map((status, i) => [`:closed${i}`, status]),
      );
      await transact(record.reference, [
        {
          Update: {
            TableName: tableName,
            Key: keys.ticket(record.reference),
            UpdateExpression: `SET escalationStep = :to, escalationLevel = :level${record.breachedAt ? ', breachedAt = :breachedAt' : ''}`,
            ConditionExpression: `${record.fromStep === 0 ? '(attribute_not_exists(escalationStep) OR escalationStep = :from)' : 'escalationStep = :from'} AND NOT (#status IN (${Object.keys(closed).join(', ')}))`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':to': record.toStep,
              ':from': record.fromStep,
              ':level': record.level,
              ...(record.breachedAt && { ':breachedAt': record.breachedAt }),
              ...closed,
            },
          },
        },
        historyPut(record.entry),
      ]);
    },

    /** Records a reminder about a breached ticket (once per watch time). */
    async recordWatch(reference: string, previous: string | undefined, entry: TicketHistoryEntry) {
      await transact(reference, [
        {
          Update: {
            TableName: tableName,
            Key: keys.ticket(reference),
            UpdateExpression: 'SET lastWatchAt = :at',
            ConditionExpression: previous
              ? 'lastWatchAt = :previous'
              : 'attribute_not_exists(lastWatchAt)',
            ExpressionAttributeValues: {
              ':at': entry.at,
              ...(previous && { ':previous': previous }),
            },
          },
        },
        historyPut(entry),
      ]);
    },

    /**
     * Stores the task token of the escalation now waiting on an unresolved ticket. Returns
     * false, storing nothing, when the ticket is already resolved: the caller wakes it at once.
     */
    async parkEscalation(reference: string, taskToken: string): Promise<boolean> {
      const closed = Object.fromEntries(
        CLOSED_STATUSES.map((status, i) => [`:closed${i}`, status]),
      );
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keys.ticket(reference),
            UpdateExpression: 'SET escalationTaskToken = :token',
            ConditionExpression: `attribute_exists(pk) AND NOT (#status IN (${Object.keys(closed).join(', ')}))`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':token': taskToken, ...closed },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /**
     * Moves a resolved ticket's call-back state (an attempt placed, its outcome, the SMS), once:
     * conditional on the resolution and on the state it moves from. Throws StaleTicketError when
     * the update is a duplicate or the ticket moved on (reopened, resolved again).
     */
    async recordCallback(update: CallbackUpdate): Promise<void> {
      await transact(update.reference, [
        {
          Update: {
            TableName: tableName,
            Key: keys.ticket(update.reference),
            UpdateExpression: `SET callback.#status = :status, callback.attempts = :attempts, callback.updatedAt = :at${update.contactId ? ', callback.lastContactId = :contactId' : ''}`,
            ConditionExpression:
              '#ticketStatus = :resolved AND callback.resolutionVersion = :version AND callback.attempts = :fromAttempts AND callback.#status = :fromStatus',
            ExpressionAttributeNames: { '#status': 'status', '#ticketStatus': 'status' },
            ExpressionAttributeValues: {
              ':status': update.to.status,
              ':attempts': update.to.attempts,
              ':at': update.entry.at,
              ':resolved': 'RESOLVED',
              ':version': update.resolutionVersion,
              ':fromAttempts': update.from.attempts,
              ':fromStatus': update.from.status,
              ...(update.contactId && { ':contactId': update.contactId }),
            },
          },
        },
        // Moves of one resolution's call-back often share a millisecond: keep them in order.
        historyPut(update.entry, update.to.attempts * 10 + CALLBACK_ORDER[update.to.status]),
      ]);
    },

    /** An agency's tickets in one status, soonest due first, a page at a time. */
    async pageByAgencyStatus(
      agencyId: string,
      status: TicketStatus,
      { limit = 50, cursor }: { limit?: number; cursor?: string | undefined } = {},
    ): Promise<{ tickets: Ticket[]; cursor?: string }> {
      const partition = `AGENCY#${agencyId}#${status}`;
      const { Items = [], LastEvaluatedKey } = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :agencyStatus',
          ExpressionAttributeValues: { ':agencyStatus': partition },
          Limit: limit,
          ...(cursor && {
            ExclusiveStartKey: decodeCursor(cursor, agencyStatusPageKey(partition)),
          }),
        }),
      );
      return {
        tickets: Items.map((item) => TicketSchema.parse(strip(item))),
        ...(LastEvaluatedKey && { cursor: encodeCursor(LastEvaluatedKey) }),
      };
    },

    /** Complaints created before `before` whose escalation start is not yet confirmed, oldest first. */
    async pendingEscalationStarts(
      before: Date,
      limit = 100,
    ): Promise<Pick<Ticket, 'reference' | 'createdAt'>[]> {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :pending AND sk < :before',
          ExpressionAttributeValues: {
            ':pending': keys.pendingEscalation({ createdAt: '', reference: '' }).pk,
            ':before': before.toISOString(),
          },
          Limit: limit,
        }),
      );
      return Items.map((item) => ({
        reference: String(item.reference),
        createdAt: String(item.createdAt),
      }));
    },

    /** Marks a complaint's escalation as started: it leaves the outbox. */
    async clearPendingEscalation(ticket: Pick<Ticket, 'createdAt' | 'reference'>): Promise<void> {
      await client.send(
        new DeleteCommand({ TableName: tableName, Key: keys.pendingEscalation(ticket) }),
      );
    },

    /** An agency's tickets in one status, soonest due first. */
    async listByAgencyStatus(
      agencyId: string,
      status: TicketStatus,
      limit = 50,
    ): Promise<Ticket[]> {
      return (await this.pageByAgencyStatus(agencyId, status, { limit })).tickets;
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
