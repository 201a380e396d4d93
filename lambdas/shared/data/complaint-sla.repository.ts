import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { queryAll, queryCount } from './client.ts';
import { domainFields } from './tables.ts';
import { ticketKeys } from './tickets/ticket-keys.ts';
import {
  CLOSED_STATUSES,
  type Ticket,
  TicketSchema,
  type TicketStatus,
  TicketStatusSchema,
} from './tickets.repository.ts';

/** Statuses in which a complaint's SLA clock runs: not resolved, not waiting for the customer. */
export const SLA_RUNNING_STATUSES: readonly TicketStatus[] = TicketStatusSchema.options.filter(
  (status) => !['RESOLVED', 'CLOSED', 'AWAITING_CUSTOMER'].includes(status),
);
/** Statuses that mean the complaint was resolved: the closed ones. */
export const RESOLVED_STATUSES = CLOSED_STATUSES;

const agencyStatus = ticketKeys.agencyStatusPartition;

/** Runs `work` over `items` with at most `limit` in flight (DynamoDB Local and small Lambdas alike). */
const mapLimited = async <T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<R>,
): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};

/**
 * Complaint SLA reads on the Tickets table (layout in docs/data-model.md), without a Scan: the
 * agency-status index (gsi1, `AGENCY#<agency>#<status>` / `<dueAt>#<reference>`) is walked
 * once per agency and status, by due time. Agencies come from the catalogue (data/agencies.json).
 */
export const createComplaintSlaRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
  agencyIds: readonly string[],
) => {
  const pairs = (statuses: readonly TicketStatus[]) =>
    agencyIds.flatMap((agencyId) => statuses.map((status) => ({ agencyId, status })));

  return {
    /** Complaints whose SLA clock runs and whose due time has passed (Query COUNT per agency and status). */
    async countOverdue(now: Date): Promise<number> {
      const counts = await mapLimited(pairs(SLA_RUNNING_STATUSES), 8, (pair) =>
        queryCount(client, {
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :now',
          FilterExpression: '#type = :complaint',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':pk': agencyStatus(pair.agencyId, pair.status),
            ':now': now.toISOString(),
            ':complaint': 'COMPLAINT',
          },
        }),
      );
      return counts.reduce((sum, count) => sum + count, 0);
    },

    /**
     * Complaints created in [createdFrom, createdTo) whose due time lies in [dueFrom, dueTo]:
     * every status of every agency, one Query each on the due-time range.
     */
    async listCreatedBetween(
      { createdFrom, createdTo }: { readonly createdFrom: Date; readonly createdTo: Date },
      { dueFrom, dueTo }: { readonly dueFrom: Date; readonly dueTo: Date },
    ): Promise<Ticket[]> {
      const lists = await mapLimited(pairs(TicketStatusSchema.options), 8, async (pair) => {
        const items = await queryAll(client, {
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :dueFrom AND :dueTo',
          FilterExpression:
            '#type = :complaint AND createdAt >= :createdFrom AND createdAt < :createdTo',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':pk': agencyStatus(pair.agencyId, pair.status),
            ':dueFrom': dueFrom.toISOString(),
            // Sort keys are `<dueAt>#<reference>`: '~' sorts after every reference.
            ':dueTo': `${dueTo.toISOString()}~`,
            ':complaint': 'COMPLAINT',
            ':createdFrom': createdFrom.toISOString(),
            ':createdTo': createdTo.toISOString(),
          },
        });
        return items.map((item) => TicketSchema.parse(domainFields(item)));
      });
      return lists.flat();
    },

    /** Complaints whose SLA clock runs, due before `until` (overdue ones included), soonest first. */
    async listRunningDueBefore(until: Date): Promise<Ticket[]> {
      const lists = await mapLimited(pairs(SLA_RUNNING_STATUSES), 8, async (pair) => {
        const items = await queryAll(client, {
          TableName: tableName,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :until',
          FilterExpression: '#type = :complaint',
          ExpressionAttributeNames: { '#type': 'type' },
          ExpressionAttributeValues: {
            ':pk': agencyStatus(pair.agencyId, pair.status),
            ':until': until.toISOString(),
            ':complaint': 'COMPLAINT',
          },
        });
        return items.map((item) => TicketSchema.parse(domainFields(item)));
      });
      return lists.flat().sort((a, b) => a.dueAt.localeCompare(b.dueAt));
    },
  };
};

export type ComplaintSlaRepository = ReturnType<typeof createComplaintSlaRepository>;
