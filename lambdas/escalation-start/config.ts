import { tableName } from '#shared/env.ts';
import * as z from '#shared/zod.ts';

export const EscalationStartEnvironmentSchema = z.object({
  TICKETS_TABLE_NAME: tableName,
  /** The escalation state machine; unset locally, where the runtime passes its own runner. */
  ESCALATION_STATE_MACHINE_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
});
