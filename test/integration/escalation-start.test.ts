import { localHandler } from '#local/handlers.ts';
import { loadLocalResources } from '#local/resources.ts';
import { createTicketRepository } from '#shared/data/tickets.repository.ts';
import type { EscalationControl } from '#shared/tickets/escalations.ts';
import { connectEvent, lambdaContext } from '../support/connect.ts';
import { call } from '../support/contact-centre.ts';
import { documentClient, tableNames, uniqueCaller } from '../support/data.ts';
import {
  escalationMessages,
  lodgeComplaint,
  MINUTE,
  startEscalation,
  stopEscalations,
} from '../support/escalation.ts';

const complaints = localHandler('complaints');

const tickets = createTicketRepository(documentClient, tableNames.tickets);
const NOW = '2026-12-01T10:00:00+03:00';
const TIMEOUT = 60_000;

/** Step Functions that fails the way AWS does: throttled, or down for a while. */
const faulty = (
  control: EscalationControl,
  fails: (name: string, attempt: number) => Error | undefined,
) => {
  const attempts = new Map<string, number>();
  const starts: { name: string; started: boolean }[] = [];
  const wrapped: EscalationControl = {
    async start(name, input) {
      const attempt = (attempts.get(name) ?? 0) + 1;
      attempts.set(name, attempt);
      const error = fails(name, attempt);
      if (error) throw error;
      const started = await control.start(name, input);
      starts.push({ name, started });
      return started;
    },
    wake: (token) => control.wake(token),
  };
  return { wrapped, starts };
};
/** What the SDK throws when StartExecution is throttled. */
const throttled = () => Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });

describe('starting escalations', () => {
  afterEach(stopEscalations);

  it(
    'starts one execution, named by the reference, for a complaint lodged through the IVR',
    async () => {
      // Arrange: the IVR's handler runs on the real clock; the escalation's is a minute ahead.
      const escalation = await startEscalation(new Date(Date.now() + MINUTE).toISOString());

      // Act
      const result = await complaints(
        connectEvent(
          { operation: 'create', categoryKey: '3', serviceKey: '1', lang: 'sw' },
          { customerNumber: uniqueCaller() },
        ),
        lambdaContext('complaints'),
      );
      await escalation.settle();

      // Assess
      const reference = String(result.reference);
      expect(escalation.stepFunctions.executions.get(reference)).toMatchObject({
        input: { reference },
        status: 'RUNNING',
      });
      expect(escalationMessages(escalation, reference)).toEqual(['notify#agency-focal#email']);
      await expect(
        tickets.pendingEscalationStarts(new Date('2100-01-01')),
      ).resolves.not.toContainEqual(expect.objectContaining({ reference }));
    },
    TIMEOUT,
  );

  it(
    'escalates a complaint lodged by phone on the local runtime, all on its simulated clock',
    async () => {
      // Arrange: the flow Lambdas read the escalation's clock, as with `npm start`.
      const escalation = await startEscalation(NOW);
      const engineResources = await loadLocalResources({ clock: escalation.clock.now });

      // Act: English, complaints, lodge a passport delay on the calling number, confirm.
      const result = await call({
        engineResources,
        at: NOW,
        keys: ['1', '4', '1', '1', '3', '#', '1'],
      });
      const reference = String(result.callsTo('complaints')[0]?.result?.reference);
      await escalation.settle();

      // Assess
      const createdAt = Date.parse(NOW);
      expect(await tickets.get(reference)).toMatchObject({
        createdAt: new Date(createdAt).toISOString(),
        dueAt: new Date(createdAt + 72 * 60 * MINUTE).toISOString(),
      });
      expect(escalationMessages(escalation, reference)).toEqual(['notify#agency-focal#email']);
    },
    TIMEOUT,
  );

  it(
    'starts nothing more when a lodged complaint changes (a note added)',
    async () => {
      let starts: { name: string; started: boolean }[] = [];
      const escalation = await startEscalation(NOW, {
        wrapEscalations: (control) => {
          const recorded = faulty(control, () => undefined);
          starts = recorded.starts;
          return recorded.wrapped;
        },
      });
      const { reference } = await lodgeComplaint(escalation);
      await escalation.settle();

      await tickets.addHistory({
        reference,
        at: new Date().toISOString(),
        by: { kind: 'agent', id: 'agent.test' },
        action: 'NOTE_ADDED',
        note: 'Called the agency.',
      });
      await escalation.settle();

      expect(starts.filter(({ name }) => name === reference)).toEqual([
        { name: reference, started: true },
      ]);
    },
    TIMEOUT,
  );

  it(
    'ends with exactly one escalation per complaint when starting is throttled or Step Functions is down',
    async () => {
      // Arrange: every other complaint is throttled twice; for the first 4 Step Functions is down
      // for 30 minutes, so the stream gives up on their records and only the sweeper can start them.
      const outageUntil = Date.parse(NOW) + 30 * MINUTE;
      const throttledRefs = new Set<string>();
      const outageRefs = new Set<string>();
      let escalation!: Awaited<ReturnType<typeof startEscalation>>;
      let starts: { name: string; started: boolean }[] = [];
      escalation = await startEscalation(NOW, {
        wrapEscalations: (control) => {
          const f = faulty(control, (name, attempt) => {
            if (outageRefs.has(name) && escalation.clock.nowMs() < outageUntil)
              return new Error('Service unavailable');
            if (throttledRefs.has(name) && attempt <= 2) return throttled();
            return undefined;
          });
          starts = f.starts;
          return f.wrapped;
        },
      });
      const lodged: string[] = [];
      for (let i = 0; i < 12; i++) {
        const { reference } = await lodgeComplaint(escalation);
        lodged.push(reference);
        if (i < 4) outageRefs.add(reference);
        else if (i % 2 === 0) throttledRefs.add(reference);
      }

      // Act
      await escalation.settle();
      const failedByStream = escalation.stream.failed.map((record) =>
        String(record.dynamodb?.NewImage?.reference?.S),
      );
      await escalation.advanceBy(60 * MINUTE);

      // Assess: the stream gave up on the outage's records (and, as Lambda does, on the rest of
      // their batch); every complaint still has exactly one execution, its agency was told once,
      // and the outbox is empty.
      expect(failedByStream).toEqual(expect.arrayContaining([...outageRefs]));
      for (const reference of lodged) {
        expect(starts.filter((s) => s.name === reference && s.started)).toHaveLength(1);
        expect(escalation.stepFunctions.executions.get(reference)?.status).toBe('RUNNING');
        expect(escalationMessages(escalation, reference)).toEqual(['notify#agency-focal#email']);
      }
      const pending = await tickets.pendingEscalationStarts(new Date('2100-01-01'), 1000);
      expect(pending.filter((entry) => lodged.includes(entry.reference))).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'a duplicate start (a redelivered stream record, the sweeper after the consumer) is refused by name',
    async () => {
      const escalation = await startEscalation(NOW);
      const { reference } = await lodgeComplaint(escalation);
      await escalation.settle();

      await expect(escalation.stepFunctions.start(reference, { reference })).resolves.toBe(false);
      await escalation.sweep();
      await escalation.settle();

      expect(escalationMessages(escalation, reference)).toEqual(['notify#agency-focal#email']);
    },
    TIMEOUT,
  );
});
