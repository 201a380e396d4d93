import * as z from 'zod';

/** Where hand-overs go: the Connect instance and the conversation hand-over flow (unset: none). */
export const HandoverEnvironmentSchema = z.object({
  CONNECT_INSTANCE_ID: z.string().min(1).optional(),
  CONVERSATION_FLOW_ID: z.string().min(1).optional(),
});
