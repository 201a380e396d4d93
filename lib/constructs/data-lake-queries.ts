import { CALLBACK_REQUESTED } from '#lambdas/call-logs/call-log-from-record.ts';
import { DIALLED_OUT } from '#shared/kpi.ts';

/**
 * Athena SQL over the raw contact trace records, with the same definitions as the call-log
 * writer and lambdas/shared/kpi.ts: one row per contact (the newest record of each ContactId:
 * Kinesis and Firehose deliver at least once), outcome classified as classifyOutcome does,
 * days in the contact centre's time zone, service level over answered + abandoned.
 */
export interface LakeQueryOptions {
  /** Glue database and table, e.g. `huduma_prod`.`contact_trace_records`. */
  readonly database: string;
  readonly table: string;
  readonly timeZone: string;
  readonly answerWithinSeconds: number;
  /** Days back from today the KPI queries cover. @default 31 */
  readonly days?: number;
}

const list = (values: Iterable<string>) => [...values].map((value) => `'${value}'`).join(', ');

/** Every contact of the period, newest version, with the call-log fields derived. */
export const contactsSql = ({
  database,
  table,
  timeZone,
  days = 31,
}: LakeQueryOptions): string => `WITH versions AS (
  SELECT *,
    ROW_NUMBER() OVER (
      PARTITION BY contactid ORDER BY from_iso8601_timestamp(lastupdatetimestamp) DESC
    ) AS version
  FROM "${database}"."${table}"
  -- Partitions are arrival days; a contact arrives at most a day after it starts.
  WHERE dt >= date_format(current_date - INTERVAL '${days + 1}' DAY, '%Y-%m-%d')
)
SELECT
  contactid AS contact_id,
  CAST(from_iso8601_timestamp(initiationtimestamp) AT TIME ZONE '${timeZone}' AS date) AS day,
  channel,
  initiationmethod AS initiation_method,
  CASE
    WHEN agent.connectedtoagenttimestamp IS NOT NULL THEN 'ANSWERED'
    WHEN element_at(attributes, 'selfService') = '${CALLBACK_REQUESTED}' OR nextcontactid IS NOT NULL THEN 'CALLBACK_REQUESTED'
    WHEN initiationmethod IN (${list(DIALLED_OUT)}) THEN 'NOT_CONNECTED'
    WHEN queue.enqueuetimestamp IS NOT NULL THEN 'ABANDONED'
    WHEN element_at(attributes, 'selfService') IS NOT NULL THEN 'SELF_SERVICE'
    ELSE 'IVR_HANGUP'
  END AS outcome,
  queue.name AS queue_name,
  CASE WHEN queue.enqueuetimestamp IS NOT NULL THEN queue.duration END AS queue_wait_seconds,
  agent.username AS agent_username,
  CASE WHEN agent.connectedtoagenttimestamp IS NOT NULL THEN
    coalesce(agent.agentinteractionduration, 0) + coalesce(agent.customerholdduration, 0)
      + coalesce(agent.aftercontactworkduration, 0)
  END AS handle_seconds,
  element_at(attributes, 'journey') AS journey,
  element_at(attributes, 'selfService') AS self_service,
  TRY_CAST(element_at(attributes, 'csat') AS integer) AS csat,
  TRY_CAST(element_at(attributes, 'nps') AS integer) AS nps,
  disconnectreason AS disconnect_reason
FROM versions
WHERE version = 1`;

const withContacts = (options: LakeQueryOptions, select: string) =>
  `WITH contacts AS (\n${contactsSql(options)}\n)\n${select}`;

const inboundQueued = `initiation_method NOT IN (${list(DIALLED_OUT)})
      AND (outcome = 'ABANDONED' OR (outcome = 'ANSWERED' AND queue_wait_seconds IS NOT NULL))`;

/** The named queries of the analytics workgroup: the daily and per-agent KPIs. */
export const namedQueries = (options: LakeQueryOptions) => [
  {
    id: 'DailySummary',
    name: 'Daily summary: calls received, handled, abandoned, service level, ASA, containment',
    description: `Per day (${options.timeZone}); service level = answered within ${options.answerWithinSeconds} s over answered + abandoned; call-backs are not abandoned`,
    sql: withContacts(
      options,
      `SELECT
  day,
  count_if(initiation_method = 'INBOUND') AS received,
  count_if(outcome = 'ANSWERED') AS handled,
  count_if(outcome = 'ABANDONED') AS abandoned,
  count_if(outcome = 'CALLBACK_REQUESTED') AS callbacks_requested,
  count_if(outcome = 'SELF_SERVICE' AND initiation_method = 'INBOUND') AS self_service_contained,
  round(100.0 * count_if(${inboundQueued} AND outcome = 'ANSWERED' AND queue_wait_seconds <= ${options.answerWithinSeconds})
    / nullif(count_if(${inboundQueued}), 0), 1) AS service_level_pct,
  round(100.0 * count_if(outcome = 'ABANDONED') / nullif(count_if(${inboundQueued}), 0), 1) AS abandonment_rate_pct,
  round(avg(CASE WHEN ${inboundQueued} AND outcome = 'ANSWERED' THEN queue_wait_seconds END), 1) AS asa_seconds,
  round(100.0 * count_if(outcome = 'SELF_SERVICE' AND initiation_method = 'INBOUND')
    / nullif(count_if(initiation_method = 'INBOUND'), 0), 1) AS containment_pct,
  round(avg(handle_seconds), 1) AS aht_seconds,
  max(handle_seconds) AS max_handle_seconds
FROM contacts
GROUP BY day
ORDER BY day DESC`,
    ),
  },
  {
    id: 'AgentHandleTime',
    name: 'Per agent and day: calls handled, average and maximum handle time',
    description: 'Handle time = talk + hold + after-contact work, answered contacts only',
    sql: withContacts(
      options,
      `SELECT
  day,
  agent_username,
  count(*) AS handled,
  round(avg(handle_seconds), 1) AS average_handle_seconds,
  max(handle_seconds) AS max_handle_seconds
FROM contacts
WHERE outcome = 'ANSWERED'
GROUP BY day, agent_username
ORDER BY day DESC, handled DESC`,
    ),
  },
  {
    id: 'IvrOutcomes',
    name: 'Per day: how contacts ended, and the self-service tasks completed',
    description: 'Outcomes as the call logs classify them; self-service values from the flows',
    sql: withContacts(
      options,
      `SELECT day, outcome, self_service, count(*) AS contacts
FROM contacts
GROUP BY day, outcome, self_service
ORDER BY day DESC, contacts DESC`,
    ),
  },
  {
    id: 'Satisfaction',
    name: 'Per day: CSAT (% 4-5) and NPS (% 9-10 minus % 0-6)',
    description:
      'From the csat and nps contact attributes, when the survey flow sets them; the call logs (GET /reports/daily) always have them',
    sql: withContacts(
      options,
      `SELECT
  day,
  count(csat) AS csat_responses,
  round(100.0 * count_if(csat >= 4) / nullif(count(csat), 0), 1) AS csat_pct,
  count(nps) AS nps_responses,
  round(100.0 * (count_if(nps >= 9) - count_if(nps <= 6)) / nullif(count(nps), 0), 1) AS nps
FROM contacts
GROUP BY day
ORDER BY day DESC`,
    ),
  },
];

/** Columns of the QuickSight dataset (the contacts query), in order. */
export const CONTACT_COLUMNS: readonly { readonly name: string; readonly type: string }[] = [
  { name: 'contact_id', type: 'STRING' },
  { name: 'day', type: 'DATETIME' },
  { name: 'channel', type: 'STRING' },
  { name: 'initiation_method', type: 'STRING' },
  { name: 'outcome', type: 'STRING' },
  { name: 'queue_name', type: 'STRING' },
  { name: 'queue_wait_seconds', type: 'INTEGER' },
  { name: 'agent_username', type: 'STRING' },
  { name: 'handle_seconds', type: 'INTEGER' },
  { name: 'journey', type: 'STRING' },
  { name: 'self_service', type: 'STRING' },
  { name: 'csat', type: 'INTEGER' },
  { name: 'nps', type: 'INTEGER' },
  { name: 'disconnect_reason', type: 'STRING' },
];
