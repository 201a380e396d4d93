import { SmsGatewayEnvironmentSchema } from '#lambdas/sms-channel/gateway.ts';
import { WhatsAppNumberEnvironmentSchema } from '#lambdas/whatsapp-channel/config.ts';
import { environmentOf, tableName } from '#shared/env.ts';
import * as z from '#shared/zod.ts';

/**
 * The relay's environment: the sessions' table, the customers' channels (the SMS gateway and
 * our WhatsApp number) and the conversation's idle time (a relayed message keeps it open).
 */
export const AgentChatRelayEnvironmentSchema = environmentOf(
  z.object({
    SERVICE_DATA_TABLE_NAME: tableName,
    CONVERSATION_IDLE_MINUTES: z._default(z.coerce.number().check(z.int(), z.positive()), 30),
  }),
  SmsGatewayEnvironmentSchema,
  WhatsAppNumberEnvironmentSchema,
);
