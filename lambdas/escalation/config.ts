import * as z from 'zod';
import { TimeZoneEnvironmentSchema, tableName } from '#shared/env.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';
import { ContactCentreContactsSchema } from '#shared/tickets/escalation-policy.ts';

export const EscalationEnvironmentSchema = z
  .object({
    TICKETS_TABLE_NAME: tableName,
    /** Call-back queue URL; unset locally, where the runtime passes its own queue. */
    CALLBACK_QUEUE_URL: z.url().optional(),
    /** The contact centre's supervisor and management (lib/config/environments.ts `escalation`). */
    ESCALATION_CONTACTS: z
      .string()
      .transform((raw) => ContactCentreContactsSchema.parse(JSON.parse(raw))),
  })
  .and(NotifierEnvironmentSchema)
  .and(TimeZoneEnvironmentSchema);
