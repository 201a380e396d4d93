import { GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { domainFields } from '#shared/data/tables.ts';
import { TransactionConditionFailedError, transactWrite } from '#shared/data/transact.ts';
import {
  type Actor,
  CLOSED_STATUSES,
  type IdempotencyKey,
  ReferenceTakenError,
  type Ticket,
  type TicketHistoryEntry,
  TicketHistoryEntrySchema,
  TicketSchema,
  type TicketStatus,
} from './ticket.schema.ts';
import { CALLBACK_OUTBOX, ESCALATION_OUTBOX, RETENTION_DUE, ticketKeys } from './ticket-keys.ts';
import { type TicketTable, ticketTable } from './ticket-table.ts';

/** A status change: the ticket must still be `from` at `expectedVersion` for it to apply. */
export interface StatusChange {
  readonly reference: string;
  readonly from: TicketStatus;
  readonly to: TicketStatus;
  readonly expectedVersion: number;
  readonly at: string;
  readonly by: Actor;
  readonly note?: string | undefined;
  /**
   * Attributes to set beside status, e.g. the resolution and the call-back state. A new
   * call-back state also writes the call-back outbox item, in the same transaction.
   */
  readonly set?: Partial<Pick<Ticket, 'resolution' | 'callback' | 'acknowledgedAt'>>;
  /** Attributes to remove, e.g. the resolution when reopening. */
  readonly remove?: readonly ('resolution' | 'callback')[];
}

export interface CreatedTicket {
  readonly ticket: Ticket;
  /** False when the contact had already raised this kind of ticket (a retry): `ticket` is that one. */
  readonly created: boolean;
}

/**
 * Ticket creation, status changes and history. Creation is one transaction: the ticket, its
 * first history entry and the contact's idempotency marker, each only if absent (and a
 * complaint's escalation outbox item). A status change is one transaction too, with the
 * outbox items the change owes: a resolution's call-back, a closed ticket's retention.
 */
export const ticketWrites = (table: TicketTable) => {
  const { client, tableName, hasher } = table;
  const { historyPut, transact, get } = ticketTable(table);

  const findByContact = async (key: IdempotencyKey): Promise<Ticket | undefined> => {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName, Key: ticketKeys.contact(key), ConsistentRead: true }),
    );
    return Item ? get(String(Item.reference)) : undefined;
  };

  const outboxPut = (
    key: { pk: string; sk: string },
    entity: string,
    attributes: Record<string, unknown>,
  ) => ({ Put: { TableName: tableName, Item: { ...key, entity, ...attributes } } });

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
      const item = domainFields(TicketSchema.parse(ticket));
      const entry = domainFields(TicketHistoryEntrySchema.parse(created));
      const callerKeys = item.callbackNumber
        ? ticketKeys.caller(await hasher.hash('phone', item.callbackNumber), item)
        : {};
      try {
        await transactWrite(client, [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...ticketKeys.ticket(item.reference),
                ...ticketKeys.agencyStatus(item),
                ...ticketKeys.complaintSla(item),
                ...callerKeys,
                entity: 'TICKET',
                ...item,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { ...ticketKeys.history(entry, 0), entity: 'TICKET_HISTORY', ...entry },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...ticketKeys.contact(idempotencyKey),
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
                outboxPut(
                  ESCALATION_OUTBOX.item(item.createdAt, item.reference),
                  'ESCALATION_PENDING',
                  { reference: item.reference, createdAt: item.createdAt },
                ),
              ]
            : []),
        ]);
        return { ticket: item, created: true };
      } catch (error) {
        if (!(error instanceof TransactionConditionFailedError)) throw error;
        if (error.failedAt(2)) {
          const existing = await findByContact(idempotencyKey);
          if (existing) return { ticket: existing, created: false };
        }
        if (error.failedAt(0)) throw new ReferenceTakenError(item.reference);
        throw error;
      }
    },

    /** A ticket's history, oldest first. */
    async history(reference: string): Promise<TicketHistoryEntry[]> {
      const { Items = [] } = await client.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :ticket AND begins_with(sk, :history)',
          ExpressionAttributeValues: {
            ':ticket': ticketKeys.ticketPartition(reference),
            ':history': ticketKeys.historyPrefix,
          },
        }),
      );
      return Items.map((item) => TicketHistoryEntrySchema.parse(domainFields(item)));
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
        ':gsi1pk': ticketKeys.agencyStatus(next).gsi1pk,
        ':at': change.at,
        ':expected': change.expectedVersion,
        ':version': version,
      };
      const sets = ['#status = :to', 'gsi1pk = :gsi1pk', 'updatedAt = :at', '#version = :version'];
      const sla = ticketKeys.complaintSla(next);
      if ('gsi3pk' in sla) {
        values[':gsi3pk'] = sla.gsi3pk;
        values[':gsi3sk'] = sla.gsi3sk;
        sets.push('gsi3pk = :gsi3pk', 'gsi3sk = :gsi3sk');
      }
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
      const owed = { reference: change.reference, at: change.at };
      await transact(change.reference, [
        {
          Update: {
            TableName: tableName,
            Key: ticketKeys.ticket(change.reference),
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
        // A failed queue send at resolution loses nothing: the sweeper requests it again.
        ...(next.callback && change.set?.callback
          ? [
              outboxPut(
                CALLBACK_OUTBOX.item(change.at, change.reference, next.callback.resolutionVersion),
                'CALLBACK_PENDING',
                { ...owed, resolutionVersion: next.callback.resolutionVersion },
              ),
            ]
          : []),
        // Closed: its personal data is dropped once the retention has passed (the sweeper).
        ...(CLOSED_STATUSES.includes(change.to) && !CLOSED_STATUSES.includes(change.from)
          ? [outboxPut(RETENTION_DUE.item(change.at, change.reference), 'RETENTION_DUE', owed)]
          : []),
      ]);
      return next;
    },

    /** Appends a history entry that changes nothing else (a note, a notification sent). */
    async addHistory(entry: TicketHistoryEntry): Promise<void> {
      const { Put } = historyPut(entry);
      await client.send(new PutCommand(Put));
    },
  };
};
