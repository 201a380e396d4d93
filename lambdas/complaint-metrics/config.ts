import { tableName } from '#shared/env.ts';
import * as z from '#shared/zod.ts';

export const ComplaintMetricsEnvironmentSchema = z.object({ TICKETS_TABLE_NAME: tableName });
