import { complaintChangePoints } from '#lambdas/complaint-metrics/complaint-metrics.ts';
import {
  ANALYTICS_SERVICE,
  contactMetricPoints,
  surveyMetricPoints,
} from '#shared/analytics-metrics.ts';
import { captureLogs } from '../support/data.ts';

const names = (points: { name: string; value: number }[]) =>
  Object.fromEntries(points.map((point) => [point.name, point.value]));

describe('contact metrics', () => {
  /** A call answered within 20 s counts as answered in threshold. */
  const pointsOf = (contact: Parameters<typeof contactMetricPoints>[0]) =>
    contactMetricPoints(contact, { answerWithinSeconds: 20 });

  it('counts an answered call as received, handled and queued, with its wait and the agent handle time', () => {
    const points = pointsOf({
      outcome: 'ANSWERED',
      initiationMethod: 'INBOUND',
      queueWaitSeconds: 12,
      agentUsername: 'wanjiku',
      handleSeconds: 260,
    });

    expect(names(points)).toEqual({
      CallsReceived: 1,
      CallsHandled: 1,
      HandleTime: 260,
      CallsQueued: 1,
      QueueWaitTime: 12,
      AnswerTime: 12,
      CallsAnsweredInThreshold: 1,
    });
    expect(points.find((point) => point.name === 'HandleTime')).toEqual({
      name: 'HandleTime',
      unit: 'Seconds',
      value: 260,
      dimensions: { Agent: 'wanjiku' },
    });
  });

  it('counts an abandoned call as queued, without an answer', () => {
    const points = pointsOf({
      outcome: 'ABANDONED',
      initiationMethod: 'INBOUND',
      queueWaitSeconds: 95,
    });

    expect(names(points)).toEqual({
      CallsReceived: 1,
      CallsAbandoned: 1,
      CallsQueued: 1,
      QueueWaitTime: 95,
    });
  });

  it('counts self-service containment and call-back requests, which are not queued calls', () => {
    expect(names(pointsOf({ outcome: 'SELF_SERVICE', initiationMethod: 'INBOUND' }))).toEqual({
      CallsReceived: 1,
      SelfServiceContained: 1,
    });
    expect(
      names(
        pointsOf({
          outcome: 'CALLBACK_REQUESTED',
          initiationMethod: 'INBOUND',
          queueWaitSeconds: 40,
        }),
      ),
    ).toEqual({ CallsReceived: 1, CallbacksRequested: 1 });
  });

  it('counts an answered call-back as handled only: it was not received, and its wait is a delay', () => {
    expect(
      names(
        pointsOf({
          outcome: 'ANSWERED',
          initiationMethod: 'CALLBACK',
          queueWaitSeconds: 300,
          agentUsername: 'otieno',
          handleSeconds: 100,
        }),
      ),
    ).toEqual({ CallsHandled: 1, HandleTime: 100 });
  });

  it('counts survey responses with the satisfied, promoters and detractors among them', () => {
    expect(names(surveyMetricPoints({ csat: 4, nps: 6 }))).toEqual({
      CsatResponses: 1,
      CsatSatisfied: 1,
      NpsResponses: 1,
      NpsPromoters: 0,
      NpsDetractors: 1,
    });
    expect(surveyMetricPoints({})).toEqual([]);
  });
});

describe('complaint metrics', () => {
  const complaint = {
    entity: 'TICKET',
    type: 'COMPLAINT',
    status: 'OPEN' as const,
    dueAt: '2026-12-04T08:00:00.000Z',
    updatedAt: '2026-12-01T08:00:00.000Z',
  };

  it('counts a complaint inserted as opened', () => {
    expect(names(complaintChangePoints({ eventName: 'INSERT', newImage: complaint }))).toEqual({
      ComplaintsOpened: 1,
    });
  });

  it('counts a move into RESOLVED as resolved, and as breached when after the due time', () => {
    const inTime = {
      ...complaint,
      status: 'RESOLVED' as const,
      updatedAt: '2026-12-03T08:00:00.000Z',
    };
    const late = { ...inTime, updatedAt: '2026-12-05T08:00:00.000Z' };

    expect(
      names(complaintChangePoints({ eventName: 'MODIFY', oldImage: complaint, newImage: inTime })),
    ).toEqual({ ComplaintsResolved: 1 });
    expect(
      names(complaintChangePoints({ eventName: 'MODIFY', oldImage: complaint, newImage: late })),
    ).toEqual({ ComplaintsResolved: 1, ComplaintsBreached: 1 });
  });

  it('ignores service requests, history entries, other updates and a resolved complaint being closed', () => {
    const resolved = { ...complaint, status: 'RESOLVED' as const };
    const closed = { ...complaint, status: 'CLOSED' as const };
    const progressing = { ...complaint, status: 'IN_PROGRESS' as const };

    expect(
      complaintChangePoints({
        eventName: 'INSERT',
        newImage: { ...complaint, type: 'SERVICE_REQUEST' },
      }),
    ).toEqual([]);
    expect(
      complaintChangePoints({
        eventName: 'INSERT',
        newImage: { ...complaint, entity: 'TICKET_HISTORY' },
      }),
    ).toEqual([]);
    expect(
      complaintChangePoints({ eventName: 'MODIFY', oldImage: complaint, newImage: progressing }),
    ).toEqual([]);
    expect(
      complaintChangePoints({ eventName: 'MODIFY', oldImage: resolved, newImage: closed }),
    ).toEqual([]);
  });
});

describe('embedded metric format', () => {
  it('writes the points under the analytics service, handle time per agent', async () => {
    process.env.POWERTOOLS_METRICS_DISABLED = 'false';
    const { analyticsMetrics, emitMetricPoints } = await import('#shared/analytics-emitter.ts');

    const output = await captureLogs(async () => {
      emitMetricPoints([
        { name: 'CallsHandled', unit: 'Count', value: 1 },
        { name: 'HandleTime', unit: 'Seconds', value: 260, dimensions: { Agent: 'wanjiku' } },
      ]);
      analyticsMetrics.publishStoredMetrics();
    });

    const documents = output
      .split('\n')
      .filter((line) => line.includes('_aws'))
      .map((line) => JSON.parse(line));
    expect(documents).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          service: ANALYTICS_SERVICE,
          Agent: 'wanjiku',
          HandleTime: 260,
          _aws: expect.objectContaining({
            CloudWatchMetrics: [
              expect.objectContaining({
                Namespace: 'HudumaContactCentre',
                Dimensions: [['service', 'Agent']],
              }),
            ],
          }),
        }),
        expect.objectContaining({ service: ANALYTICS_SERVICE, CallsHandled: 1 }),
      ]),
    );
  });
});
