import { environmentOf, tableName, timeZone } from '#shared/env.ts';
import { contactCentreHoursVariable } from '#shared/hours.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';

/**
 * The conversation service's environment (every channel's Lambda parses it): the tables the
 * capability operations and the sessions use, the identity hasher (customer keys), the notifier
 * (codes and confirmations the operations send) and the conversation's own settings,
 * the opening hours among them.
 */
export const ConversationEnvironmentSchema = environmentOf(
  z.object({
    SERVICE_DATA_TABLE_NAME: tableName,
    TICKETS_TABLE_NAME: tableName,
    CALL_LOGS_TABLE_NAME: tableName,
    /** A conversation idle this long ends; the next message starts a new one. */
    CONVERSATION_IDLE_MINUTES: z._default(z.coerce.number().check(z.int(), z.positive()), 30),
    CALL_LOG_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.positive()), 90),
    TIME_ZONE: timeZone,
    /** Outside these hours a customer who asks for an agent is told when they open, not handed over. */
    CONTACT_CENTRE_HOURS: contactCentreHoursVariable,
  }),
  SpeechEnvironmentSchema,
  IdentityHasherEnvironmentSchema,
  NotifierEnvironmentSchema,
);
export type ConversationEnvironment = z.infer<typeof ConversationEnvironmentSchema>;
