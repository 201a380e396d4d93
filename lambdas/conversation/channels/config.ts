import * as z from '#shared/zod.ts';

/**
 * Where hand-overs go: the Connect instance, the chat hand-over flow, the topic the agent's chat
 * streams to (the relay's) and the Region's Participant Service (unset: no hand-over).
 */
export const HandoverEnvironmentSchema = z.object({
  CONNECT_INSTANCE_ID: z.optional(z.string().check(z.minLength(1))),
  CONVERSATION_FLOW_ID: z.optional(z.string().check(z.minLength(1))),
  AGENT_CHAT_STREAM_TOPIC_ARN: z.optional(z.string().check(z.startsWith('arn:'))),
  AWS_REGION: z._default(z.string().check(z.minLength(1)), 'af-south-1'),
  /** Connect's Participant Service; the Region's own endpoint unless set (locally, the stand-in). */
  PARTICIPANT_ENDPOINT: z.optional(z.url()),
});
export type HandoverEnvironment = z.infer<typeof HandoverEnvironmentSchema>;
