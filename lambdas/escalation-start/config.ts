import * as z from 'zod';
import { tableName } from '#shared/env.ts';

export const EscalationStartEnvironmentSchema = z.object({
  TICKETS_TABLE_NAME: tableName,
  /** The escalation state machine; unset locally, where the runtime passes its own runner. */
  ESCALATION_STATE_MACHINE_ARN: z.string().startsWith('arn:').optional(),
});
