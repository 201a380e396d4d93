import { createCallLogRepository } from '#shared/data/call-logs.repository.ts';
import { answerSurvey, feedRecords, getReport, loggedCall } from '../support/analytics.ts';
import { ENGLISH } from '../support/contact-centre.ts';
import { documentClient, tableNames, uniqueCaller } from '../support/data.ts';

/** A Tuesday no other test places calls on (Nairobi time: the centre is open 07:00-19:00). */
const DAY = '2026-11-17';
const at = (clock: string) => `${DAY}T${clock}:00+03:00`;
const callLogs = createCallLogRepository(documentClient, tableNames.callLogs);

describe('call logs and reports from scripted calls', () => {
  const calls: Record<string, Awaited<ReturnType<typeof loggedCall>>> = {};

  beforeAll(async () => {
    // An agent answers after 15 s; the caller answers the post-call survey before the record is final.
    calls.answered = await loggedCall({
      keys: [ENGLISH, '0'],
      at: at('09:00'),
      queue: {
        answerAfterSeconds: 15,
        agent: {
          username: 'wanjiku',
          talkSeconds: 240,
          holdSeconds: 30,
          afterContactWorkSeconds: 20,
        },
      },
      beforeRecord: async (contactId) => {
        await answerSurvey(contactId, 'csat', '5');
        await answerSurvey(contactId, 'nps', '10');
      },
    });
    // Answered after 40 s (outside the 20 s service level); surveyed after the record is written.
    calls.answeredLate = await loggedCall({
      keys: [ENGLISH, '0'],
      at: at('09:30'),
      queue: {
        answerAfterSeconds: 40,
        agent: { username: 'otieno', talkSeconds: 100, afterContactWorkSeconds: 20 },
      },
    });
    await answerSurvey(calls.answeredLate.contactId, 'csat', '3');
    await answerSurvey(calls.answeredLate.contactId, 'nps', '6');
    calls.abandoned = await loggedCall({ keys: [ENGLISH, '0', '_', 'q'], at: at('10:00') });
    calls.selfService = await loggedCall({
      keys: [ENGLISH, '2', '12345678', '5678'],
      at: at('10:30'),
      from: uniqueCaller(),
    });
    calls.callback = await loggedCall({
      keys: [ENGLISH, '0', '1'],
      at: at('11:00'),
      from: uniqueCaller(),
    });
    calls.ivrOnly = await loggedCall({ keys: [ENGLISH], at: at('11:30') });
  });

  it('logs an answered call with its queue wait, agent, handle time, IVR path and survey', async () => {
    expect(await callLogs.get(calls.answered!.contactId)).toMatchObject({
      outcome: 'ANSWERED',
      day: DAY,
      channel: 'VOICE',
      initiationMethod: 'INBOUND',
      initiatedAt: '2026-11-17T06:00:00.000Z',
      queueName: 'General enquiries',
      queueWaitSeconds: 15,
      agentUsername: 'wanjiku',
      talkSeconds: 240,
      holdSeconds: 30,
      afterContactWorkSeconds: 20,
      handleSeconds: 290,
      ivrPath: ['agent'],
      intent: 'general',
      lang: 'en',
      disconnectReason: 'AGENT_DISCONNECT',
      csat: 5,
      nps: 10,
    });
  });

  it('merges a survey answered after the record into the answered call log', async () => {
    expect(await callLogs.get(calls.answeredLate!.contactId)).toMatchObject({
      outcome: 'ANSWERED',
      queueWaitSeconds: 40,
      agentUsername: 'otieno',
      handleSeconds: 120,
      csat: 3,
      nps: 6,
    });
  });

  it('logs a caller who hung up in the queue as abandoned, without an agent', async () => {
    const log = await callLogs.get(calls.abandoned!.contactId);

    expect(log).toMatchObject({
      outcome: 'ABANDONED',
      queueName: 'General enquiries',
      disconnectReason: 'CUSTOMER_DISCONNECT',
    });
    expect(log?.queueWaitSeconds).toBeGreaterThan(0);
    expect(log?.agentUsername).toBeUndefined();
  });

  it('logs a tracking call completed in the IVR as contained self-service', async () => {
    const log = await callLogs.get(calls.selfService!.contactId);

    expect(log).toMatchObject({
      outcome: 'SELF_SERVICE',
      selfService: 'TRACKED',
      ivrPath: ['tracking', 'tracking:FOUND'],
    });
    expect(log?.queueName).toBeUndefined();
  });

  it('logs a call-back request made in the queue, pointing at the call-back contact', async () => {
    expect(await callLogs.get(calls.callback!.contactId)).toMatchObject({
      outcome: 'CALLBACK_REQUESTED',
      selfService: 'CALLBACK_REQUESTED',
      nextContactId: calls.callback!.contactTraceRecord.NextContactId,
      ivrPath: ['agent', 'callback:CREATED'],
    });
  });

  it('logs a caller who hung up at the menu as an IVR hang-up', async () => {
    expect(await callLogs.get(calls.ivrOnly!.contactId)).toMatchObject({
      outcome: 'IVR_HANGUP',
      ivrPath: [],
    });
  });

  it('reports the day: received, handled, abandoned, service level, ASA, containment, CSAT and NPS', async () => {
    // Duplicate and late deliveries change nothing.
    const record = calls.answered!.contactTraceRecord;
    await feedRecords([record, { ...record, LastUpdateTimestamp: '2026-11-17T05:59:00Z' }]);

    const { status, body } = await getReport('/reports/daily', { date: DAY });

    expect(status).toBe(200);
    expect(body).toMatchObject({
      date: DAY,
      timeZone: 'Africa/Nairobi',
      calls: {
        received: 6,
        handled: 2,
        abandoned: 1,
        callbacksRequested: 1,
        selfServiceContained: 1,
        ivrHangups: 1,
        queued: 3,
        answeredWithinThreshold: 1,
        serviceLevelPct: 33.3,
        abandonmentRatePct: 33.3,
        asaSeconds: 27.5,
        containmentPct: 16.7,
        handleTime: { averageSeconds: 205, maxSeconds: 290 },
        csat: { responses: 2, satisfied: 1, pct: 50 },
        nps: { responses: 2, promoters: 1, detractors: 1, score: 0 },
      },
      outcomes: {
        ANSWERED: 2,
        ABANDONED: 1,
        CALLBACK_REQUESTED: 1,
        SELF_SERVICE: 1,
        IVR_HANGUP: 1,
        NOT_CONNECTED: 0,
      },
      targets: {
        serviceLevelPct: { value: 33.3, target: 80, met: false },
        asaSeconds: { value: 27.5, target: 30, met: true },
      },
    });
  });

  it('reports each agent: calls handled, average and maximum handle time', async () => {
    const { body: all } = await getReport('/reports/agents', { date: DAY });
    const { body: one } = await getReport('/reports/agents', { date: DAY, agent: 'wanjiku' });

    expect(all.agents).toEqual([
      {
        username: 'otieno',
        handled: 1,
        averageHandleSeconds: 120,
        maxHandleSeconds: 120,
        totalHandleSeconds: 120,
      },
      {
        username: 'wanjiku',
        handled: 1,
        averageHandleSeconds: 290,
        maxHandleSeconds: 290,
        totalHandleSeconds: 290,
      },
    ]);
    expect(one).toEqual({
      date: DAY,
      agent: {
        username: 'wanjiku',
        handled: 1,
        averageHandleSeconds: 290,
        maxHandleSeconds: 290,
        totalHandleSeconds: 290,
      },
      contacts: [
        {
          contactId: calls.answered!.contactId,
          initiatedAt: '2026-11-17T06:00:00.000Z',
          queueName: 'General enquiries',
          queueWaitSeconds: 15,
          talkSeconds: 240,
          holdSeconds: 30,
          afterContactWorkSeconds: 20,
          handleSeconds: 290,
        },
      ],
    });
  });

  it('reports an empty day without ratios', async () => {
    const { body } = await getReport('/reports/daily', { date: '2019-01-01' });

    expect(body.calls).toMatchObject({ received: 0, serviceLevelPct: null, nps: { score: null } });
    expect(body.agents).toEqual([]);
  });

  it('refuses a malformed date or agent and an unknown report', async () => {
    await expect(getReport('/reports/daily', { date: '17/11/2026' })).resolves.toEqual({
      status: 400,
      body: expect.objectContaining({ error: 'INVALID_INPUT', field: 'date' }),
    });
    await expect(getReport('/reports/daily')).resolves.toMatchObject({
      status: 400,
      body: { error: 'INVALID_INPUT', fields: 'query.date' },
    });
    await expect(
      getReport('/reports/agents', { date: DAY, agent: 'wanjiku; drop' }),
    ).resolves.toMatchObject({ status: 400, body: { field: 'agent' } });
    await expect(getReport('/reports/weekly', { date: DAY })).resolves.toMatchObject({
      status: 404,
    });
  });

  it('answers supervisors only: agents, agency focal persons and users without a role are refused', async () => {
    for (const token of ['agent-demo', 'agency-immigration', 'norole-demo'])
      await expect(getReport('/reports/daily', { date: DAY }, token)).resolves.toMatchObject({
        status: 403,
        body: { error: 'FORBIDDEN' },
      });
  });
});
