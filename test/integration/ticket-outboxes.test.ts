import { randomUUID } from 'node:crypto';
import { QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { callBack } from '#lambdas/callback-dialer/call-back.ts';
import { sweepCallbackRequests } from '#lambdas/escalation-sweep/callback-sweep.ts';
import { purgeClosedTickets } from '#lambdas/escalation-sweep/retention-purge.ts';
import { ticketUseCases } from '#lambdas/tickets-api/tickets.ts';
import { contactCentreHours, environments } from '#lib/config/environments.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import type { Principal } from '#shared/principal.ts';
import type { CallbackMessage, CallbackQueue } from '#shared/tickets/callbacks.ts';
import { callbackPolicy } from '#shared/tickets/escalation-policy.ts';
import { createTicketOpener } from '#shared/tickets/open-ticket.ts';
import {
  documentClient,
  identityHasher,
  privateTicketsTable,
  uniqueCaller,
} from '../support/data.ts';

const MINUTE = 60_000;
const DAY = 86_400_000;
const RETENTION_DAYS = environments.dev.ticketPersonalDataRetentionDays;
const TIMEOUT = 30_000;
const agent: Principal = { id: 'agent-demo', role: 'agent' };

/** A queue that records what it is sent, or refuses everything while `failing`. */
const recordingQueue = () => {
  const sent: CallbackMessage[] = [];
  const queue = {
    failing: false as boolean,
    sent,
    async send(message: CallbackMessage) {
      if (queue.failing) throw new Error('SQS unavailable');
      sent.push(message);
    },
  } satisfies CallbackQueue & { failing: boolean; sent: CallbackMessage[] };
  return queue;
};

/** One private Tickets table with the ticket API's use cases and the sweeper's, on a movable clock. */
const setUp = async () => {
  const tableName = await privateTicketsTable();
  const tickets = createTicketRepository(documentClient, tableName, { hasher: identityHasher });
  let now = new Date('2026-12-01T07:00:00.000Z');
  const clock = () => now;
  const queue = recordingQueue();
  const open = createTicketOpener({ tickets, notifier: { notify: async () => {} }, now: clock });
  const lodge = async (description?: string) => {
    const callbackNumber = uniqueCaller();
    const { ticket } = await open(
      {
        type: 'COMPLAINT',
        priority: 'normal',
        agencyId: 'immigration',
        category: 'delay',
        serviceId: 'passport',
        callbackNumber,
        lang: 'en',
        channel: 'agent',
        ...(description && { description }),
        createdBy: { kind: 'agent', id: 'agent-demo' },
        contactId: randomUUID(),
        idempotencyKind: 'COMPLAINT',
      },
      { prompt: 'complaints.sms.lodged', vars: {} },
    );
    return { reference: ticket.reference, callbackNumber };
  };
  return {
    tableName,
    tickets,
    queue,
    lodge,
    api: ticketUseCases({ tickets, callbacks: queue, clock }),
    sweepCallbacks: sweepCallbackRequests({ tickets, callbacks: queue, clock }),
    purge: purgeClosedTickets({ tickets, clock, retentionDays: RETENTION_DAYS }),
    clock,
    advance: (ms: number) => {
      now = new Date(now.getTime() + ms);
    },
    scan: async () =>
      (await documentClient.send(new ScanCommand({ TableName: tableName }))).Items ?? [],
  };
};

describe('call-back outbox: a resolution is called back even if queuing fails', () => {
  it(
    'recovers a queue failure at resolution with the sweep, once',
    async () => {
      // Arrange: a complaint with a call-back number; the call-back queue is down at resolution.
      const { tickets, queue, lodge, api, sweepCallbacks, advance } = await setUp();
      const { reference } = await lodge();
      queue.failing = true;

      // Act
      const resolved = await api.resolve(reference, { resolution: 'Passport released.' }, agent);
      queue.failing = false;
      const early = await sweepCallbacks(5);
      advance(6 * MINUTE);
      const swept = await sweepCallbacks(5);
      const again = await sweepCallbacks(5);

      // Assess: the resolution stood, the sweep queued the first call-back request, and only once.
      expect(resolved.status).toBe('RESOLVED');
      expect(early).toEqual({ pending: 0, requested: 0, failed: 0 });
      expect(swept).toEqual({ pending: 1, requested: 1, failed: 0 });
      expect(again).toEqual({ pending: 0, requested: 0, failed: 0 });
      expect(queue.sent).toEqual([
        {
          kind: 'dial',
          reference,
          resolutionVersion: resolved.version,
          attempt: 1,
          resolvedAt: resolved.updatedAt,
        },
      ]);
      expect((await tickets.get(reference))?.callback?.status).toBe('PENDING');
    },
    TIMEOUT,
  );

  it(
    'leaves nothing to sweep once the dialer received the first request',
    async () => {
      const { tickets, queue, lodge, api, sweepCallbacks, advance, clock } = await setUp();
      const { reference } = await lodge();
      const dial = callBack({
        tickets,
        queue,
        clock,
        dialer: {
          place: async () => ({ contactId: randomUUID() }),
          outcome: async () => 'ANSWERED',
        },
        notifier: { notify: async () => {} },
        hours: contactCentreHours(environments.dev),
        policy: callbackPolicy,
        agentQueue: 'complaints',
        pacer: { next: async () => {} },
      });

      await api.resolve(reference, { resolution: 'Passport released.' }, agent);
      const [request] = queue.sent;
      const outcome = await dial(request!);
      advance(6 * MINUTE);
      const swept = await sweepCallbacks(5);

      expect(outcome).toBe('CALLING');
      expect(swept).toEqual({ pending: 0, requested: 0, failed: 0 });
    },
    TIMEOUT,
  );

  it(
    'keeps a failed sweep request for the next sweep',
    async () => {
      const { queue, lodge, api, sweepCallbacks, advance } = await setUp();
      const { reference } = await lodge();
      queue.failing = true;
      await api.resolve(reference, { resolution: 'Passport released.' }, agent);
      advance(6 * MINUTE);

      const failed = await sweepCallbacks(5);
      queue.failing = false;
      const recovered = await sweepCallbacks(5);

      expect(failed).toEqual({ pending: 1, requested: 0, failed: 1 });
      expect(recovered).toEqual({ pending: 1, requested: 1, failed: 0 });
      expect(queue.sent.map((message) => message.reference)).toEqual([reference]);
    },
    TIMEOUT,
  );
});

describe('retention: closed tickets drop personal data after the configured days', () => {
  it(
    'purges the call-back number, description, resolution and notes; keeps the record',
    async () => {
      // Arrange: a complaint with a description and a note, resolved today.
      const { tickets, lodge, api, purge, advance, tableName } = await setUp();
      const { reference, callbackNumber } = await lodge('Passport ready for 3 months.');
      advance(MINUTE);
      await api.addNote(reference, 'Caller says the office asked for a bribe.', agent);
      advance(MINUTE);
      await api.resolve(reference, { resolution: 'Passport released to the applicant.' }, agent);

      // Act: a day before the retention has passed, then a day after.
      advance((RETENTION_DAYS - 1) * DAY);
      const early = await purge();
      const kept = await tickets.get(reference);
      advance(2 * DAY);
      const late = await purge();
      const again = await purge();

      // Assess
      expect(early.PURGED).toBe(0);
      expect(kept?.callbackNumber).toBe(callbackNumber);
      expect(late).toMatchObject({ PURGED: 1, failed: 0 });
      expect(again.PURGED).toBe(0);
      const purged = await tickets.get(reference);
      expect(purged).toMatchObject({ reference, status: 'RESOLVED', type: 'COMPLAINT' });
      expect(purged?.personalDataPurgedAt).toBeDefined();
      for (const field of ['callbackNumber', 'description', 'resolution'])
        expect(purged).not.toHaveProperty(field);
      const history = await tickets.history(reference);
      expect(history.map((entry) => entry.action)).toEqual([
        'CREATED',
        'NOTE_ADDED',
        'STATUS_CHANGED',
      ]);
      expect(history.filter((entry) => entry.note !== undefined)).toEqual([]);
      await expect(tickets.listByCaller(callbackNumber)).resolves.toEqual([]);
      const { Items = [] } = await documentClient.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'pk = :ticket',
          ExpressionAttributeValues: { ':ticket': `TICKET#${reference}` },
        }),
      );
      expect(JSON.stringify(Items)).not.toContain(callbackNumber.slice(1));
      expect(JSON.stringify(Items)).not.toContain('bribe');
    },
    TIMEOUT,
  );

  it(
    'leaves a reopened ticket alone, and counts the retention from its last closing',
    async () => {
      // Arrange: one ticket reopened (open still), one reopened and resolved again 15 days on.
      const { tickets, lodge, api, purge, advance } = await setUp();
      const open = await lodge('Wrong name on the certificate.');
      const again = await lodge('Wrong date on the certificate.');
      for (const { reference } of [open, again])
        await api.resolve(reference, { resolution: 'Corrected.' }, agent);
      advance(10 * DAY);
      for (const { reference } of [open, again])
        await api.reopen(reference, { reason: 'Still wrong.' }, agent);
      advance(5 * DAY);
      await api.resolve(again.reference, { resolution: 'Corrected again.' }, agent);

      // Act: a day after the first closing's retention, then a day after the second's.
      advance((RETENTION_DAYS - 14) * DAY);
      const first = await purge();
      const kept = await tickets.get(again.reference);
      advance(15 * DAY);
      const second = await purge();

      // Assess
      expect(first).toMatchObject({ PURGED: 0, REOPENED: 1, RESCHEDULED: 1, failed: 0 });
      expect(kept?.callbackNumber).toBe(again.callbackNumber);
      expect(second).toMatchObject({ PURGED: 1, failed: 0 });
      expect(await tickets.get(again.reference)).not.toHaveProperty('callbackNumber');
      expect((await tickets.get(open.reference))?.callbackNumber).toBe(open.callbackNumber);
    },
    TIMEOUT,
  );
});

describe('caller index: no phone number in any key', () => {
  it(
    'keys tickets by a keyed hash of the number, and finds them by it',
    async () => {
      // Arrange: tickets with call-back numbers, resolved and reopened (every key the table has).
      const { tickets, lodge, api, scan } = await setUp();
      const lodged = await Promise.all([lodge(), lodge(), lodge('Lost file.')]);
      await api.resolve(lodged[0]!.reference, { resolution: 'Found.' }, agent);
      await api.reopen(lodged[0]!.reference, { reason: 'Not found after all.' }, agent);

      // Act
      const items = await scan();
      const found = await tickets.listByCaller(lodged[2]!.callbackNumber);

      // Assess: no key attribute holds an E.164 number (or its digits); the index still works.
      const keys = items.flatMap((item) =>
        ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk'].map((name) =>
          String(item[name] ?? ''),
        ),
      );
      expect(items.length).toBeGreaterThan(6);
      expect(keys.filter((key) => /\+?254\d{9}/.test(key))).toEqual([]);
      for (const { callbackNumber } of lodged)
        expect(keys.filter((key) => key.includes(callbackNumber.slice(4)))).toEqual([]);
      const callerKeys = items.filter((item) => item.gsi2pk).map((item) => String(item.gsi2pk));
      expect(callerKeys).toHaveLength(3);
      for (const key of callerKeys) expect(key).toMatch(/^CALLER#[0-9a-f]{64}$/);
      expect(found.map((ticket) => ticket.reference)).toEqual([lodged[2]!.reference]);
    },
    TIMEOUT,
  );
});

describe('history: entries of one millisecond never take each other’s key', () => {
  it(
    "lets a status change through beside notes and the escalation's entry written the same instant",
    async () => {
      // Arrange: on the frozen clock every entry shares a millisecond, as the local runtime's do.
      // With a sequence drawn from 1 to 999, one of 100 notes nearly always took a key another
      // note, or the acknowledgement (version 2), needed; the change failed as a conflict.
      const { tickets, lodge, api, clock } = await setUp();
      const { reference } = await lodge();
      const focal: Principal = { id: 'focal-immigration', role: 'agency', agencyId: 'immigration' };
      await tickets.recordEscalationStep({
        reference,
        fromStep: 0,
        toStep: 1,
        level: 1,
        entry: {
          reference,
          at: clock().toISOString(),
          by: { kind: 'system', id: 'escalation' },
          action: 'AGENCY_NOTIFIED',
        },
      });
      for (let note = 1; note <= 100; note++)
        await api.addNote(reference, `Caller rang again (${note})`, agent);

      // Act
      const acknowledged = await api.acknowledge(reference, { version: 1 }, focal);
      const resolved = await api.resolve(reference, { resolution: 'Released.', version: 2 }, focal);

      // Assess: every entry kept, in one millisecond.
      expect([acknowledged.status, resolved.status]).toEqual(['ACKNOWLEDGED', 'RESOLVED']);
      const history = await tickets.history(reference);
      expect(history.filter((entry) => entry.action === 'NOTE_ADDED')).toHaveLength(100);
      expect(history.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['CREATED', 'AGENCY_NOTIFIED', 'STATUS_CHANGED']),
      );
      expect(history.filter((entry) => entry.action === 'STATUS_CHANGED')).toHaveLength(2);
      expect(new Set(history.map((entry) => entry.at))).toEqual(new Set([clock().toISOString()]));
    },
    TIMEOUT,
  );
});
