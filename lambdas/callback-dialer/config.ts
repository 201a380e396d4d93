import { z } from 'zod';
import { parseEnv, tableName } from '#shared/env.ts';
import { OpeningHoursSchema } from '#shared/hours.ts';

/** Deployed settings; the local runtime passes its own dialer, queue and hours instead. */
export const config = parseEnv(
  z.object({
    TICKETS_TABLE_NAME: tableName,
    CALLBACK_QUEUE_URL: z.url().optional(),
    CONNECT_INSTANCE_ID: z.string().min(1).optional(),
    OUTBOUND_FLOW_ID: z.string().min(1).optional(),
    /** Queue whose outbound caller ID the customer sees. */
    OUTBOUND_QUEUE_ID: z.string().min(1).optional(),
    /** Queue the outbound flow transfers to when the customer presses 1. */
    AGENT_QUEUE_ARN: z.string().min(1).default('complaints'),
    /** The contact centre's opening hours (OpeningHoursSchema JSON, from the environment config). */
    CONTACT_CENTRE_HOURS: z
      .string()
      .optional()
      .transform((raw) => (raw ? OpeningHoursSchema.parse(JSON.parse(raw)) : undefined)),
    /** Milliseconds between two calls from one dialer instance. */
    DIAL_INTERVAL_MS: z.coerce.number().int().min(0).default(1000),
  }),
);
