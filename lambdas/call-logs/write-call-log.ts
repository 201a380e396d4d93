import {
  ANALYTICS_METRICS,
  contactMetricPoints,
  type MetricPoint,
  surveyMetricPoints,
} from '#shared/analytics-metrics.ts';
import {
  type ContactTraceRecord,
  ContactTraceRecordSchema,
} from '#shared/contact-trace-record.schema.ts';
import type { CallLogRepository } from '#shared/data/call-logs.repository.ts';
import { type CallLogPolicy, callLogFromRecord } from './call-log-from-record.ts';

/** A Kinesis record that is not a contact trace record: retried, then sent to the DLQ. */
export class InvalidContactRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidContactRecordError';
  }
}

/** Decodes a Kinesis record's data (base64 JSON) into a contact trace record. */
export const decodeContactRecord = (data: string): ContactTraceRecord => {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  } catch (error) {
    // The parser's message may quote the data (a phone number): keep only the error's name.
    throw new InvalidContactRecordError(
      `Kinesis data is not base64 JSON (${(error as Error).name})`,
    );
  }
  const result = ContactTraceRecordSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.')}: ${issue.message}`,
    );
    throw new InvalidContactRecordError(`Not a contact trace record: ${problems.join('; ')}`);
  }
  return result.data;
};

export interface CallLogWriterDependencies {
  readonly callLogs: CallLogRepository;
  readonly policy: CallLogPolicy;
  readonly answerWithinSeconds: number;
  readonly emit: (points: readonly MetricPoint[]) => void;
}

export type CallLogWrite = 'WRITTEN' | 'UPDATED' | 'STALE';

/**
 * Writes one contact trace record to the contact's call log. Idempotent and order-proof: a
 * duplicate or an older version than the stored one changes nothing (`STALE`). The contact's
 * metrics (and its survey answers' metrics) are emitted once, when its first record is written.
 */
export const createCallLogWriter =
  ({ callLogs, policy, answerWithinSeconds, emit }: CallLogWriterDependencies) =>
  async (record: ContactTraceRecord): Promise<CallLogWrite> => {
    const log = callLogFromRecord(record, policy);
    const saved = await callLogs.saveContactRecord(log);
    if (!saved.applied) {
      emit([{ name: ANALYTICS_METRICS.staleContactRecords, unit: 'Count', value: 1 }]);
      return 'STALE';
    }
    emit([{ name: ANALYTICS_METRICS.contactRecordsWritten, unit: 'Count', value: 1 }]);
    if (!saved.first) return 'UPDATED';
    emit([
      ...contactMetricPoints(log, { answerWithinSeconds }),
      ...surveyMetricPoints(saved.survey),
    ]);
    return 'WRITTEN';
  };
