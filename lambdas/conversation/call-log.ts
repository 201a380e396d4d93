import type { CallLogRepository, ContactCallLog } from '#shared/data/call-logs.repository.ts';
import type { ConversationSession } from '#shared/data/conversations.repository.ts';
import { localTime } from '#shared/hours.ts';
import { CALL_LOG_CHANNEL, type Channel } from './contract.ts';
import type { RecordConversation } from './conversation.ts';

export interface ConversationLogPolicy {
  readonly timeZone: string;
  readonly retentionDays: number;
}

/**
 * The conversation as a contact record: one call-log item per conversation (its id is the
 * contact id), channel CHAT, WHATSAPP or SMS, rewritten after every message so it always holds
 * the latest state: contained in self-service when a task was completed (`selfService`), the
 * journey, the hand-over, and the handle time (first to last message). A handed-over
 * conversation continues as the agent's Connect chat, whose record it is then merged into
 * (CallLogRepository.mergeInto): one contact record per conversation.
 */
export const conversationCallLog = (
  session: ConversationSession,
  { timeZone, retentionDays }: ConversationLogPolicy,
): ContactCallLog => {
  const started = new Date(session.startedAt);
  const seconds = Math.max(
    0,
    Math.round((Date.parse(session.lastMessageAt) - started.getTime()) / 1000),
  );
  const selfService = session.remembered.selfService;
  return {
    schemaVersion: 1,
    contactId: session.conversationId,
    channel: CALL_LOG_CHANNEL[session.channel as Channel] ?? session.channel.toUpperCase(),
    initiationMethod: 'INBOUND',
    outcome: selfService ? 'SELF_SERVICE' : 'IVR_HANGUP',
    initiatedAt: started.toISOString(),
    day: localTime(started, timeZone).date,
    lastUpdatedAt: session.lastMessageAt,
    durationSeconds: seconds,
    handleSeconds: seconds,
    ivrPath: session.journey,
    ...(selfService && { selfService }),
    ...(session.lang && { lang: session.lang }),
    ...(session.handedOver && { handover: true }),
    expiresAt: Math.floor(started.getTime() / 1000) + retentionDays * 86_400,
  };
};

/** Writes the conversation's call log after each message (a late or repeated write changes nothing). */
export const conversationRecorder =
  (
    callLogs: Pick<CallLogRepository, 'saveContactRecord'>,
    policy: ConversationLogPolicy,
  ): RecordConversation =>
  async (session) => {
    // Once merged into the agent's chat record (a hand-over), the item stays merged.
    await callLogs.saveContactRecord(conversationCallLog(session, policy), { unlessMerged: true });
  };
