import * as z from 'zod';
import { tableName, timeZone } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';

/** The knowledge flow Lambda's environment: the handler parses it, SelfService fills it. */
export const KnowledgeEnvironmentSchema = z
  .object({
    SERVICE_DATA_TABLE_NAME: tableName,
    TIME_ZONE: timeZone,
    KNOWLEDGE_INDEX_REFRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  })
  .and(SpeechEnvironmentSchema)
  .and(IdentityHasherEnvironmentSchema)
  .and(NotifierEnvironmentSchema);
