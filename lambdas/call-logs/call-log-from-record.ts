import type { ContactTraceRecord } from '#shared/contact-trace-record.schema.ts';
import type { CallOutcome, ContactCallLog } from '#shared/data/call-logs.repository.ts';
import { localTime } from '#shared/hours.ts';
import { DIALLED_OUT } from '#shared/kpi.ts';

export interface CallLogPolicy {
  /** Time zone whose calendar day a contact belongs to (the gsi1 and gsi2 day). */
  readonly timeZone: string;
  /** Days the call log lives after the contact started. */
  readonly retentionDays: number;
}

/** The `selfService` value flows set when the caller asked to be called back. */
export const CALLBACK_REQUESTED = 'CALLBACK_REQUESTED';

const iso = (value: string | null | undefined) =>
  value ? new Date(value).toISOString() : undefined;
const seconds = (value: number | null | undefined) =>
  value === null || value === undefined ? undefined : Math.round(value);
const text = (value: string | null | undefined) => (value ? value : undefined);

/**
 * How a contact ended (see CallOutcomeSchema). An agent connection wins; a queued contact
 * without one was abandoned unless it became a call-back (or the centre had dialled it); an
 * IVR-only contact is contained when the flow recorded a completed task (`selfService`).
 */
export const classifyOutcome = (record: ContactTraceRecord): CallOutcome => {
  const selfService = text(record.Attributes?.selfService);
  const callback =
    selfService === CALLBACK_REQUESTED || (Boolean(record.NextContactId) && !record.Agent);
  if (record.Agent?.ConnectedToAgentTimestamp) return 'ANSWERED';
  if (callback) return 'CALLBACK_REQUESTED';
  if (DIALLED_OUT.has(record.InitiationMethod ?? '')) return 'NOT_CONNECTED';
  if (record.Queue?.EnqueueTimestamp) return 'ABANDONED';
  return selfService ? 'SELF_SERVICE' : 'IVR_HANGUP';
};

/** The IVR steps the flows appended to the `journey` attribute (`,tracking,tracking:FOUND`). */
export const ivrPath = (journey: string | null | undefined): string[] =>
  (journey ?? '')
    .split(',')
    .map((step) => step.trim())
    .filter(Boolean);

/** Derives a contact's call log from one of its contact trace records. */
export const callLogFromRecord = (
  record: ContactTraceRecord,
  { timeZone, retentionDays }: CallLogPolicy,
): ContactCallLog => {
  const initiatedAt = new Date(record.InitiationTimestamp);
  const agent = record.Agent?.ConnectedToAgentTimestamp ? record.Agent : undefined;
  const queue = record.Queue?.EnqueueTimestamp ? record.Queue : undefined;
  const talk = seconds(agent?.AgentInteractionDuration);
  const hold = seconds(agent?.CustomerHoldDuration);
  const afterContactWork = seconds(agent?.AfterContactWorkDuration);
  const disconnectedAt = iso(record.DisconnectTimestamp);
  const attributes = record.Attributes ?? {};
  return {
    schemaVersion: 1,
    contactId: record.ContactId,
    initialContactId: text(record.InitialContactId),
    // A Connect chat a text conversation was handed over in continues that conversation.
    previousContactId: text(record.PreviousContactId) ?? text(attributes.conversationId),
    nextContactId: text(record.NextContactId),
    channel: record.Channel,
    initiationMethod: record.InitiationMethod ?? 'INBOUND',
    outcome: classifyOutcome(record),
    initiatedAt: initiatedAt.toISOString(),
    day: localTime(initiatedAt, timeZone).date,
    disconnectedAt,
    lastUpdatedAt: new Date(record.LastUpdateTimestamp).toISOString(),
    queueName: text(queue?.Name),
    enqueuedAt: iso(queue?.EnqueueTimestamp),
    dequeuedAt: iso(queue?.DequeueTimestamp),
    queueWaitSeconds: seconds(queue?.Duration),
    agentUsername: text(agent?.Username),
    agentConnectedAt: iso(agent?.ConnectedToAgentTimestamp),
    talkSeconds: talk,
    holdSeconds: hold,
    afterContactWorkSeconds: afterContactWork,
    handleSeconds: agent ? (talk ?? 0) + (hold ?? 0) + (afterContactWork ?? 0) : undefined,
    durationSeconds: disconnectedAt
      ? Math.max(0, Math.round((Date.parse(disconnectedAt) - initiatedAt.getTime()) / 1000))
      : undefined,
    ivrPath: ivrPath(attributes.journey),
    selfService: text(attributes.selfService),
    ...(text(attributes.conversationId) && { handover: true }),
    intent: text(attributes.intent),
    lang: text(attributes.lang),
    disconnectReason: text(record.DisconnectReason),
    expiresAt: Math.floor(initiatedAt.getTime() / 1000) + retentionDays * 86_400,
  };
};
