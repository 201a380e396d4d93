import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context, KinesisStreamEvent } from 'aws-lambda';
import { createReports } from '#lambdas/reports/reports.ts';
import { kinesisEventOf } from '#local/contact-records.ts';
import { localDependencies, localHandler } from '#local/handlers.ts';
import type { LocalPlatform } from '#local/platform.ts';
import { lambdaContext } from '../test/support/connect.ts';
import type { Compare } from './appointments.ts';
import { freshReplay, readsCompare, recordingPlatform, type Turns } from './samples.ts';
import { benchWanted } from './stats.ts';

export interface AnalyticsBenchOptions {
  readonly compare: Compare;
  readonly client: DynamoDBDocumentClient;
  readonly platform: LocalPlatform;
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
  iterations,
}: AnalyticsBenchOptions): Promise<void> => {
  const [{ catalogueFiles }, { TicketStatusSchema }] = await Promise.all([
    import('#shared/data/catalogue-files.ts'),
    import('#shared/data/tickets.repository.ts'),
  ]);
  const writer = localHandler('call-logs', {}, platform);
  const { platform: recorded, record } = recordingPlatform(platform);
  const recordingWriter = localHandler('call-logs', {}, recorded);
  const reports = createReports(await localDependencies('reports', {}, recorded));
  // The writer's deployed timeout (lib/constructs/analytics-consumers.ts), not a flow's 3 s.
  const context = lambdaContext('call-logs', 60_000);
  const write = (event: KinesisStreamEvent, on = writer) =>
    (on as (event: KinesisStreamEvent, context: Context) => Promise<unknown>)(event, context);
  let next = 0;
  /** Kinesis events of `size` new contacts' records, built before the clock starts, as Lambda receives them. */
  const events = (count: number, size: number) =>
    Array.from({ length: count }, () =>
      kinesisEventOf(Array.from({ length: size }, () => contactRecord(CONTACTS_PER_DAY + next++))),
    );
  /**
   * The writer's own requests for `count` batches of `size` new contacts, recorded: replayed
   * with each request's contact id new (its key, and the day and agent index keys that end in
   * it), they are the raw round trips of a batch (same attributes, same condition, new items
   * and index entries), in one turn as the writer sends them.
   */
  const rawWritesOf = async (count: number, size: number) => {
    const recorded: Turns[number][] = [];
    for (const event of events(count, size)) {
      const [, turns] = await record(() => write(event, recordingWriter));
      recorded.push(turns.flat());
    }
    const replay = freshReplay(client);
    let call = 0;
    return () =>
      Promise.all(
        recorded[call++ % count]!.map((request) =>
          replay([[request]], [(request.input as { Key: { contactId: string } }).Key.contactId]),
        ),
      );
  };

  // One record of each kind (answered, abandoned, self-service) in turn.
  const one = 'call-logs: 1 CTR from Kinesis (1 conditional UpdateItem)';
  if (benchWanted(one)) {
    const ready = events(iterations + 50, 1);
    let index = 0;
    await compare(one, () => write(ready[index++]!), await rawWritesOf(10, 1), 1, iterations);
  }
  const batch = 'call-logs: Kinesis batch of 100 CTRs (100 UpdateItem ‖)';
  if (benchWanted(batch)) {
    const batches = Math.max(10, Math.floor(iterations / 40));
    const ready = events(batches + 50, 100);
    let index = 0;
    await compare(batch, () => write(ready[index++]!), await rawWritesOf(1, 100), 1, batches);
  }

  const pairs = catalogueFiles.agencies.flatMap((agency) =>
    TicketStatusSchema.options.map((status) => `AGENCY#${agency.id}#${status}`),
  );
  const daily = `reports: daily (${CONTACTS_PER_DAY} contacts, Query gsi1 ‖ ${pairs.length} complaint Queries)`;
  const agentDay = `reports: one agent's day (Query gsi2, ${Math.round((CONTACTS_PER_DAY * 0.6) / AGENTS.length)} contacts)`;
  if (!benchWanted(daily) && !benchWanted(agentDay)) return;
  // The bench day: 700 contacts, through the writer.
  for (let index = 0; index < CONTACTS_PER_DAY; index += 100)
    await write(kinesisEventOf(Array.from({ length: 100 }, (_, i) => contactRecord(index + i))));

  // The raw side of each report: the reads it makes, recorded once and replayed turn by turn.
  const compareReads = readsCompare(compare, record, (command) => client.send(command as never));
  await compareReads(
    daily,
    () => reports.daily({ date: DAY }),
    Math.max(10, Math.floor(iterations / 40)),
  );
  await compareReads(
    agentDay,
    () => reports.agents({ date: DAY, agent: AGENTS[0] }),
    Math.max(10, Math.floor(iterations / 10)),
  );
};
