import * as z from 'zod';
import { SmsGatewayEnvironmentSchema } from '#lambdas/sms-channel/gateway.ts';
import { WhatsAppNumberEnvironmentSchema } from '#lambdas/whatsapp-channel/config.ts';
import { tableName } from '#shared/env.ts';

/**
 * The relay's environment: the sessions' table, the customers' channels (the SMS gateway and
 * our WhatsApp number) and the conversation's idle time (a relayed message keeps it open).
 */
export const AgentChatRelayEnvironmentSchema = z
  .object({
    SERVICE_DATA_TABLE_NAME: tableName,
    CONVERSATION_IDLE_MINUTES: z.coerce.number().int().positive().default(30),
  })
  .and(SmsGatewayEnvironmentSchema)
  .and(WhatsAppNumberEnvironmentSchema);
