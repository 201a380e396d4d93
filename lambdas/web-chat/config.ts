import { tableName } from '#shared/env.ts';
import * as z from '#shared/zod.ts';

/** The web chat API's environment: the handler parses it, the WebChat construct fills it. */
export const WebChatEnvironmentSchema = z.object({
  /** The Connect instance chats are handed over on (its id or ARN). */
  CONNECT_INSTANCE_ID: z.string().check(z.minLength(1)),
  /** The chat hand-over flow (contact-flows/chat-handover.json) StartChatContact runs. */
  CHAT_FLOW_ID: z.string().check(z.minLength(1)),
  CALL_LOGS_TABLE_NAME: tableName,
  /** Days a call log lives; a survey written before the CTR sets the item's expiry from it. */
  CALL_LOG_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.positive()), 90),
  /** The web page's origin, the one a browser may call the API from (CORS). */
  ALLOWED_ORIGIN: z._default(z.string().check(z.minLength(1)), '*'),
});
export type WebChatEnvironment = z.infer<typeof WebChatEnvironmentSchema>;
