import { HandoverEnvironmentSchema } from '#lambdas/conversation/channels/config.ts';
import { ConversationEnvironmentSchema } from '#lambdas/conversation/config.ts';
import { environmentOf } from '#shared/env.ts';
import * as z from '#shared/zod.ts';
import { SmsGatewayEnvironmentSchema } from './gateway.ts';

/**
 * The SMS channel's environment: the conversation service's, the gateway (Africa's Talking for
 * Kenya, End User Messaging SMS where a country has two-way numbers) and the hand-over.
 */
export const SmsChannelEnvironmentSchema = environmentOf(
  ConversationEnvironmentSchema,
  z.object({
    /** The secret the callback URL carries (`?token=`): other posts are refused with 403. */
    SMS_INBOUND_TOKEN: z.optional(z.string().check(z.minLength(16))),
  }),
  SmsGatewayEnvironmentSchema,
  HandoverEnvironmentSchema,
);
