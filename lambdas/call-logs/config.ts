import { tableName, timeZone } from '#shared/env.ts';
import { answerWithinSeconds } from '#shared/kpi.ts';
import * as z from '#shared/zod.ts';

export const CallLogsEnvironmentSchema = z.object({
  CALL_LOGS_TABLE_NAME: tableName,
  /** Days a call log lives after the contact started (TTL). */
  CALL_LOG_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.positive()), 90),
  /** The contact centre's time zone: a contact's day is its calendar date there. */
  TIME_ZONE: timeZone,
  ANSWER_WITHIN_SECONDS: answerWithinSeconds,
});
