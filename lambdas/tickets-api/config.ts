import { z } from 'zod';
import { parseEnv, tableName } from '#shared/env.ts';

export const config = parseEnv(
  z.object({
    SERVICE_DATA_TABLE_NAME: tableName,
    TICKETS_TABLE_NAME: tableName,
    /** Call-back queue URL; unset locally, where the runtime passes its own queue. */
    CALLBACK_QUEUE_URL: z.url().optional(),
  }),
);
