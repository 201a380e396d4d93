import * as z from 'zod';
import { tableName } from '#shared/env.ts';
import { kpiTargets } from '#shared/kpi.ts';
import { StaffingConfigSchema } from '#shared/staffing/forecast.ts';

export const ReportsEnvironmentSchema = z.object({
  CALL_LOGS_TABLE_NAME: tableName,
  TICKETS_TABLE_NAME: tableName,
  /** The contact centre's time zone: report days are calendar dates there. */
  TIME_ZONE: z.string().min(1).default('Africa/Nairobi'),
  /** Calls answered within this many seconds count towards the service level. */
  ANSWER_WITHIN_SECONDS: z.coerce
    .number()
    .int()
    .positive()
    .default(kpiTargets.serviceLevel.thresholdSeconds),
  /** The complaint resolution standard, in hours. */
  COMPLAINT_RESOLUTION_HOURS: z.coerce.number().int().positive().default(72),
  /** Staffing assumptions and rosters (JSON of the environment's `staffing`). */
  STAFFING_CONFIG: z.string().transform((json) => StaffingConfigSchema.parse(JSON.parse(json))),
});
