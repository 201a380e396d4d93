import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { createReports } from '#lambdas/reports/reports.ts';
import { environments } from '#lib/config/environments.ts';
import { createLocalTables, localDynamoDbClient, localTableName } from '#local/dynamodb/tables.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { queryAll } from '#shared/data/client.ts';
import {
  type ComplaintSlaRepository,
  createComplaintSlaRepository,
} from '#shared/data/complaint-sla.repository.ts';
import { callLogsTable, domainFields, ticketsTable } from '#shared/data/tables.ts';
import { ticketKeys } from '#shared/data/tickets/ticket-keys.ts';
import {
  createTicketRepository,
  type Ticket,
  TicketSchema,
  TicketStatusSchema,
} from '#shared/data/tickets.repository.ts';
import { openCallerTicket } from '../test/support/tickets.ts';
import { measurePair, ms, percentile } from './stats.ts';

/**
 * The daily report's complaint figures at today's 19 agencies and at 400, read the way they were
 * (gsi1, one Query per agency and status) and the way they are (gsi3, the running partition and
 * the due days): queries per report and milliseconds, on DynamoDB Local.
 */
const DAY = '2026-10-06';
const COMPLAINTS_PER_AGENCY = 2;
const HOUR = 3_600_000;

/** The reads before gsi3: every status of every agency on gsi1, eight at a time. */
const agencyStatusReads = (
  client: DynamoDBDocumentClient,
  tableName: string,
  agencyIds: readonly string[],
): Pick<ComplaintSlaRepository, 'listCreatedBetween' | 'listRunningDueBefore'> => ({
  async listCreatedBetween({ createdFrom, createdTo }, { dueFrom, dueTo }) {
    const pairs = agencyIds.flatMap((agencyId) =>
      TicketStatusSchema.options.map((status) =>
        ticketKeys.agencyStatusPartition(agencyId, status),
      ),
    );
    const found: Ticket[] = [];
    for (let index = 0; index < pairs.length; index += 8)
      for (const items of await Promise.all(
        pairs.slice(index, index + 8).map((partition) =>
          queryAll(client, {
            TableName: tableName,
            IndexName: 'gsi1',
            KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :dueFrom AND :dueTo',
            FilterExpression:
              '#type = :complaint AND createdAt >= :createdFrom AND createdAt < :createdTo',
            ExpressionAttributeNames: { '#type': 'type' },
            ExpressionAttributeValues: {
              ':pk': partition,
              ':dueFrom': dueFrom.toISOString(),
              ':dueTo': `${dueTo.toISOString()}~`,
              ':complaint': 'COMPLAINT',
              ':createdFrom': createdFrom.toISOString(),
              ':createdTo': createdTo.toISOString(),
            },
          }),
        ),
      ))
        found.push(...items.map((item) => TicketSchema.parse(domainFields(item))));
    return found;
  },
  listRunningDueBefore: () => Promise.resolve([]),
});

/** A document client that counts the Queries sent through it. */
const counting = (client: DynamoDBDocumentClient) => {
  const counter = { queries: 0 };
  const counted = new Proxy(client, {
    get(target, property, receiver) {
      if (property !== 'send') return Reflect.get(target, property, receiver);
      return (command: unknown, ...rest: unknown[]) => {
        if (command instanceof QueryCommand) counter.queries++;
        return (target.send as (...args: unknown[]) => Promise<unknown>)(command, ...rest);
      };
    },
  });
  return { client: counted, counter };
};

const seedComplaints = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  agencyIds: readonly string[],
) => {
  const tickets = createTicketRepository(client, tableName);
  const start = Date.parse(`${DAY}T05:00:00Z`);
  const work = agencyIds.flatMap((agencyId, a) =>
    Array.from({ length: COMPLAINTS_PER_AGENCY }, (_, i) => async () => {
      const createdAt = start + ((a * COMPLAINTS_PER_AGENCY + i) % 12) * HOUR;
      await openCallerTicket(tickets, { agencyId, createdAt });
    }),
  );
  for (let index = 0; index < work.length; index += 16)
    await Promise.all(work.slice(index, index + 16).map((run) => run()));
};

export const benchComplaintSla = async ({
  endpoint,
  client,
  iterations,
}: {
  readonly endpoint: string;
  readonly client: DynamoDBDocumentClient;
  readonly iterations: number;
}): Promise<Record<string, string | number>[]> => {
  const rows: Record<string, string | number>[] = [];
  const config = environments.dev;
  for (const agencies of [19, 400]) {
    const prefix = `bench-sla-${agencies}`;
    await createLocalTables(localDynamoDbClient(endpoint), prefix);
    const tickets = localTableName(ticketsTable, prefix);
    const agencyIds = Array.from(
      { length: agencies },
      (_, i) => `agency${String(i).padStart(3, '0')}`,
    );
    await seedComplaints(client, tickets, agencyIds);
    const { client: countedClient, counter } = counting(client);
    const reportsOn = (
      complaints: Pick<ComplaintSlaRepository, 'listCreatedBetween' | 'listRunningDueBefore'>,
    ) =>
      createReports({
        callLogs: createCallLogRepository(countedClient, localTableName(callLogsTable, prefix)),
        complaints,
        ticketHistory: createTicketRepository(countedClient, tickets).history,
        now: () => new Date(`${DAY}T18:00:00Z`),
        timeZone: config.hours.timeZone,
        answerWithinSeconds: config.sla.answerWithinSeconds,
        resolutionHours: config.sla.complaintResolutionHours,
        staffing: config.staffing,
        holidays: new Set(),
      });
    const before = reportsOn(agencyStatusReads(countedClient, tickets, agencyIds));
    const after = reportsOn(createComplaintSlaRepository(countedClient, tickets));
    const queriesOf = async (reports: typeof before) => {
      counter.queries = 0;
      const report = await reports.daily({ date: DAY });
      return { queries: counter.queries, logged: report.complaints.logged };
    };
    const [gsi1, gsi3] = [await queriesOf(before), await queriesOf(after)];
    if (gsi1.logged !== gsi3.logged)
      throw new Error(`The two reads disagree: ${gsi1.logged} against ${gsi3.logged} complaints`);
    const [beforeMs, afterMs] = await measurePair(
      () => before.daily({ date: DAY }),
      () => after.daily({ date: DAY }),
      iterations,
      3,
    );
    for (const [layout, counted, samples] of [
      ['gsi1: a Query per agency and status (before)', gsi1, beforeMs],
      ['gsi3: running + due-day partitions (now)', gsi3, afterMs],
    ] as const)
      rows.push({
        agencies,
        'complaints that day': counted.logged,
        reads: layout,
        'Queries per report': counted.queries,
        'report p50': ms(percentile(samples, 50)),
        'report p99': ms(percentile(samples, 99)),
      });
  }
  return rows;
};
