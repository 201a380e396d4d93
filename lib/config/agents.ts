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

/** Who takes which calls. Assign each agent one routing profile in the Connect admin site. */
export const ROUTING_PROFILES = {
  general: {
    name: 'Huduma agent',
    description: 'Front-line agents: every queue, general enquiries and appointments first',
    defaultOutboundQueue: 'CallbackQueueArn',
    queues: {
      GeneralQueueArn: { priority: 1 },
      AppointmentsQueueArn: { priority: 1 },
      PensionsQueueArn: { priority: 2 },
      ComplaintsQueueArn: { priority: 2 },
      CallbackQueueArn: { priority: 3 },
    },
  },
  pensions: {
    name: 'Pensions desk',
    description: 'Pensions specialists: pensions first, then general enquiries and call-backs',
    defaultOutboundQueue: 'CallbackQueueArn',
    queues: {
      PensionsQueueArn: { priority: 1 },
      GeneralQueueArn: { priority: 2 },
      CallbackQueueArn: { priority: 2 },
    },
  },
  complaints: {
    name: 'Complaints desk',
    description: 'Complaint handlers: complaints first, then call-backs and general enquiries',
    defaultOutboundQueue: 'CallbackQueueArn',
    queues: {
      ComplaintsQueueArn: { priority: 1 },
      CallbackQueueArn: { priority: 2 },
      GeneralQueueArn: { priority: 3 },
    },
  },
} as const satisfies Record<string, RoutingProfileDefinition>;

export interface SecurityProfileDefinition {
  readonly name: string;
  readonly description: string;
  /** Connect security-profile permissions (API names, as ListSecurityProfilePermissions returns them). */
  readonly permissions: readonly string[];
}

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
      'AccessMetrics',
      'AccessMetrics.RealTimeMetrics.Access',
      'AccessMetrics.HistoricalMetrics.Access',
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
      'AccessMetrics',
      'AccessMetrics.RealTimeMetrics.Access',
      'AccessMetrics.HistoricalMetrics.Access',
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
