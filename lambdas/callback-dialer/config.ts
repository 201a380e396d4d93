import { environmentOf, tableName } from '#shared/env.ts';
import { contactCentreHoursVariable } from '#shared/hours.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';
import * as z from '#shared/zod.ts';

export const CallbackDialerEnvironmentSchema = environmentOf(
  z.object({
    TICKETS_TABLE_NAME: tableName,
    /** Call-back queue URL; unset locally, where the runtime passes its own queue. */
    CALLBACK_QUEUE_URL: z.optional(z.url()),
    /** Connect settings; unset locally, where the runtime passes its own dialer. */
    CONNECT_INSTANCE_ID: z.optional(z.string().check(z.minLength(1))),
    OUTBOUND_FLOW_ID: z.optional(z.string().check(z.minLength(1))),
    /** Queue whose outbound caller ID the customer sees. */
    OUTBOUND_QUEUE_ID: z.optional(z.string().check(z.minLength(1))),
    /** Queue the outbound flow transfers to when the customer presses 1. */
    AGENT_QUEUE_ARN: z._default(z.string().check(z.minLength(1)), 'complaints'),
    CONTACT_CENTRE_HOURS: contactCentreHoursVariable,
    /** Milliseconds between two calls from one dialer instance. */
    DIAL_INTERVAL_MS: z._default(z.coerce.number().check(z.int(), z.gte(0)), 1000),
  }),
  NotifierEnvironmentSchema,
);
