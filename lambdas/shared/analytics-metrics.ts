import type { CallLog, SurveyAnswers } from './data/call-logs.repository.ts';
import { DIALLED_OUT, isDetractor, isPromoter, isReceived, isSatisfied } from './kpi.ts';

/**
 * The business metrics the platform publishes in CloudWatch embedded metric format, under
 * namespace `HudumaContactCentre` and dimension `service` = {@link ANALYTICS_SERVICE} (plus
 * `Agent` on handle time). The dashboard and alarms (lib/constructs/analytics-dashboard.ts, analytics-alarms.ts) read
 * these names; ratios (service level, abandonment, CSAT, NPS) are metric math over the counts.
 */
export const ANALYTICS_SERVICE = 'huduma-analytics';

export const ANALYTICS_METRICS = {
  /** Calls dialled in (one per contact). */
  callsReceived: 'CallsReceived',
  /** Contacts an agent answered. */
  callsHandled: 'CallsHandled',
  /** Contacts that hung up while queued (call-backs excluded). */
  callsAbandoned: 'CallsAbandoned',
  /** Inbound or transferred contacts answered or abandoned in a queue: the SL and abandonment denominator. */
  callsQueued: 'CallsQueued',
  /** Of the queued, answered within the service-level threshold. */
  callsAnsweredInThreshold: 'CallsAnsweredInThreshold',
  /** Calls completed in self-service without an agent. */
  selfServiceContained: 'SelfServiceContained',
  callbacksRequested: 'CallbacksRequested',
  /** Seconds in queue of every queued contact (answered or abandoned); ASA is its average over answered. */
  queueWaitTime: 'QueueWaitTime',
  /** Seconds in queue of answered contacts: its average is the ASA. */
  answerTime: 'AnswerTime',
  /** Talk + hold + after-contact work, seconds, per `Agent` dimension. */
  handleTime: 'HandleTime',
  csatResponses: 'CsatResponses',
  csatSatisfied: 'CsatSatisfied',
  npsResponses: 'NpsResponses',
  npsPromoters: 'NpsPromoters',
  npsDetractors: 'NpsDetractors',
  complaintsOpened: 'ComplaintsOpened',
  complaintsResolved: 'ComplaintsResolved',
  /** Complaints resolved after their due time. */
  complaintsBreached: 'ComplaintsBreached',
  /** Open complaints past their due time, counted every sweep (a gauge). */
  complaintsOverdue: 'ComplaintsOverdue',
  /** Contact trace records written: the first of a contact, or a newer version of it. */
  contactRecordsWritten: 'ContactRecordsWritten',
  /** Contact trace records skipped as duplicates or older than the stored version. */
  staleContactRecords: 'StaleContactRecords',
} as const;

export type AnalyticsMetricName = (typeof ANALYTICS_METRICS)[keyof typeof ANALYTICS_METRICS];

export interface MetricPoint {
  readonly name: AnalyticsMetricName;
  readonly unit: 'Count' | 'Seconds';
  readonly value: number;
  /** Extra dimensions beside `service`. */
  readonly dimensions?: Readonly<Record<string, string>>;
}

const count = (name: AnalyticsMetricName, value = 1): MetricPoint => ({
  name,
  unit: 'Count',
  value,
});

/** The points one contact contributes, counted once per contact (from its first record written). */
export const contactMetricPoints = (
  log: Pick<
    CallLog,
    'outcome' | 'initiationMethod' | 'queueWaitSeconds' | 'agentUsername' | 'handleSeconds'
  >,
  { answerWithinSeconds }: { readonly answerWithinSeconds: number },
): MetricPoint[] => {
  const points: MetricPoint[] = [];
  if (isReceived(log)) points.push(count(ANALYTICS_METRICS.callsReceived));
  if (log.outcome === 'ANSWERED') {
    points.push(count(ANALYTICS_METRICS.callsHandled));
    if (log.agentUsername)
      points.push({
        name: ANALYTICS_METRICS.handleTime,
        unit: 'Seconds',
        value: log.handleSeconds ?? 0,
        dimensions: { Agent: log.agentUsername },
      });
  }
  if (log.outcome === 'ABANDONED') points.push(count(ANALYTICS_METRICS.callsAbandoned));
  if (log.outcome === 'CALLBACK_REQUESTED')
    points.push(count(ANALYTICS_METRICS.callbacksRequested));
  if (log.outcome === 'SELF_SERVICE' && isReceived(log))
    points.push(count(ANALYTICS_METRICS.selfServiceContained));
  const queued =
    !DIALLED_OUT.has(log.initiationMethod) &&
    log.queueWaitSeconds !== undefined &&
    (log.outcome === 'ANSWERED' || log.outcome === 'ABANDONED');
  if (queued) {
    const wait = log.queueWaitSeconds ?? 0;
    points.push(count(ANALYTICS_METRICS.callsQueued));
    points.push({ name: ANALYTICS_METRICS.queueWaitTime, unit: 'Seconds', value: wait });
    if (log.outcome === 'ANSWERED') {
      points.push({ name: ANALYTICS_METRICS.answerTime, unit: 'Seconds', value: wait });
      if (wait <= answerWithinSeconds)
        points.push(count(ANALYTICS_METRICS.callsAnsweredInThreshold));
    }
  }
  return points;
};

/** The points of a contact's survey answers: responses, satisfied, promoters, detractors. */
export const surveyMetricPoints = ({ csat, nps }: SurveyAnswers): MetricPoint[] => [
  ...(csat === undefined
    ? []
    : [
        count(ANALYTICS_METRICS.csatResponses),
        count(ANALYTICS_METRICS.csatSatisfied, isSatisfied(csat) ? 1 : 0),
      ]),
  ...(nps === undefined
    ? []
    : [
        count(ANALYTICS_METRICS.npsResponses),
        count(ANALYTICS_METRICS.npsPromoters, isPromoter(nps) ? 1 : 0),
        count(ANALYTICS_METRICS.npsDetractors, isDetractor(nps) ? 1 : 0),
      ]),
];
