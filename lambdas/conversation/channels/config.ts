import * as z from 'zod';

/**
 * Where hand-overs go: the Connect instance, the chat hand-over flow, the topic the agent's chat
 * streams to (the relay's) and the Region's Participant Service (unset: no hand-over).
 */
export const HandoverEnvironmentSchema = z.object({
  CONNECT_INSTANCE_ID: z.string().min(1).optional(),
  CONVERSATION_FLOW_ID: z.string().min(1).optional(),
  AGENT_CHAT_STREAM_TOPIC_ARN: z.string().startsWith('arn:').optional(),
  AWS_REGION: z.string().min(1).default('af-south-1'),
  /** Connect's Participant Service; the Region's own endpoint unless set (locally, the stand-in). */
  PARTICIPANT_ENDPOINT: z.url().optional(),
});
export type HandoverEnvironment = z.infer<typeof HandoverEnvironmentSchema>;
