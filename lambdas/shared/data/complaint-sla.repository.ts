import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll, queryCount } from './client.ts';
import { domainFields } from './tables.ts';
import { SLA_RUNNING_STATUSES, ticketKeys } from './tickets/ticket-keys.ts';
import { CLOSED_STATUSES, type Ticket, TicketSchema } from './tickets.repository.ts';

export { SLA_RUNNING_STATUSES };
/** Statuses that mean the complaint was resolved: the closed ones. */
export const RESOLVED_STATUSES = CLOSED_STATUSES;

const DAY_MS = 86_400_000;

/** Every UTC day (YYYY-MM-DD) from the day of `from` to the day of `to`. */
const utcDays = (from: Date, to: Date): string[] => {
  const days: string[] = [];
  for (let at = Date.parse(from.toISOString().slice(0, 10)); at <= to.getTime(); at += DAY_MS)
    days.push(new Date(at).toISOString().slice(0, 10));
  return days;
};

/**
 * Complaint SLA reads on the Tickets table's SLA index (gsi3, layout in docs/data-model.md),
 * without a Scan and in a number of queries that does not grow with the agencies: complaints
 * whose clock runs are one partition (`SLA#RUNNING`) sorted by due time; the others are
 * bucketed by due day (`SLA#DUE#<YYYY-MM-DD>`, UTC). Sort keys are `<dueAt>#<reference>`.
 */
export const createComplaintSlaRepository = (client: DynamoDBDocumentClient, tableName: string) => {
  const query = (partition: string, range: { from?: string; to: string }) => ({
    TableName: tableName,
    IndexName: 'gsi3',
    KeyConditionExpression:
      range.from === undefined
        ? 'gsi3pk = :pk AND gsi3sk < :to'
        : 'gsi3pk = :pk AND gsi3sk BETWEEN :from AND :to',
    ExpressionAttributeValues: {
      ':pk': partition,
      ':to': range.to,
      ...(range.from !== undefined && { ':from': range.from }),
    },
  });
  const tickets = (items: Record<string, unknown>[]) =>
    items.map((item) => TicketSchema.parse(domainFields(item)));

  return {
    /** Complaints whose SLA clock runs and whose due time has passed (one Query COUNT). */
    async countOverdue(now: Date): Promise<number> {
      return queryCount(client, query(ticketKeys.slaRunningPartition, { to: now.toISOString() }));
    },

    /**
     * Complaints created in [createdFrom, createdTo) whose due time lies in [dueFrom, dueTo]:
     * the running partition and each due day of the range (a Query each, in parallel).
     */
    async listCreatedBetween(
      { createdFrom, createdTo }: { readonly createdFrom: Date; readonly createdTo: Date },
      { dueFrom, dueTo }: { readonly dueFrom: Date; readonly dueTo: Date },
    ): Promise<Ticket[]> {
      // '~' sorts after every reference: the last complaint due at dueTo is in range.
      const range = { from: dueFrom.toISOString(), to: `${dueTo.toISOString()}~` };
      const partitions = [
        ticketKeys.slaRunningPartition,
        ...utcDays(dueFrom, dueTo).map(ticketKeys.slaDueDayPartition),
      ];
      const lists = await Promise.all(
        partitions.map(async (partition) =>
          tickets(await queryAll(client, query(partition, range))),
        ),
      );
      return lists
        .flat()
        .filter(
          (ticket) =>
            ticket.createdAt >= createdFrom.toISOString() &&
            ticket.createdAt < createdTo.toISOString(),
        );
    },

    /** Complaints whose SLA clock runs, due before `until` (overdue ones included), soonest first. */
    async listRunningDueBefore(until: Date): Promise<Ticket[]> {
      return tickets(
        await queryAll(client, query(ticketKeys.slaRunningPartition, { to: until.toISOString() })),
      );
    },
  };
};

export type ComplaintSlaRepository = ReturnType<typeof createComplaintSlaRepository>;
