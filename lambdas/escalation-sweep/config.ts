import { tableName } from '#shared/env.ts';
import * as z from '#shared/zod.ts';

export const EscalationSweepEnvironmentSchema = z.object({
  TICKETS_TABLE_NAME: tableName,
  /** The escalation state machine; unset locally, where the runtime passes its own runner. */
  ESCALATION_STATE_MACHINE_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  /** The call-back queue the outbox's first requests go to; unset locally (the runtime's queue). */
  CALLBACK_QUEUE_URL: z.optional(z.url()),
  /** Days a closed ticket keeps its call-back number and free text (lib/config/environments.ts). */
  TICKET_RETENTION_DAYS: z.coerce.number().check(z.int(), z.positive()),
});
