import * as z from 'zod';
import { HandoverEnvironmentSchema } from '#lambdas/conversation/channels/config.ts';
import { ConversationEnvironmentSchema } from '#lambdas/conversation/config.ts';

/**
 * The SMS channel's environment: the conversation service's, the gateway (Africa's Talking for
 * Kenya, End User Messaging SMS where a country has two-way numbers) and the hand-over.
 */
export const SmsChannelEnvironmentSchema = ConversationEnvironmentSchema.and(
  z.object({
    SMS_GATEWAY: z.enum(['africas-talking', 'end-user-messaging']).default('africas-talking'),
    AFRICAS_TALKING_USERNAME: z.string().min(1).default('sandbox'),
    /** The account's API key (deployed from a Secrets Manager dynamic reference). */
    AFRICAS_TALKING_API_KEY: z.string().min(1).optional(),
    /** Our short code: replies come from it, so the customer can answer. */
    AFRICAS_TALKING_SHORT_CODE: z.string().min(1).default('22384'),
    AFRICAS_TALKING_API_URL: z
      .url()
      .default('https://api.sandbox.africastalking.com/version1/messaging'),
    /** The secret the callback URL carries (`?token=`): other posts are refused with 403. */
    SMS_INBOUND_TOKEN: z.string().min(16).optional(),
    /** End User Messaging SMS: the two-way number replies come from. */
    SMS_ORIGINATION_IDENTITY: z.string().min(1).optional(),
  }),
).and(HandoverEnvironmentSchema);
