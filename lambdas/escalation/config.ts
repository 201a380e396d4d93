import { environmentOf, TimeZoneEnvironmentSchema, tableName } from '#shared/env.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';
import { ContactCentreContactsSchema } from '#shared/tickets/escalation-policy.ts';
import * as z from '#shared/zod.ts';

export const EscalationEnvironmentSchema = environmentOf(
  z.object({
    TICKETS_TABLE_NAME: tableName,
    /** Call-back queue URL; unset locally, where the runtime passes its own queue. */
    CALLBACK_QUEUE_URL: z.optional(z.url()),
    /** The contact centre's supervisor and management (lib/config/environments.ts `escalation`). */
    ESCALATION_CONTACTS: z.pipe(
      z.string(),
      z.transform((raw) => ContactCentreContactsSchema.parse(JSON.parse(raw))),
    ),
  }),
  NotifierEnvironmentSchema,
  TimeZoneEnvironmentSchema,
);
