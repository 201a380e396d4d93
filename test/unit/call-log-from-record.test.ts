import { readFileSync } from 'node:fs';
import {
  callLogFromRecord,
  classifyOutcome,
  ivrPath,
} from '#lambdas/call-logs/call-log-from-record.ts';
import {
  decodeContactRecord,
  InvalidContactRecordError,
} from '#lambdas/call-logs/write-call-log.ts';
import {
  type ContactTraceRecord,
  ContactTraceRecordSchema,
} from '#shared/contact-trace-record.schema.ts';

const fixture = JSON.parse(
  readFileSync(new URL('../events/ctr/ctr-answered-by-agent.json', import.meta.url), 'utf8'),
);

/** The published CTR (answered by an agent), with changes. */
const record = (changes: Record<string, unknown> = {}): ContactTraceRecord =>
  ContactTraceRecordSchema.parse({ ...structuredClone(fixture), ...changes });

const POLICY = { timeZone: 'Africa/Nairobi', retentionDays: 90 };
const UNANSWERED = { Agent: null, AgentConnectionAttempts: 0 };

describe('contact trace record schema', () => {
  it('accepts the published record, keeping fields it does not name', () => {
    const parsed = ContactTraceRecordSchema.parse(fixture);

    expect(parsed.ContactId).toBe('15a5cf14-3212-45a1-9f86-a8e97db8afaf');
    expect(parsed).toHaveProperty('Recordings');
  });

  it('tolerates nulls in every optional field and fields it has never seen', () => {
    const parsed = ContactTraceRecordSchema.parse({
      ContactId: 'c-1',
      Channel: 'VOICE',
      InitiationTimestamp: '2026-12-01T07:00:00Z',
      LastUpdateTimestamp: '2026-12-01T07:01:00Z',
      InitiationMethod: null,
      InitialContactId: null,
      NextContactId: null,
      DisconnectTimestamp: null,
      DisconnectReason: null,
      Queue: null,
      Agent: null,
      Attributes: null,
      CustomerEndpoint: null,
      SegmentAttributes: { 'connect:Subtype': { ValueString: 'connect:Telephony' } },
      Tags: { 'aws:connect:instanceId': 'x' },
    });

    expect(callLogFromRecord(parsed, POLICY)).toMatchObject({
      outcome: 'IVR_HANGUP',
      initiationMethod: 'INBOUND',
      ivrPath: [],
    });
  });

  it('rejects a record without a ContactId or with a malformed time', () => {
    expect(ContactTraceRecordSchema.safeParse({ ...fixture, ContactId: undefined }).success).toBe(
      false,
    );
    expect(
      ContactTraceRecordSchema.safeParse({ ...fixture, LastUpdateTimestamp: 'yesterday' }).success,
    ).toBe(false);
  });

  it('decodes Kinesis data and names what is wrong without quoting it', () => {
    const data = Buffer.from(JSON.stringify(fixture)).toString('base64');
    expect(decodeContactRecord(data).ContactId).toBe(fixture.ContactId);

    const notJson = Buffer.from('+254712345678 not json').toString('base64');
    expect(() => decodeContactRecord(notJson)).toThrow(InvalidContactRecordError);
    expect(() => decodeContactRecord(notJson)).not.toThrow(/254712345678/);
    const notRecord = Buffer.from(JSON.stringify({ hello: 'world' })).toString('base64');
    expect(() => decodeContactRecord(notRecord)).toThrow(/ContactId/);
  });
});

describe('call log from a contact trace record', () => {
  it('records times, queue, agent, handle time and disconnect reason of an answered call', () => {
    expect(callLogFromRecord(record(), POLICY)).toEqual({
      schemaVersion: 1,
      contactId: '15a5cf14-3212-45a1-9f86-a8e97db8afaf',
      channel: 'VOICE',
      initiationMethod: 'INBOUND',
      outcome: 'ANSWERED',
      initiatedAt: '2022-04-08T14:59:38.000Z',
      day: '2022-04-08',
      disconnectedAt: '2022-04-08T15:01:22.000Z',
      lastUpdatedAt: '2022-04-08T15:03:02.000Z',
      queueName: 'BasicQueue',
      enqueuedAt: '2022-04-08T15:00:42.000Z',
      dequeuedAt: '2022-04-08T15:00:49.000Z',
      queueWaitSeconds: 7,
      agentUsername: 'admin1',
      agentConnectedAt: '2022-04-08T15:00:49.000Z',
      talkSeconds: 33,
      holdSeconds: 0,
      afterContactWorkSeconds: 32,
      handleSeconds: 65,
      durationSeconds: 104,
      ivrPath: [],
      disconnectReason: 'CUSTOMER_DISCONNECT',
      expiresAt: Date.parse('2022-04-08T14:59:38Z') / 1000 + 90 * 86_400,
    });
  });

  it('adds hold time to handle time', () => {
    const held = record({
      Agent: { ...fixture.Agent, CustomerHoldDuration: 45, NumberOfHolds: 1 },
    });

    expect(callLogFromRecord(held, POLICY)).toMatchObject({ holdSeconds: 45, handleSeconds: 110 });
  });

  it('puts a contact on its calendar day in Nairobi (UTC+3), not in UTC', () => {
    const lateEvening = record({ InitiationTimestamp: '2026-12-01T21:30:00Z' });

    expect(callLogFromRecord(lateEvening, POLICY).day).toBe('2026-12-02');
  });

  it('reads the IVR path, self-service outcome, intent and language from the flow attributes', () => {
    const selfService = record({
      ...UNANSWERED,
      Queue: null,
      DisconnectReason: 'CUSTOMER_DISCONNECT',
      Attributes: {
        lang: 'sw',
        journey: ',tracking,tracking:VERIFICATION_FAILED,tracking:FOUND',
        selfService: 'TRACKED',
        intent: 'tracking',
      },
    });

    expect(callLogFromRecord(selfService, POLICY)).toMatchObject({
      outcome: 'SELF_SERVICE',
      ivrPath: ['tracking', 'tracking:VERIFICATION_FAILED', 'tracking:FOUND'],
      selfService: 'TRACKED',
      intent: 'tracking',
      lang: 'sw',
    });
    expect(callLogFromRecord(selfService, POLICY).agentUsername).toBeUndefined();
    expect(callLogFromRecord(selfService, POLICY).handleSeconds).toBeUndefined();
  });

  it.each<{ description: string; outcome: string; changes: Record<string, unknown> }>([
    { description: 'answered by an agent', outcome: 'ANSWERED', changes: {} },
    { description: 'queued with no agent', outcome: 'ABANDONED', changes: { ...UNANSWERED } },
    {
      description: 'queued then turned into a call-back request',
      outcome: 'CALLBACK_REQUESTED',
      changes: {
        ...UNANSWERED,
        NextContactId: 'cb-1',
        Attributes: { selfService: 'CALLBACK_REQUESTED' },
      },
    },
    {
      description: 'asking for a call-back after hours, never queued',
      outcome: 'CALLBACK_REQUESTED',
      changes: { ...UNANSWERED, Queue: null, NextContactId: 'cb-2' },
    },
    {
      description: 'completing a task in the IVR',
      outcome: 'SELF_SERVICE',
      changes: { ...UNANSWERED, Queue: null, Attributes: { selfService: 'BOOKED' } },
    },
    {
      description: 'ending in the IVR without a task',
      outcome: 'IVR_HANGUP',
      changes: { ...UNANSWERED, Queue: null, Attributes: { journey: ',tracking' } },
    },
    {
      description: 'being a call-back nobody took',
      outcome: 'NOT_CONNECTED',
      changes: { ...UNANSWERED, InitiationMethod: 'CALLBACK' },
    },
    {
      description: 'being an answered call-back',
      outcome: 'ANSWERED',
      changes: { InitiationMethod: 'CALLBACK' },
    },
  ])('classifies a contact $description as $outcome', ({ changes, outcome }) => {
    expect(classifyOutcome(record(changes))).toBe(outcome);
  });

  it('keeps the contact chain of a call-back', () => {
    const callback = record({
      InitiationMethod: 'CALLBACK',
      PreviousContactId: 'original-1',
      InitialContactId: 'original-1',
    });

    expect(callLogFromRecord(callback, POLICY)).toMatchObject({
      initiationMethod: 'CALLBACK',
      previousContactId: 'original-1',
      initialContactId: 'original-1',
    });
  });

  it('links an agent chat to the text conversation it continues, marked as a hand-over', () => {
    const chat = record({
      Channel: 'CHAT',
      Attributes: { conversationId: 'conversation-1', journey: 'tracking,tracking:FOUND,agent' },
    });

    expect(callLogFromRecord(chat, POLICY)).toMatchObject({
      channel: 'CHAT',
      previousContactId: 'conversation-1',
      handover: true,
      ivrPath: ['tracking', 'tracking:FOUND', 'agent'],
    });
    expect(callLogFromRecord(record(), POLICY)).not.toHaveProperty('handover');
  });

  it.each([
    [undefined, []],
    ['', []],
    [',agent', ['agent']],
    [',tracking, tracking:FOUND,,agent', ['tracking', 'tracking:FOUND', 'agent']],
  ])('reads the journey %p as the IVR path %p', (journey, path) => {
    expect(ivrPath(journey)).toEqual(path);
  });
});
