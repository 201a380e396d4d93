import kpiTargetsFile from '#data/kpi-targets.json' with { type: 'json' };
import * as z from '#shared/zod.ts';
import type { CallLog } from './data/call-logs.repository.ts';

/**
 * The contact centre's KPIs (reference domain-kenya §1.9, data/kpi-targets.json), defined once:
 * the reports, the metrics and the tests use these functions. Percentages are 0-100 rounded to
 * one decimal; a ratio with nothing to divide by is `null` (no calls is not 0 %).
 */

/** The call-log fields the KPIs read. */
export type KpiCallLog = Pick<
  CallLog,
  | 'outcome'
  | 'initiationMethod'
  | 'queueWaitSeconds'
  | 'agentUsername'
  | 'handleSeconds'
  | 'csat'
  | 'nps'
>;

const round1 = (value: number) => Math.round(value * 10) / 10;
const pct = (part: number, whole: number): number | null =>
  whole === 0 ? null : round1((100 * part) / whole);
const mean = (values: readonly number[]): number | null =>
  values.length === 0
    ? null
    : round1(values.reduce((sum, value) => sum + value, 0) / values.length);

/** Initiation methods of contacts the centre dialled (call-backs, outbound): never abandoned. */
export const DIALLED_OUT: ReadonlySet<string> = new Set([
  'CALLBACK',
  'OUTBOUND',
  'API',
  'EXTERNAL_OUTBOUND',
  'AGENT_REPLY',
]);

/** A call received: a caller dialled in (transfers and call-backs are not new calls). */
export const isReceived = ({ initiationMethod }: Pick<KpiCallLog, 'initiationMethod'>) =>
  initiationMethod === 'INBOUND';

/**
 * Answered or abandoned in a queue by a contact the caller started (inbound or transferred):
 * the denominator of service level and abandonment. Call-back requests and call-backs are out.
 */
const queuedByCaller = (log: KpiCallLog) =>
  !DIALLED_OUT.has(log.initiationMethod) &&
  (log.outcome === 'ABANDONED' ||
    (log.outcome === 'ANSWERED' && log.queueWaitSeconds !== undefined));

/** Satisfied: 4 or 5 on the 1-5 CSAT question. */
export const isSatisfied = (csat: number) => csat >= 4;
/** NPS promoters score 9-10, detractors 0-6. */
export const isPromoter = (nps: number) => nps >= 9;
export const isDetractor = (nps: number) => nps <= 6;

/** CSAT: % of respondents scoring 4-5. */
export const csatPct = (scores: readonly number[]) =>
  pct(scores.filter(isSatisfied).length, scores.length);

/** NPS: % promoters (9-10) minus % detractors (0-6), −100…+100. */
export const netPromoterScore = (scores: readonly number[]): number | null =>
  scores.length === 0
    ? null
    : round1(
        (100 * (scores.filter(isPromoter).length - scores.filter(isDetractor).length)) /
          scores.length,
      );

export interface CallFigures {
  /** Calls dialled in (InitiationMethod INBOUND). */
  readonly received: number;
  /** Contacts an agent answered, whatever started them (call-backs included). */
  readonly handled: number;
  /** Contacts that hung up while queued (call-back requests and call-backs are not abandoned). */
  readonly abandoned: number;
  readonly callbacksRequested: number;
  /** Calls received that completed a task in self-service and needed no agent. */
  readonly selfServiceContained: number;
  readonly ivrHangups: number;
  /** Inbound or transferred contacts answered or abandoned in a queue. */
  readonly queued: number;
  /** Of those, answered within the service-level threshold. */
  readonly answeredWithinThreshold: number;
  /** Answered within the threshold ÷ (answered + abandoned) × 100. */
  readonly serviceLevelPct: number | null;
  /** Abandoned ÷ queued × 100 (call-backs excluded). */
  readonly abandonmentRatePct: number | null;
  /** Average speed of answer: mean queue wait of the answered among `queued` (seconds). */
  readonly asaSeconds: number | null;
  /** Self-service contained ÷ received × 100. */
  readonly containmentPct: number | null;
  /** Handle time (talk + hold + after-contact work) of answered contacts, seconds. */
  readonly handleTime: {
    readonly averageSeconds: number | null;
    readonly maxSeconds: number | null;
  };
  readonly csat: {
    readonly responses: number;
    readonly satisfied: number;
    readonly pct: number | null;
  };
  readonly nps: {
    readonly responses: number;
    readonly promoters: number;
    readonly detractors: number;
    readonly score: number | null;
  };
}

/** The call KPIs of a set of contacts (typically one day's), for a service-level threshold. */
export const callFigures = (
  logs: readonly KpiCallLog[],
  { answerWithinSeconds }: { readonly answerWithinSeconds: number },
): CallFigures => {
  const count = (predicate: (log: KpiCallLog) => boolean) => logs.filter(predicate).length;
  const received = count(isReceived);
  const selfServiceContained = count((log) => isReceived(log) && log.outcome === 'SELF_SERVICE');
  const queued = logs.filter(queuedByCaller);
  const abandoned = queued.filter((log) => log.outcome === 'ABANDONED').length;
  const answeredWaits = queued
    .filter((log) => log.outcome === 'ANSWERED')
    .map((log) => log.queueWaitSeconds ?? 0);
  const answeredWithinThreshold = answeredWaits.filter(
    (wait) => wait <= answerWithinSeconds,
  ).length;
  const handleTimes = logs
    .filter((log) => log.outcome === 'ANSWERED')
    .map((log) => log.handleSeconds ?? 0);
  const csatScores = logs.flatMap((log) => (log.csat === undefined ? [] : [log.csat]));
  const npsScores = logs.flatMap((log) => (log.nps === undefined ? [] : [log.nps]));
  return {
    received,
    handled: handleTimes.length,
    abandoned,
    callbacksRequested: count((log) => log.outcome === 'CALLBACK_REQUESTED'),
    selfServiceContained,
    ivrHangups: count((log) => log.outcome === 'IVR_HANGUP'),
    queued: queued.length,
    answeredWithinThreshold,
    serviceLevelPct: pct(answeredWithinThreshold, queued.length),
    abandonmentRatePct: pct(abandoned, queued.length),
    asaSeconds: mean(answeredWaits),
    containmentPct: pct(selfServiceContained, received),
    handleTime: {
      averageSeconds: mean(handleTimes),
      maxSeconds: handleTimes.length === 0 ? null : Math.max(...handleTimes),
    },
    csat: {
      responses: csatScores.length,
      satisfied: csatScores.filter(isSatisfied).length,
      pct: csatPct(csatScores),
    },
    nps: {
      responses: npsScores.length,
      promoters: npsScores.filter(isPromoter).length,
      detractors: npsScores.filter(isDetractor).length,
      score: netPromoterScore(npsScores),
    },
  };
};

export interface AgentFigures {
  readonly username: string;
  /** Contacts the agent answered. */
  readonly handled: number;
  readonly averageHandleSeconds: number;
  readonly maxHandleSeconds: number;
  readonly totalHandleSeconds: number;
}

/** Calls handled and average and maximum handle time per agent, busiest agent first. */
export const agentFigures = (
  logs: readonly Pick<KpiCallLog, 'outcome' | 'agentUsername' | 'handleSeconds'>[],
): AgentFigures[] => {
  const byAgent = new Map<string, number[]>();
  for (const log of logs) {
    if (log.outcome !== 'ANSWERED' || !log.agentUsername) continue;
    const times = byAgent.get(log.agentUsername) ?? [];
    times.push(log.handleSeconds ?? 0);
    byAgent.set(log.agentUsername, times);
  }
  return [...byAgent]
    .map(([username, times]) => {
      const total = times.reduce((sum, time) => sum + time, 0);
      return {
        username,
        handled: times.length,
        averageHandleSeconds: round1(total / times.length),
        maxHandleSeconds: Math.max(...times),
        totalHandleSeconds: total,
      };
    })
    .sort((a, b) => b.handled - a.handled || a.username.localeCompare(b.username));
};

/** A complaint as the resolution KPI sees it. */
export interface KpiComplaint {
  readonly createdAt: string;
  /** When it was first resolved (or closed); absent while open. */
  readonly resolvedAt?: string;
}

export interface ComplaintFigures {
  readonly logged: number;
  readonly resolvedWithinSla: number;
  readonly resolvedLate: number;
  /** Unresolved past the SLA: breached. */
  readonly openOverdue: number;
  /** Unresolved and still inside the SLA: the rate may still rise. */
  readonly pending: number;
  /** Resolved within the SLA ÷ logged × 100. */
  readonly resolvedWithinSlaPct: number | null;
}

/** Complaint resolution within the SLA (72 h by default) of complaints logged, at `now`. */
export const complaintFigures = (
  complaints: readonly KpiComplaint[],
  { now, resolutionHours }: { readonly now: Date; readonly resolutionHours: number },
): ComplaintFigures => {
  const limitMs = resolutionHours * 3_600_000;
  let resolvedWithinSla = 0;
  let resolvedLate = 0;
  let openOverdue = 0;
  for (const { createdAt, resolvedAt } of complaints) {
    const deadline = Date.parse(createdAt) + limitMs;
    if (resolvedAt) {
      if (Date.parse(resolvedAt) <= deadline) resolvedWithinSla++;
      else resolvedLate++;
    } else if (now.getTime() > deadline) openOverdue++;
  }
  return {
    logged: complaints.length,
    resolvedWithinSla,
    resolvedLate,
    openOverdue,
    pending: complaints.length - resolvedWithinSla - resolvedLate - openOverdue,
    resolvedWithinSlaPct: pct(resolvedWithinSla, complaints.length),
  };
};

const KpiTargetsFileSchema = z.object({
  kpis: z.array(
    z.object({ id: z.string(), target: z.nullable(z.record(z.string(), z.unknown())) }),
  ),
});

const targetOf = (id: string) =>
  KpiTargetsFileSchema.parse(kpiTargetsFile).kpis.find((kpi) => kpi.id === id)?.target ?? {};

/** The targets in data/kpi-targets.json the reports, dashboard and alarms measure against. */
export const KpiTargetsSchema = z.object({
  serviceLevel: z.object({
    pct: z.number(),
    thresholdSeconds: z.number().check(z.int(), z.positive()),
  }),
  abandonmentRate: z.object({ maxPct: z.number() }),
  asa: z.object({ maxSeconds: z.number() }),
  csat: z.object({ pct: z.number() }),
  nps: z.object({ min: z.number() }),
  complaintResolution: z.object({ pct: z.number() }),
});
export type KpiTargets = z.infer<typeof KpiTargetsSchema>;

export const kpiTargets: KpiTargets = KpiTargetsSchema.parse({
  serviceLevel: {
    pct: targetOf('service_level').pct,
    thresholdSeconds: targetOf('service_level').thresholdSec,
  },
  abandonmentRate: { maxPct: targetOf('abandonment_rate').maxPct },
  asa: { maxSeconds: targetOf('asa').maxSec },
  csat: { pct: targetOf('csat').pct },
  nps: { min: targetOf('nps').min },
  complaintResolution: { pct: targetOf('complaint_resolution_72h').pct },
});

/** The service level's threshold: calls answered within this many seconds count towards it. */
export const answerWithinSeconds = z._default(
  z.coerce.number().check(z.int(), z.positive()),
  kpiTargets.serviceLevel.thresholdSeconds,
);

export interface TargetCheck {
  readonly value: number | null;
  readonly target: number;
  /** `null` when there is no value to judge. */
  readonly met: boolean | null;
}

const atLeast = (value: number | null, target: number): TargetCheck => ({
  value,
  target,
  met: value === null ? null : value >= target,
});
const atMost = (value: number | null, target: number): TargetCheck => ({
  value,
  target,
  met: value === null ? null : value <= target,
});

/** Each KPI beside its target, and whether it was met. */
export const againstTargets = (
  calls: CallFigures,
  complaints: ComplaintFigures | undefined,
  targets: KpiTargets = kpiTargets,
) => ({
  serviceLevelPct: atLeast(calls.serviceLevelPct, targets.serviceLevel.pct),
  abandonmentRatePct: atMost(calls.abandonmentRatePct, targets.abandonmentRate.maxPct),
  asaSeconds: atMost(calls.asaSeconds, targets.asa.maxSeconds),
  csatPct: atLeast(calls.csat.pct, targets.csat.pct),
  nps: atLeast(calls.nps.score, targets.nps.min),
  ...(complaints && {
    complaintResolutionPct: atLeast(
      complaints.resolvedWithinSlaPct,
      targets.complaintResolution.pct,
    ),
  }),
});
