import * as z from 'zod';
import { HandoverEnvironmentSchema } from '#lambdas/conversation/channels/config.ts';
import { ConversationEnvironmentSchema } from '#lambdas/conversation/config.ts';

/** Our WhatsApp business number (the channel's and the agent-chat relay's). */
export const WhatsAppNumberEnvironmentSchema = z.object({
  /** End User Messaging Social's id of our WhatsApp business number (phone-number-id-…). */
  WHATSAPP_PHONE_NUMBER_ID: z.string().min(1).default('phone-number-id-local'),
  WHATSAPP_META_API_VERSION: z
    .string()
    .regex(/^v\d+\.\d+$/)
    .default('v20.0'),
});

/** The WhatsApp channel's environment: the conversation service's, our number and the hand-over. */
export const WhatsAppChannelEnvironmentSchema = ConversationEnvironmentSchema.and(
  WhatsAppNumberEnvironmentSchema,
).and(HandoverEnvironmentSchema);
