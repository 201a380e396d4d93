import * as z from 'zod';
import { tableName } from '#shared/env.ts';
import { OpeningHoursSchema } from '#shared/hours.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';

export const CallbackDialerEnvironmentSchema = z
  .object({
    TICKETS_TABLE_NAME: tableName,
    /** Call-back queue URL; unset locally, where the runtime passes its own queue. */
    CALLBACK_QUEUE_URL: z.url().optional(),
    /** Connect settings; unset locally, where the runtime passes its own dialer. */
    CONNECT_INSTANCE_ID: z.string().min(1).optional(),
    OUTBOUND_FLOW_ID: z.string().min(1).optional(),
    /** Queue whose outbound caller ID the customer sees. */
    OUTBOUND_QUEUE_ID: z.string().min(1).optional(),
    /** Queue the outbound flow transfers to when the customer presses 1. */
    AGENT_QUEUE_ARN: z.string().min(1).default('complaints'),
    /** The contact centre's opening hours (OpeningHoursSchema JSON, from the environment config). */
    CONTACT_CENTRE_HOURS: z.string().transform((raw) => OpeningHoursSchema.parse(JSON.parse(raw))),
    /** Milliseconds between two calls from one dialer instance. */
    DIAL_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  })
  .and(NotifierEnvironmentSchema);
