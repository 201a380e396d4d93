import type { QUEUES } from '#flows/manifest.ts';

type QueuePlaceholder = keyof typeof QUEUES;

export interface RoutingProfileDefinition {
  readonly name: string;
  readonly description: string;
  /** Queue an agent's outbound calls (call-backs) are placed from: its caller ID. */
  readonly defaultOutboundQueue: QueuePlaceholder;
  /** Queues the agents take voice contacts from; priority 1 is served first. */
  readonly queues: Readonly<
    Partial<Record<QueuePlaceholder, { priority: number; delay?: number }>>
  >;
}

/**
 * A desk of agents who take the queues in `queuesByPriority` order (the queues of one entry
 * share its priority, the first is 1 and served first); their call-backs are placed from the
 * call-back queue.
 */
const desk = (
  name: string,
  description: string,
  queuesByPriority: readonly (readonly QueuePlaceholder[])[],
): RoutingProfileDefinition => ({
  name,
  description,
  defaultOutboundQueue: 'CallbackQueueArn',
  queues: Object.fromEntries(
    queuesByPriority.flatMap((queues, index) =>
      queues.map((queue) => [queue, { priority: index + 1 }]),
    ),
  ),
});

/** Who takes which calls. Assign each agent one routing profile in the Connect admin site. */
export const ROUTING_PROFILES = {
  general: desk(
    'Huduma agent',
    'Front-line agents: every queue, general enquiries and appointments first',
    [
      ['GeneralQueueArn', 'AppointmentsQueueArn'],
      ['PensionsQueueArn', 'ComplaintsQueueArn'],
      ['CallbackQueueArn'],
    ],
  ),
  pensions: desk(
    'Pensions desk',
    'Pensions specialists: pensions first, then general enquiries and call-backs',
    [['PensionsQueueArn'], ['GeneralQueueArn', 'CallbackQueueArn']],
  ),
  complaints: desk(
    'Complaints desk',
    'Complaint handlers: complaints first, then call-backs and general enquiries',
    [['ComplaintsQueueArn'], ['CallbackQueueArn'], ['GeneralQueueArn']],
  ),
} satisfies Record<string, RoutingProfileDefinition>;

export interface SecurityProfileDefinition {
  readonly name: string;
  readonly description: string;
  /** Connect security-profile permissions (API names, as ListSecurityProfilePermissions returns them). */
  readonly permissions: readonly string[];
}

/** Real-time and historical metrics, as supervisors and analysts see them. */
const METRICS_PERMISSIONS = [
  'AccessMetrics',
  'AccessMetrics.RealTimeMetrics.Access',
  'AccessMetrics.HistoricalMetrics.Access',
] as const;

/** Agent CCP use: take and place calls, transfer with quick connects. */
const AGENT_PERMISSIONS = [
  'BasicAgentAccess',
  'OutboundCallAccess',
  'AudioDeviceSettings.Access',
  'TransferDestinations.View',
] as const;

/**
 * What each role may do in Connect, granted explicitly (least privilege): no role downloads or
 * deletes recordings or sees unredacted data. Administrators use Connect's built-in Admin profile.
 */
export const SECURITY_PROFILES = {
  agent: {
    name: 'Huduma agent',
    description: 'Answer and place calls in the agent desktop, transfer with quick connects',
    permissions: AGENT_PERMISSIONS,
  },
  supervisor: {
    name: 'Huduma supervisor',
    description: 'Agent access plus real-time monitoring, listen-in and barge-in, contact search',
    permissions: [
      ...AGENT_PERMISSIONS,
      ...METRICS_PERMISSIONS,
      'AccessMetrics.AgentActivityAudit.Access',
      'ManagerListenIn',
      'ManagerBargeIn',
      'ContactSearch.View',
      'ContactAttributes.View',
      'ListenCallRecordings',
      'RedactedData.View',
      'RealtimeContactLens.View',
      'ContactLensPostContactSummary.View',
      'Queues.View',
      'RoutingPolicies.View',
      'HoursOfOperation.View',
      'Users.View',
      'AgentStates.View',
      'MetricsReports.View',
    ],
  },
  analyst: {
    name: 'Huduma analyst',
    description:
      'Real-time and historical metrics, dashboards and saved reports; no contact content',
    permissions: [
      ...METRICS_PERMISSIONS,
      'AccessMetrics.Dashboards.Access',
      'MetricsReports.View',
      'MetricsReports.Create',
      'MetricsReports.Edit',
      'GraphTrends.View',
      'Queues.View',
      'RoutingPolicies.View',
    ],
  },
} as const satisfies Record<string, SecurityProfileDefinition>;
