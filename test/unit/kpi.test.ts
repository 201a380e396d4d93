import {
  againstTargets,
  agentFigures,
  callFigures,
  complaintFigures,
  csatPct,
  type KpiCallLog,
  kpiTargets,
  netPromoterScore,
} from '#shared/kpi.ts';

const log = (overrides: Partial<KpiCallLog>): KpiCallLog => ({
  outcome: 'IVR_HANGUP',
  initiationMethod: 'INBOUND',
  ...overrides,
});

/** A known day: 7 calls dialled in, 1 call-back answered, 1 call-back nobody took. */
const DAY: KpiCallLog[] = [
  log({
    outcome: 'ANSWERED',
    queueWaitSeconds: 10,
    agentUsername: 'akinyi',
    handleSeconds: 300,
    csat: 5,
    nps: 10,
  }),
  log({
    outcome: 'ANSWERED',
    queueWaitSeconds: 30,
    agentUsername: 'akinyi',
    handleSeconds: 200,
    csat: 4,
    nps: 9,
  }),
  log({
    outcome: 'ANSWERED',
    queueWaitSeconds: 20,
    agentUsername: 'baraka',
    handleSeconds: 400,
    csat: 2,
    nps: 3,
  }),
  log({ outcome: 'ABANDONED', queueWaitSeconds: 50 }),
  log({ outcome: 'CALLBACK_REQUESTED', queueWaitSeconds: 40 }),
  log({ outcome: 'SELF_SERVICE', nps: 7 }),
  log({ outcome: 'IVR_HANGUP' }),
  log({
    outcome: 'ANSWERED',
    initiationMethod: 'CALLBACK',
    queueWaitSeconds: 5,
    agentUsername: 'baraka',
    handleSeconds: 100,
  }),
  log({ outcome: 'NOT_CONNECTED', initiationMethod: 'CALLBACK', queueWaitSeconds: 600 }),
];

describe('call KPIs', () => {
  const figures = callFigures(DAY, { answerWithinSeconds: 20 });

  it('counts calls received (dialled in), handled (by an agent, call-backs included) and abandoned', () => {
    expect(figures).toMatchObject({
      received: 7,
      handled: 4,
      abandoned: 1,
      callbacksRequested: 1,
      selfServiceContained: 1,
      ivrHangups: 1,
    });
  });

  it('measures service level as answered within 20 s over answered + abandoned, call-backs excluded', () => {
    // Answered inbound after 10, 30 and 20 s, one abandoned: 2 of 4 within 20 s.
    expect(figures).toMatchObject({ queued: 4, answeredWithinThreshold: 2, serviceLevelPct: 50 });
  });

  it('excludes call-back requests and call-backs from abandonment', () => {
    expect(figures.abandonmentRatePct).toBe(25);
  });

  it('averages the queue wait of answered inbound calls (ASA) and the containment of calls received', () => {
    expect(figures.asaSeconds).toBe(20);
    expect(figures.containmentPct).toBe(14.3);
  });

  it('averages and maximises handle time over every answered contact', () => {
    expect(figures.handleTime).toEqual({ averageSeconds: 250, maxSeconds: 400 });
  });

  it('scores CSAT as % of 4-5 and NPS as % promoters minus % detractors', () => {
    expect(figures.csat).toEqual({ responses: 3, satisfied: 2, pct: 66.7 });
    // 10 and 9 promote, 3 detracts, 7 is passive: 50 % − 25 %.
    expect(figures.nps).toEqual({ responses: 4, promoters: 2, detractors: 1, score: 25 });
  });

  it('has no ratio, rather than 0 %, on a day without calls', () => {
    expect(callFigures([], { answerWithinSeconds: 20 })).toMatchObject({
      received: 0,
      serviceLevelPct: null,
      abandonmentRatePct: null,
      asaSeconds: null,
      containmentPct: null,
      handleTime: { averageSeconds: null, maxSeconds: null },
      csat: { pct: null },
      nps: { score: null },
    });
  });

  it.each([
    [[5, 5, 4, 4], 100],
    [[1, 2, 3], 0],
    [[3, 4, 5], 66.7],
  ])('CSAT of %p is %p %%', (scores, expected) => {
    expect(csatPct(scores)).toBe(expected);
  });

  it.each([
    [[10, 10, 10], 100],
    [[0, 6, 6], -100],
    [[7, 8], 0],
    [[10, 9, 8, 7, 6], 20],
  ])('NPS of %p is %p', (scores, expected) => {
    expect(netPromoterScore(scores)).toBe(expected);
  });
});

describe('agent KPIs', () => {
  it('gives each agent calls handled, average and maximum handle time, busiest first', () => {
    expect(agentFigures(DAY)).toEqual([
      {
        username: 'akinyi',
        handled: 2,
        averageHandleSeconds: 250,
        maxHandleSeconds: 300,
        totalHandleSeconds: 500,
      },
      {
        username: 'baraka',
        handled: 2,
        averageHandleSeconds: 250,
        maxHandleSeconds: 400,
        totalHandleSeconds: 500,
      },
    ]);
  });
});

describe('complaint resolution within 72 hours', () => {
  const T = Date.parse('2026-12-01T08:00:00Z');
  const at = (hours: number) => new Date(T + hours * 3_600_000).toISOString();

  it('splits complaints logged into resolved within and after 72 h, overdue and pending', () => {
    const figures = complaintFigures(
      [
        { createdAt: at(0), resolvedAt: at(10) },
        { createdAt: at(0), resolvedAt: at(80) },
        { createdAt: at(0) },
        { createdAt: at(50) },
        { createdAt: at(0), resolvedAt: at(72) },
      ],
      { now: new Date(at(100)), resolutionHours: 72 },
    );

    expect(figures).toEqual({
      logged: 5,
      resolvedWithinSla: 2,
      resolvedLate: 1,
      openOverdue: 1,
      pending: 1,
      resolvedWithinSlaPct: 40,
    });
  });
});

describe('targets', () => {
  it('reads the targets from data/kpi-targets.json', () => {
    expect(kpiTargets).toEqual({
      serviceLevel: { pct: 80, thresholdSeconds: 20 },
      abandonmentRate: { maxPct: 5 },
      asa: { maxSeconds: 30 },
      csat: { pct: 80 },
      nps: { min: 50 },
      complaintResolution: { pct: 90 },
    });
  });

  it('says which KPIs met their targets, and cannot judge one without data', () => {
    const figures = callFigures(DAY, { answerWithinSeconds: 20 });
    const complaints = complaintFigures([], { now: new Date(), resolutionHours: 72 });

    expect(againstTargets(figures, complaints)).toEqual({
      serviceLevelPct: { value: 50, target: 80, met: false },
      abandonmentRatePct: { value: 25, target: 5, met: false },
      asaSeconds: { value: 20, target: 30, met: true },
      csatPct: { value: 66.7, target: 80, met: false },
      nps: { value: 25, target: 50, met: false },
      complaintResolutionPct: { value: null, target: 90, met: null },
    });
  });
});
