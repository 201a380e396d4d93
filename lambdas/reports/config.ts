import { tableName, timeZone } from '#shared/env.ts';
import { answerWithinSeconds } from '#shared/kpi.ts';
import { StaffingConfigSchema } from '#shared/staffing/forecast.ts';
import * as z from '#shared/zod.ts';

export const ReportsEnvironmentSchema = z.object({
  CALL_LOGS_TABLE_NAME: tableName,
  TICKETS_TABLE_NAME: tableName,
  /** The contact centre's time zone: report days are calendar dates there. */
  TIME_ZONE: timeZone,
  ANSWER_WITHIN_SECONDS: answerWithinSeconds,
  /** The complaint resolution standard, in hours. */
  COMPLAINT_RESOLUTION_HOURS: z._default(z.coerce.number().check(z.int(), z.positive()), 72),
  /** Staffing assumptions and rosters (JSON of the environment's `staffing`). */
  STAFFING_CONFIG: z.pipe(
    z.string(),
    z.transform((json) => StaffingConfigSchema.parse(JSON.parse(json))),
  ),
});
