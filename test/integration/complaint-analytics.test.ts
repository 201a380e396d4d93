import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { localHandler } from '#local/handlers.ts';
import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { createComplaintSlaRepository } from '#shared/data/complaint-sla.repository.ts';
import { ticketKeys } from '#shared/data/tickets/ticket-keys.ts';
import {
  createTicketRepository,
  type Ticket,
  type TicketStatus,
} from '#shared/data/tickets.repository.ts';
import { getReport } from '../support/analytics.ts';
import { lambdaContext } from '../support/connect.ts';
import { documentClient, tableNames } from '../support/data.ts';
import { openCallerTicket } from '../support/tickets.ts';

const complaintMetrics = localHandler('complaint-metrics');

const tickets = createTicketRepository(documentClient, tableNames.tickets);
const sla = createComplaintSlaRepository(documentClient, tableNames.tickets);
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Opens a complaint as the complaints handler does, created at `createdAt`, due after `dueHours`. */
const openComplaint = (createdAt: number, agencyId = 'nrb', dueHours = 72) =>
  openCallerTicket(tickets, { agencyId, createdAt, dueHours });

/** Changes a ticket's status as the ticket API does: the item, its index keys and a history entry, together. */
const changeStatus = async (ticket: Ticket, toStatus: TicketStatus, at: number) => {
  await documentClient.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableNames.tickets,
            Key: { pk: `TICKET#${ticket.reference}`, sk: 'TICKET' },
            UpdateExpression:
              'SET #status = :to, gsi1pk = :gsi1pk, gsi3pk = :gsi3pk, gsi3sk = :gsi3sk, updatedAt = :at',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':to': toStatus,
              ':gsi1pk': ticketKeys.agencyStatus({ ...ticket, status: toStatus }).gsi1pk,
              ...Object.fromEntries(
                Object.entries(ticketKeys.complaintSla({ ...ticket, status: toStatus })).map(
                  ([name, value]) => [`:${name}`, value],
                ),
              ),
              ':at': iso(at),
            },
          },
        },
        {
          Put: {
            TableName: tableNames.tickets,
            Item: {
              pk: `TICKET#${ticket.reference}`,
              sk: `HISTORY#${iso(at)}#001`,
              entity: 'TICKET_HISTORY',
              reference: ticket.reference,
              at: iso(at),
              by: { kind: 'agency', id: ticket.agencyId },
              action: 'STATUS_CHANGED',
              fromStatus: ticket.status,
              toStatus,
            },
          },
        },
      ],
    }),
  );
  return { ...ticket, status: toStatus, updatedAt: iso(at) };
};

const fixture = JSON.parse(
  readFileSync(new URL('../events/dynamodb/dynamodb-stream-event.json', import.meta.url), 'utf8'),
);

/** AWS's published stream event with one record per change, carrying ticket images. */
const streamEvent = (
  changes: { eventName: string; oldImage?: object; newImage?: object }[],
): DynamoDBStreamEvent => ({
  Records: changes.map(({ eventName, oldImage, newImage }, index) => {
    const record = structuredClone(fixture.Records[1]);
    record.eventName = eventName;
    record.eventID = String(index + 1);
    record.dynamodb.SequenceNumber = String(1000 + index);
    record.dynamodb.Keys = marshall({ pk: 'TICKET#1', sk: 'TICKET' });
    if (oldImage) record.dynamodb.OldImage = marshall(oldImage, { removeUndefinedValues: true });
    else delete record.dynamodb.OldImage;
    if (newImage) record.dynamodb.NewImage = marshall(newImage, { removeUndefinedValues: true });
    else delete record.dynamodb.NewImage;
    return record;
  }),
});

describe('complaint resolution in the daily report', () => {
  it('reports complaints logged on the day: resolved within 72 h, late, overdue and pending', async () => {
    // Prepare: a day long past, so every complaint logged on it has had its 72 hours.
    const day = '2024-06-11';
    const morning = Date.parse('2024-06-11T08:00:00+03:00');
    const inTime = await openComplaint(morning, 'kra');
    const late = await openComplaint(morning + HOUR, 'nrb');
    await openComplaint(morning + 2 * HOUR, 'immigration');
    const reopened = await openComplaint(morning + 3 * HOUR, 'kra');
    await openComplaint(Date.parse('2024-06-10T23:30:00+03:00'), 'kra'); // the day before (Nairobi)
    await changeStatus(
      await changeStatus(inTime, 'IN_PROGRESS', morning + 5 * HOUR),
      'RESOLVED',
      morning + 20 * HOUR,
    );
    await changeStatus(late, 'RESOLVED', morning + 90 * HOUR);
    const resolvedOnce = await changeStatus(reopened, 'RESOLVED', morning + 10 * HOUR);
    const reopenedAgain = await changeStatus(resolvedOnce, 'IN_PROGRESS', morning + 11 * HOUR);
    await changeStatus(reopenedAgain, 'CLOSED', morning + 100 * HOUR);

    // Act
    const { body } = await getReport('/reports/daily', { date: day });

    // Assess: the reopened complaint counts from its final resolution (100 h: late).
    expect(body.complaints).toEqual({
      logged: 4,
      resolvedWithinSla: 1,
      resolvedLate: 2,
      openOverdue: 1,
      pending: 0,
      resolvedWithinSlaPct: 25,
      resolutionHours: 72,
    });
    expect(body.targets.complaintResolutionPct).toEqual({ value: 25, target: 90, met: false });
  });

  it('counts a complaint logged today as pending, not breached', async () => {
    const now = Date.now();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Africa/Nairobi' }).format(now);
    const before = (await getReport('/reports/daily', { date: today })).body.complaints;

    await openComplaint(now - 60_000, 'helb');

    const after = (await getReport('/reports/daily', { date: today })).body.complaints;
    expect(after.logged).toBe(before.logged + 1);
    expect(after.pending).toBe(before.pending + 1);
    expect(after.openOverdue).toBe(before.openOverdue);
  });
});

describe('complaint metrics function', () => {
  const scheduled = JSON.parse(
    readFileSync(new URL('../events/eventbridge/scheduled-event.json', import.meta.url), 'utf8'),
  );

  it('counts open complaints past their due time on its schedule, by query', async () => {
    const before = (await complaintMetrics(scheduled, lambdaContext('complaint-metrics'))) as {
      overdue: number;
    };
    const overdue = await openComplaint(Date.now() - 100 * HOUR, 'ntsa');
    const awaiting = await openComplaint(Date.now() - 100 * HOUR, 'ntsa');
    await changeStatus(awaiting, 'AWAITING_CUSTOMER', Date.now() - 50 * HOUR);
    await openComplaint(Date.now() - HOUR, 'ntsa');

    const after = (await complaintMetrics(scheduled, lambdaContext('complaint-metrics'))) as {
      overdue: number;
    };

    // Only the first: the second's clock is paused, the third is not yet due.
    expect(after.overdue).toBe(before.overdue + 1);
    await expect(sla.countOverdue(new Date())).resolves.toBe(after.overdue);
    await changeStatus(overdue, 'RESOLVED', Date.now());
    await expect(sla.countOverdue(new Date())).resolves.toBe(before.overdue);
  });

  it('processes a batch of ticket changes, reporting only a record it cannot read', async () => {
    const open = {
      entity: 'TICKET',
      type: 'COMPLAINT',
      status: 'OPEN',
      dueAt: '2026-12-04T08:00:00.000Z',
      updatedAt: '2026-12-01T08:00:00.000Z',
    };
    const event = streamEvent([
      { eventName: 'INSERT', newImage: open },
      { eventName: 'MODIFY', oldImage: open, newImage: { ...open, status: 'RESOLVED' } },
      { eventName: 'MODIFY', oldImage: open, newImage: { ...open, status: 'LOST' } },
    ]);

    const response = await complaintMetrics(event, lambdaContext('complaint-metrics'));

    expect(response).toEqual({ batchItemFailures: [{ itemIdentifier: '1002' }] });
  });

  it('rejects an event that is neither a stream batch nor its schedule', async () => {
    await expect(
      complaintMetrics({ hello: 'world' }, lambdaContext('complaint-metrics')),
    ).rejects.toThrow();
  });
});

describe('the complaint SLA board', () => {
  it('lists complaints overdue and due within a day, by agency, for supervisors only', async () => {
    const now = Date.now();
    const overdue = await openComplaint(now - 80 * HOUR, 'kra');
    const dueSoon = await openComplaint(now - 60 * HOUR, 'kra');
    const later = await openComplaint(now - HOUR, 'kra');
    const resolved = await changeStatus(
      await openComplaint(now - 90 * HOUR, 'kra'),
      'RESOLVED',
      now,
    );

    const { status, body } = await getReport('/reports/sla-board');

    expect(status).toBe(200);
    const references = (list: { reference: string }[]) => list.map((c) => c.reference);
    expect(references(body.overdue)).toContain(overdue.reference);
    expect(references(body.dueSoon)).toContain(dueSoon.reference);
    for (const absent of [later.reference, resolved.reference]) {
      expect([...references(body.overdue), ...references(body.dueSoon)]).not.toContain(absent);
    }
    expect(
      body.overdue.find((c: { reference: string }) => c.reference === overdue.reference),
    ).toEqual({
      reference: overdue.reference,
      agencyId: 'kra',
      status: 'OPEN',
      createdAt: overdue.createdAt,
      dueAt: overdue.dueAt,
    });
    const kra = body.agencies.find((agency: { agencyId: string }) => agency.agencyId === 'kra');
    expect(kra.overdue).toBeGreaterThanOrEqual(1);
    expect(kra.dueSoon).toBeGreaterThanOrEqual(1);
    expect((await getReport('/reports/sla-board', undefined, 'agent-demo')).status).toBe(403);
  });
});

describe('calls per half hour in the daily report', () => {
  it('counts each received call in its half hour, Nairobi time', async () => {
    const day = '2031-05-06';
    const callLogs = createCallLogRepository(documentClient, tableNames.callLogs);
    const log = (at: string, outcome: 'ANSWERED' | 'ABANDONED', initiationMethod = 'INBOUND') => ({
      schemaVersion: 1 as const,
      contactId: randomUUID(),
      channel: 'VOICE',
      initiationMethod,
      outcome,
      initiatedAt: new Date(at).toISOString(),
      day,
      lastUpdatedAt: new Date(at).toISOString(),
      ivrPath: [],
      expiresAt: Math.floor(Date.parse(at) / 1000) + 86_400,
    });
    for (const entry of [
      log('2031-05-06T09:10:00+03:00', 'ANSWERED'),
      log('2031-05-06T09:29:59+03:00', 'ABANDONED'),
      log('2031-05-06T09:30:00+03:00', 'ANSWERED'),
      // A call-back the centre dialled is not a call received.
      log('2031-05-06T09:15:00+03:00', 'ANSWERED', 'CALLBACK'),
    ])
      await callLogs.saveContactRecord(entry);

    const { body } = await getReport('/reports/daily', { date: day });

    expect(body.halfHours).toHaveLength(48);
    expect(body.halfHours[18]).toEqual({
      interval: '09:00',
      received: 2,
      answered: 1,
      abandoned: 1,
    });
    expect(body.halfHours[19]).toEqual({
      interval: '09:30',
      received: 1,
      answered: 1,
      abandoned: 0,
    });
    expect(body.halfHours[0]).toEqual({
      interval: '00:00',
      received: 0,
      answered: 0,
      abandoned: 0,
    });
  });
});
