import * as z from 'zod';
import { tableName } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';

export const TicketsApiEnvironmentSchema = z
  .object({
    SERVICE_DATA_TABLE_NAME: tableName,
    TICKETS_TABLE_NAME: tableName,
    /** Call-back queue URL; unset locally, where the runtime passes its own queue. */
    CALLBACK_QUEUE_URL: z.url().optional(),
  })
  .and(NotifierEnvironmentSchema)
  // Agents' complaints key the Tickets caller index by the number's keyed hash.
  .and(IdentityHasherEnvironmentSchema);
