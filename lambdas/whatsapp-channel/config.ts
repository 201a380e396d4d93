import { HandoverEnvironmentSchema } from '#lambdas/conversation/channels/config.ts';
import { ConversationEnvironmentSchema } from '#lambdas/conversation/config.ts';
import { environmentOf } from '#shared/env.ts';
import * as z from '#shared/zod.ts';

/** Our WhatsApp business number (the channel's and the agent-chat relay's). */
export const WhatsAppNumberEnvironmentSchema = z.object({
  /** End User Messaging Social's id of our WhatsApp business number (phone-number-id-…). */
  WHATSAPP_PHONE_NUMBER_ID: z._default(z.string().check(z.minLength(1)), 'phone-number-id-local'),
  WHATSAPP_META_API_VERSION: z._default(z.string().check(z.regex(/^v\d+\.\d+$/)), 'v20.0'),
});

/** The WhatsApp channel's environment: the conversation service's, our number and the hand-over. */
export const WhatsAppChannelEnvironmentSchema = environmentOf(
  ConversationEnvironmentSchema,
  WhatsAppNumberEnvironmentSchema,
  HandoverEnvironmentSchema,
);
