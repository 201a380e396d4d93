import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds } from '#shared/data/conditional.ts';
import { transactWrite } from '#shared/data/transact.ts';
import { CLOSED_STATUSES } from './ticket.schema.ts';
import { RETENTION_DUE, ticketKeys } from './ticket-keys.ts';
import { type TicketTable, ticketTable } from './ticket-table.ts';

/** A closed ticket waiting for its retention to pass (the item the closing transaction wrote). */
export interface RetentionEntry {
  readonly reference: string;
  /** When the ticket was closed: the retention counts from here. */
  readonly at: string;
}

/**
 * `PURGED`: the call-back number, free text and notes are gone. `REOPENED`: the ticket is open
 * again (its next closing schedules it anew). `RESCHEDULED`: it changed while closed, so the
 * retention counts from that change. `CHANGED`: it changed during the purge (the next sweep
 * decides again). `GONE`: no such ticket.
 */
export type PurgeOutcome = 'PURGED' | 'REOPENED' | 'RESCHEDULED' | 'CHANGED' | 'GONE';

/** What a closed ticket keeps of the customer: nothing that identifies them or their words. */
const PERSONAL_ATTRIBUTES = ['callbackNumber', 'description', 'resolution', 'gsi2pk', 'gsi2sk'];

/**
 * Storage limitation (Kenya Data Protection Act 2019, s. 25(e)): a closed ticket keeps its
 * call-back number, its description and the free text of its history only for the configured
 * retention. Every ticket entering a closed status is scheduled (RETENTION#DUE) by the same
 * transaction; the sweeper purges those whose retention has passed.
 */
export const ticketRetention = (table: TicketTable) => {
  const { client, tableName } = table;
  const { get, pending, clear } = ticketTable(table);

  /** Removes the free text (`note`) of every history entry that has one. */
  const purgeNotes = async (reference: string) => {
    const { Items = [] } = await client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :ticket AND begins_with(sk, :history)',
        FilterExpression: 'attribute_exists(note)',
        ProjectionExpression: 'pk, sk',
        ExpressionAttributeValues: {
          ':ticket': ticketKeys.ticketPartition(reference),
          ':history': ticketKeys.historyPrefix,
        },
      }),
    );
    for (const item of Items) {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'REMOVE note',
        }),
      );
    }
  };

  return {
    /** Tickets closed before `before` not yet purged, oldest first. */
    async dueForRetention(before: Date, limit = 100): Promise<RetentionEntry[]> {
      const items = await pending(RETENTION_DUE, before, limit);
      return items.map((item) => ({ reference: String(item.reference), at: String(item.at) }));
    },

    /** Drops a closed ticket's personal data if it has stayed closed since `cutoff`. */
    async purgePersonalData(entry: RetentionEntry, cutoff: Date, at: Date): Promise<PurgeOutcome> {
      const due = RETENTION_DUE.item(entry.at, entry.reference);
      const ticket = await get(entry.reference);
      if (!ticket) {
        await clear(due);
        return 'GONE';
      }
      if (!CLOSED_STATUSES.includes(ticket.status)) {
        await clear(due);
        return 'REOPENED';
      }
      if (Date.parse(ticket.updatedAt) > cutoff.getTime()) {
        await transactWrite(client, [
          {
            Put: {
              TableName: tableName,
              Item: {
                ...RETENTION_DUE.item(ticket.updatedAt, ticket.reference),
                entity: 'RETENTION_DUE',
                reference: ticket.reference,
                at: ticket.updatedAt,
              },
            },
          },
          { Delete: { TableName: tableName, Key: due } },
        ]);
        return 'RESCHEDULED';
      }
      const closed = Object.fromEntries(
        CLOSED_STATUSES.map((status, i) => [`:closed${i}`, status]),
      );
      const purged = await ifConditionHolds(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: ticketKeys.ticket(ticket.reference),
            UpdateExpression: `SET personalDataPurgedAt = :at REMOVE ${PERSONAL_ATTRIBUTES.join(', ')}`,
            ConditionExpression: `#status IN (${Object.keys(closed).join(', ')}) AND updatedAt = :read`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':at': at.toISOString(),
              ':read': ticket.updatedAt,
              ...closed,
            },
          }),
        ),
      );
      if (!purged) return 'CHANGED';
      await purgeNotes(ticket.reference);
      await clear(due);
      return 'PURGED';
    },
  };
};
