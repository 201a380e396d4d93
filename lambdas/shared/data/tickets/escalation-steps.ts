import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ifConditionHolds } from '#shared/data/conditional.ts';
import type { Ticket, TicketHistoryEntry } from './ticket.schema.ts';
import { ESCALATION_OUTBOX, ticketKeys } from './ticket-keys.ts';
import { notClosed, type TicketTable, ticketTable } from './ticket-table.ts';

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

type OutboxEntry = Pick<Ticket, 'reference' | 'createdAt'>;

/**
 * A complaint's escalation on its ticket: the outbox of escalations to start (written with the
 * complaint), the steps carried out, the reminders about a breach and the waiting execution's
 * task token. Every record is conditional, so a retried step is recorded once.
 */
export const escalationSteps = (table: TicketTable) => {
  const { client, tableName } = table;
  const { historyPut, transact, pending, clear } = ticketTable(table);

  return {
    /**
     * Records escalation steps carried out, once: conditional on the steps recorded so far and
     * on the ticket still being unresolved. Throws StaleTicketError otherwise.
     */
    async recordEscalationStep(record: EscalationStepRecord): Promise<void> {
      const open = notClosed();
      await transact(record.reference, [
        {
          Update: {
            TableName: tableName,
            Key: ticketKeys.ticket(record.reference),
            UpdateExpression: `SET escalationStep = :to, escalationLevel = :level${record.breachedAt ? ', breachedAt = :breachedAt' : ''}`,
            ConditionExpression: `${record.fromStep === 0 ? '(attribute_not_exists(escalationStep) OR escalationStep = :from)' : 'escalationStep = :from'} AND ${open.condition}`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':to': record.toStep,
              ':from': record.fromStep,
              ':level': record.level,
              ...(record.breachedAt && { ':breachedAt': record.breachedAt }),
              ...open.values,
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
            Key: ticketKeys.ticket(reference),
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
      const open = notClosed();
      const parked = await ifConditionHolds(
        client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: ticketKeys.ticket(reference),
            UpdateExpression: 'SET escalationTaskToken = :token',
            ConditionExpression: `attribute_exists(pk) AND ${open.condition}`,
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':token': taskToken, ...open.values },
          }),
        ),
      );
      return parked !== undefined;
    },

    /** Complaints created before `before` whose escalation start is not yet confirmed, oldest first. */
    async pendingEscalationStarts(before: Date, limit = 100): Promise<OutboxEntry[]> {
      const items = await pending(ESCALATION_OUTBOX, before, limit);
      return items.map((item) => ({
        reference: String(item.reference),
        createdAt: String(item.createdAt),
      }));
    },

    /** Marks a complaint's escalation as started: it leaves the outbox. */
    async clearPendingEscalation(ticket: OutboxEntry): Promise<void> {
      await clear(ESCALATION_OUTBOX.item(ticket.createdAt, ticket.reference));
    },
  };
};
