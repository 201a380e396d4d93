import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type DynamoDBDocumentClient, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Context, KinesisStreamEvent } from 'aws-lambda';
import { createReports } from '#lambdas/reports/reports.ts';
import { kinesisEventOf } from '#local/contact-records.ts';
import { localDependencies, localHandler } from '#local/handlers.ts';
import type { LocalPlatform } from '#local/platform.ts';
import { lambdaContext } from '../test/support/connect.ts';
import type { Compare } from './appointments.ts';
import { benchWanted } from './stats.ts';

export interface AnalyticsBenchOptions {
  readonly compare: Compare;
  readonly client: DynamoDBDocumentClient;
  readonly platform: LocalPlatform;
  readonly tables: { readonly callLogs: string; readonly tickets: string };
  readonly iterations: number;
}

/** A day of the size Huduma handles today (600-700 calls). */
const CONTACTS_PER_DAY = 700;
const DAY = '2026-10-06';
const AGENTS = ['akinyi', 'baraka', 'chebet', 'daudi', 'esther', 'faraji', 'gathoni'];

const published = JSON.parse(
  readFileSync(new URL('../test/events/ctr/ctr-answered-by-agent.json', import.meta.url), 'utf8'),
);

/** A CTR of the published shape on the bench day: answered, abandoned or self-service. */
const contactRecord = (index: number) => {
  const start = Date.parse(`${DAY}T04:00:00Z`) + index * 60_000;
  const at = (offsetSeconds: number) =>
    new Date(start + offsetSeconds * 1000).toISOString().replace('.000Z', 'Z');
  const kind = index % 10;
  return {
    ...published,
    ContactId: randomUUID(),
    InitiationTimestamp: at(0),
    ConnectedToSystemTimestamp: at(0),
    DisconnectTimestamp: at(400),
    LastUpdateTimestamp: at(430),
    Attributes: { lang: 'en', journey: ',tracking,tracking:FOUND' },
    ...(kind < 6 && {
      Agent: { ...published.Agent, Username: AGENTS[index % AGENTS.length] },
      Queue: { ...published.Queue, Duration: 5 + (index % 40) },
    }),
    ...(kind >= 6 && kind < 8 && { Agent: null }),
    ...(kind >= 8 && {
      Agent: null,
      Queue: null,
      Attributes: { lang: 'en', journey: ',tracking,tracking:FOUND', selfService: 'TRACKED' },
    }),
  };
};

/**
 * The call-log writer (one record, and a Kinesis batch of 100) and the reports (a day of 700
 * contacts; one agent's day), each beside the raw DynamoDB calls it makes.
 */
export const benchAnalytics = async ({
  compare,
  client,
  platform,
  tables,
  iterations,
}: AnalyticsBenchOptions): Promise<void> => {
  const [{ catalogueFiles }, { TicketStatusSchema }] = await Promise.all([
    import('#shared/data/catalogue-files.ts'),
    import('#shared/data/tickets.repository.ts'),
  ]);
  const writer = localHandler('call-logs', {}, platform);
  const reports = createReports(localDependencies('reports', {}, platform));
  const write = (event: KinesisStreamEvent) =>
    (writer as (event: KinesisStreamEvent, context: Context) => Promise<unknown>)(
      event,
      // The writer's deployed timeout (lib/constructs/analytics-consumers.ts), not a flow's 3 s.
      lambdaContext('call-logs', 60_000),
    );
  const rawUpdate = () =>
    client.send(
      new UpdateCommand({
        TableName: tables.callLogs,
        Key: { contactId: randomUUID() },
        UpdateExpression:
          'SET outcome = :o, initiatedAt = :i, lastUpdatedAt = :u, gsi1pk = :d, gsi1sk = :s, gsi2pk = :a, gsi2sk = :s, handleSeconds = :h, ivrPath = :p, expiresAt = :e',
        ConditionExpression: 'attribute_not_exists(lastUpdatedAt) OR lastUpdatedAt < :u',
        ExpressionAttributeValues: {
          ':o': 'ANSWERED',
          ':i': '2026-10-06T04:00:00.000Z',
          ':u': '2026-10-06T04:07:10.000Z',
          ':d': 'DAY#2026-09-01',
          ':s': `2026-10-06T04:00:00.000Z#${randomUUID()}`,
          ':a': 'AGENT#bench#2026-09-01',
          ':h': 65,
          ':p': ['tracking'],
          ':e': 1,
        },
        ReturnValues: 'ALL_OLD',
      }),
    );

  let next = 0;
  await compare(
    'call-logs: 1 CTR from Kinesis (1 conditional UpdateItem)',
    () => write(kinesisEventOf([contactRecord(CONTACTS_PER_DAY + next++)])),
    rawUpdate,
    1,
    iterations,
  );
  await compare(
    'call-logs: Kinesis batch of 100 CTRs (100 UpdateItem ‖)',
    () =>
      write(
        kinesisEventOf(Array.from({ length: 100 }, () => contactRecord(CONTACTS_PER_DAY + next++))),
      ),
    () => Promise.all(Array.from({ length: 100 }, rawUpdate)),
    1,
    Math.max(10, Math.floor(iterations / 40)),
  );

  const pairs = catalogueFiles.agencies.flatMap((agency) =>
    TicketStatusSchema.options.map((status) => `AGENCY#${agency.id}#${status}`),
  );
  const daily = `reports: daily (${CONTACTS_PER_DAY} contacts, Query gsi1 ‖ ${pairs.length} complaint Queries)`;
  const agentDay = `reports: one agent's day (Query gsi2, ${Math.round((CONTACTS_PER_DAY * 0.6) / AGENTS.length)} contacts)`;
  if (!benchWanted(daily) && !benchWanted(agentDay)) return;
  // The bench day: 700 contacts, through the writer.
  for (let index = 0; index < CONTACTS_PER_DAY; index += 100)
    await write(kinesisEventOf(Array.from({ length: 100 }, (_, i) => contactRecord(index + i))));

  const queryAll = async (index: string, partition: string) => {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tables.callLogs,
          IndexName: index,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': `${index}pk` },
          ExpressionAttributeValues: { ':pk': partition },
          ExclusiveStartKey,
        }),
      );
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  };
  const complaintQueries = async () => {
    for (let index = 0; index < pairs.length; index += 8)
      await Promise.all(
        pairs.slice(index, index + 8).map((pk) =>
          client.send(
            new QueryCommand({
              TableName: tables.tickets,
              IndexName: 'gsi1',
              KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
              ExpressionAttributeValues: {
                ':pk': pk,
                ':from': '2026-10-07T00:00:00.000Z',
                ':to': '2026-10-16T00:00:00.000Z~',
              },
            }),
          ),
        ),
      );
  };
  await compare(
    daily,
    () => reports.daily({ date: DAY }),
    () => Promise.all([queryAll('gsi1', `DAY#${DAY}`), complaintQueries()]),
    1,
    Math.max(10, Math.floor(iterations / 40)),
  );
  await compare(
    agentDay,
    () => reports.agents({ date: DAY, agent: AGENTS[0] }),
    () => queryAll('gsi2', `AGENT#${AGENTS[0]}#${DAY}`),
    1,
    Math.max(10, Math.floor(iterations / 10)),
  );
};
