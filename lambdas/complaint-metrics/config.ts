import * as z from 'zod';
import { tableName } from '#shared/env.ts';

export const ComplaintMetricsEnvironmentSchema = z.object({ TICKETS_TABLE_NAME: tableName });
