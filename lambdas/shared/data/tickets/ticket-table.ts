import { randomUUID } from 'node:crypto';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import { domainFields } from '#shared/data/tables.ts';
import {
  type TransactItems,
  TransactionConditionFailedError,
  transactWrite,
} from '#shared/data/transact.ts';
import type { IdentityHasher } from '#shared/identity/identity-hasher.ts';
import {
  CLOSED_STATUSES,
  StaleTicketError,
  type Ticket,
  type TicketHistoryEntry,
  TicketHistoryEntrySchema,
  TicketSchema,
} from './ticket.schema.ts';
import { type Outbox, ticketKeys } from './ticket-keys.ts';

/** What every part of the ticket repository shares: the table, its writes and the hasher. */
export interface TicketTable {
  readonly client: DynamoDBDocumentClient;
  readonly tableName: string;
  /** Hashes call-back numbers for the caller index (`phone` purpose). */
  readonly hasher: IdentityHasher;
}

/** `NOT (#status IN (:closed0, :closed1))` with its values: the ticket still waits for the agency. */
export const notClosed = () => {
  const values = Object.fromEntries(CLOSED_STATUSES.map((status, i) => [`:closed${i}`, status]));
  return { condition: `NOT (#status IN (${Object.keys(values).join(', ')}))`, values };
};

/** The ticket's table helpers: reads, history Puts and transactions whose failed condition is "stale". */
export const ticketTable = ({ client, tableName }: TicketTable) => {
  /**
   * A history entry's Put. One not tied to a change's number gets a unique id: a number drawn
   * from 1 to 999 could be the very key a status change in the same millisecond needs, and would
   * fail that change as if someone else had changed the ticket.
   */
  const historyPut = (entry: TicketHistoryEntry, sequence: number | string = randomUUID()) => {
    const parsed = domainFields(TicketHistoryEntrySchema.parse(entry));
    return {
      Put: {
        TableName: tableName,
        Item: { ...ticketKeys.history(parsed, sequence), entity: 'TICKET_HISTORY', ...parsed },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  };

  /** Runs a transaction whose conditions encode "the ticket is still as read"; a failed one is stale. */
  const transact = async (reference: string, items: TransactItems): Promise<void> => {
    try {
      await transactWrite(client, items);
    } catch (error) {
      if (error instanceof TransactionConditionFailedError)
        throw new StaleTicketError(reference, { cause: error });
      throw error;
    }
  };

  const get = async (reference: string): Promise<Ticket | undefined> => {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: ticketKeys.ticket(reference),
        ConsistentRead: true,
      }),
    );
    return Item ? TicketSchema.parse(domainFields(Item)) : undefined;
  };

  /** An outbox's items that became due before `before`, oldest first. */
  const pending = async (box: Outbox, before: Date, limit: number) => {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :box AND sk < :before',
        ExpressionAttributeValues: { ':box': box.pk, ':before': before.toISOString() },
        Limit: limit,
      }),
    );
    return Items;
  };

  /** Takes an item out of its outbox: the work it stood for is done. */
  const clear = async (key: { pk: string; sk: string }) => {
    await client.send(new DeleteCommand({ TableName: tableName, Key: key }));
  };

  return { historyPut, transact, get, pending, clear };
};
