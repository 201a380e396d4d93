import type { CallLogRepository, ContactCallLog } from '#shared/data/call-logs.repository.ts';
import type { UssdSession } from '#shared/data/ussd-sessions.repository.ts';
import { localTime } from '#shared/hours.ts';

export interface UssdLogPolicy {
  readonly timeZone: string;
  readonly retentionDays: number;
}

/**
 * A USSD session as a contact record: one call-log item per session (its id is the session id),
 * channel USSD, rewritten after every step so it holds the path so far (`ivrPath`), the task
 * completed in self-service and the session's length. The daily report counts it with the calls.
 */
export const ussdCallLog = (
  session: UssdSession,
  { timeZone, retentionDays }: UssdLogPolicy,
): ContactCallLog => {
  const started = new Date(session.startedAt);
  const seconds = Math.max(
    0,
    Math.round((Date.parse(session.updatedAt) - started.getTime()) / 1000),
  );
  const selfService = session.remembered.selfService;
  return {
    schemaVersion: 1,
    contactId: session.sessionId,
    channel: 'USSD',
    initiationMethod: 'INBOUND',
    outcome: selfService ? 'SELF_SERVICE' : 'IVR_HANGUP',
    initiatedAt: started.toISOString(),
    day: localTime(started, timeZone).date,
    lastUpdatedAt: session.updatedAt,
    durationSeconds: seconds,
    ivrPath: session.journey,
    ...(selfService && { selfService }),
    ...(session.lang && { lang: session.lang }),
    expiresAt: Math.floor(started.getTime() / 1000) + retentionDays * 86_400,
  };
};

/** Writes the session's call log after each step (a late or repeated write changes nothing). */
export const ussdRecorder =
  (callLogs: Pick<CallLogRepository, 'saveContactRecord'>, policy: UssdLogPolicy) =>
  async (session: UssdSession): Promise<void> => {
    await callLogs.saveContactRecord(ussdCallLog(session, policy));
  };
