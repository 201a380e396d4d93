import { localTime } from '#shared/hours.ts';
import {
  callsFor,
  complaintEscalation,
  type Escalation,
  escalationMessages,
  HOUR,
  MINUTE,
  resolveTicket,
  stopEscalations,
  ESCALATION_TIMEOUT as TIMEOUT,
  tickets,
} from '../support/escalation.ts';

/** Tuesday 1 December 2026, 08:00 in Nairobi: the contact centre is open 07:00-19:00. */
const TUESDAY_8AM = '2026-12-01T08:00:00+03:00';
const nairobi = (at: number) => {
  const { date, minuteOfDay } = localTime(new Date(at), 'Africa/Nairobi');
  return `${date} ${String(Math.floor(minuteOfDay / 60)).padStart(2, '0')}:${String(minuteOfDay % 60).padStart(2, '0')}`;
};
const historyOf = async (reference: string) =>
  (await tickets.history(reference)).map(({ action, at }) => ({ action, at }));
const actionsOf = async (reference: string) =>
  (await historyOf(reference)).map(({ action }) => action);
const resolve = (escalation: Escalation, reference: string, resolution = 'Passport released.') =>
  resolveTicket(escalation, reference, resolution);

const AGENCY_NOTIFIED = ['notify#agency-focal#email'];
const REMINDED = ['remind#agency-focal#email'];
const ESCALATED = ['escalate#agency-head#email', 'escalate#cc-supervisor#email'];
const BREACHED = [
  'breach#management#email',
  'breach#agency-head#email',
  'breach#cc-supervisor#email',
];

describe('complaint escalation timelines (state machine on aws-local-stepfunctions, fast-forwarded clock)', () => {
  afterEach(stopEscalations);

  it(
    'resolved at 10 h: no reminder, the execution ends at once, and the customer is called back',
    async () => {
      // Arrange
      const { escalation, reference, callbackNumber } = await complaintEscalation(TUESDAY_8AM);
      await escalation.settle();
      expect(escalationMessages(escalation, reference)).toEqual(AGENCY_NOTIFIED);

      // Act
      await escalation.advanceBy(10 * HOUR);
      const resolved = await resolve(escalation, reference);
      await escalation.settle();

      // Assess: the call-back and the end of the execution came with the resolution, not a check.
      expect(resolved.status).toBe(200);
      expect(escalation.stepFunctions.executions.get(reference)?.status).toBe('SUCCEEDED');
      expect(callsFor(escalation, reference)).toHaveLength(1);
      const [call] = callsFor(escalation, reference);
      expect(call).toMatchObject({
        answered: true,
        call: {
          destination: callbackNumber,
          clientToken: `${reference}-2-1`,
          attributes: { callbackPrompt: 'complaints.resolved_callback', reference, lang: 'en' },
        },
      });
      expect(nairobi(call!.at)).toBe('2026-12-01 18:00');
      expect(call!.heard).toEqual(
        expect.arrayContaining(['outbound.greeting', 'complaints.resolved_callback']),
      );
      await escalation.advanceBy(72 * HOUR);
      expect(escalationMessages(escalation, reference)).toEqual(AGENCY_NOTIFIED);
      expect(await tickets.get(reference)).toMatchObject({
        status: 'RESOLVED',
        callback: { status: 'ANSWERED', attempts: 1 },
      });
      expect(await actionsOf(reference)).toEqual([
        'CREATED',
        'AGENCY_NOTIFIED',
        'STATUS_CHANGED',
        'CALLBACK_ATTEMPTED',
        'CALLBACK_ANSWERED',
      ]);
    },
    TIMEOUT,
  );

  it(
    'unresolved: reminder at 24 h, escalation at 48 h, breach at 72 h, then watched until resolved',
    async () => {
      // Arrange
      const { escalation, reference, ticket } = await complaintEscalation(TUESDAY_8AM);
      const createdAt = Date.parse(ticket.createdAt);

      // Act
      await escalation.advanceBy(73 * HOUR);

      // Assess
      expect(escalationMessages(escalation, reference)).toEqual([
        ...AGENCY_NOTIFIED,
        ...REMINDED,
        ...ESCALATED,
        ...BREACHED,
      ]);
      const history = await historyOf(reference);
      expect(
        history.map(({ action, at }) => [action, (Date.parse(at) - createdAt) / HOUR]),
      ).toEqual([
        ['CREATED', 0],
        ['AGENCY_NOTIFIED', 0],
        ['REMINDER_SENT', 24],
        ['ESCALATED', 48],
        ['BREACHED', 72],
      ]);
      expect(await tickets.get(reference)).toMatchObject({
        status: 'OPEN',
        escalationLevel: 4,
        escalationStep: 4,
        breachedAt: new Date(createdAt + 72 * HOUR).toISOString(),
      });
      const execution = escalation.stepFunctions.executions.get(reference);
      expect(execution?.status).toBe('RUNNING');

      // Act: a day later the agency head is told again; then the agency resolves it.
      await escalation.advanceBy(24 * HOUR);
      expect(escalationMessages(escalation, reference).slice(-1)[0]).toMatch(
        /^watch#.+#agency-head#email$/,
      );
      expect((await actionsOf(reference)).slice(-1)).toEqual(['OVERDUE_REMINDER_SENT']);
      await resolve(escalation, reference);
      await escalation.settle();

      // Assess: resolution ends the execution without waiting for the next check.
      expect(execution?.status).toBe('SUCCEEDED');
    },
    TIMEOUT,
  );

  it(
    'resolved after the escalation at 48 h: the customer is called back and nothing is breached',
    async () => {
      // Arrange
      const { escalation, reference } = await complaintEscalation(TUESDAY_8AM);
      await escalation.advanceBy(50 * HOUR);
      expect(escalationMessages(escalation, reference)).toEqual([
        ...AGENCY_NOTIFIED,
        ...REMINDED,
        ...ESCALATED,
      ]);

      // Act
      await resolve(escalation, reference);
      await escalation.settle();
      await escalation.advanceBy(48 * HOUR);

      // Assess
      expect(escalation.stepFunctions.executions.get(reference)?.status).toBe('SUCCEEDED');
      expect(escalationMessages(escalation, reference)).toEqual([
        ...AGENCY_NOTIFIED,
        ...REMINDED,
        ...ESCALATED,
      ]);
      const ticket = await tickets.get(reference);
      expect(ticket?.breachedAt).toBeUndefined();
      expect(ticket).toMatchObject({ escalationLevel: 3, callback: { status: 'ANSWERED' } });
      expect(callsFor(escalation, reference).map((call) => nairobi(call.at))).toEqual([
        '2026-12-03 10:00',
      ]);
    },
    TIMEOUT,
  );

  it(
    'call-back unanswered 3 times: attempts an hour apart within opening hours, then the resolution by SMS',
    async () => {
      // Arrange: nobody picks up.
      const { escalation, reference, callbackNumber } = await complaintEscalation(TUESDAY_8AM, {
        options: { answering: () => ({ answer: false }) },
      });
      await escalation.advanceBy(10 * HOUR);

      // Act
      await resolve(escalation, reference, 'Your passport is ready at GPO Huduma Centre.');
      await escalation.advanceBy(24 * HOUR);

      // Assess: 18:00; 19:10 is after closing, so 07:00 the next day; then 08:10.
      expect(callsFor(escalation, reference).map((call) => nairobi(call.at))).toEqual([
        '2026-12-01 18:00',
        '2026-12-02 07:00',
        '2026-12-02 08:10',
      ]);
      expect(callsFor(escalation, reference).every((call) => !call.answered)).toBe(true);
      expect(await tickets.get(reference)).toMatchObject({
        callback: { status: 'SMS_SENT', attempts: 3 },
      });
      const sms = escalation.sent.filter(
        (message) =>
          message.channel === 'sms' &&
          message.notificationId.startsWith(`callback-sms#${reference}#`),
      );
      expect(sms).toEqual([
        expect.objectContaining({
          to: callbackNumber,
          text: `Huduma Kenya: your complaint ${reference} has been resolved. Your passport is ready at GPO Huduma Centre. We tried to call you. If you are not satisfied, call 1919.`,
        }),
      ]);
      expect((await actionsOf(reference)).slice(2)).toEqual([
        'STATUS_CHANGED',
        'CALLBACK_ATTEMPTED',
        'CALLBACK_UNANSWERED',
        'CALLBACK_ATTEMPTED',
        'CALLBACK_UNANSWERED',
        'CALLBACK_ATTEMPTED',
        'CALLBACK_UNANSWERED',
        'CUSTOMER_NOTIFIED',
      ]);
    },
    TIMEOUT,
  );

  it(
    'resolved outside opening hours: the customer is called back at the next opening',
    async () => {
      // Arrange
      const { escalation, reference } = await complaintEscalation(TUESDAY_8AM);
      await escalation.advanceBy(13 * HOUR + 30 * MINUTE);

      // Act: resolved at 21:30.
      await resolve(escalation, reference);
      await escalation.settle();
      expect(callsFor(escalation, reference)).toHaveLength(0);
      await escalation.advanceBy(12 * HOUR);

      // Assess
      expect(callsFor(escalation, reference).map((call) => nairobi(call.at))).toEqual([
        '2026-12-02 07:00',
      ]);
      expect(escalation.stepFunctions.executions.get(reference)?.status).toBe('SUCCEEDED');
    },
    TIMEOUT,
  );
});
