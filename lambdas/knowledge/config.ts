import { environmentOf, tableName, timeZone } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';

/** The knowledge flow Lambda's environment: the handler parses it, SelfService fills it. */
export const KnowledgeEnvironmentSchema = environmentOf(
  z.object({
    SERVICE_DATA_TABLE_NAME: tableName,
    TIME_ZONE: timeZone,
    KNOWLEDGE_INDEX_REFRESH_SECONDS: z._default(
      z.coerce.number().check(z.int(), z.gte(0), z.lte(3600)),
      30,
    ),
  }),
  SpeechEnvironmentSchema,
  IdentityHasherEnvironmentSchema,
  NotifierEnvironmentSchema,
);
