import { z } from 'zod';
import { parseEnv, tableName } from '#shared/env.ts';

export const config = parseEnv(
  z.object({
    CALL_LOGS_TABLE_NAME: tableName,
    /** Days a call log lives; a survey written before the CTR sets the item's expiry from it. */
    CALL_LOG_RETENTION_DAYS: z.coerce.number().int().positive().default(90),
  }),
);
