import { environmentOf, tableName } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';
import * as z from '#shared/zod.ts';

export const TicketsApiEnvironmentSchema = environmentOf(
  z.object({
    SERVICE_DATA_TABLE_NAME: tableName,
    TICKETS_TABLE_NAME: tableName,
    /** Call-back queue URL; unset locally, where the runtime passes its own queue. */
    CALLBACK_QUEUE_URL: z.optional(z.url()),
  }),
  NotifierEnvironmentSchema,
  IdentityHasherEnvironmentSchema,
);
