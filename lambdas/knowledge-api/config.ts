import * as z from 'zod';
import { tableName, timeZone } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';

/** The knowledge API's environment: the handler parses it, the KnowledgeApi construct fills it. */
export const KnowledgeApiEnvironmentSchema = z
  .object({
    SERVICE_DATA_TABLE_NAME: tableName,
    /** Review dates are calendar dates here. */
    TIME_ZONE: timeZone,
    /** How long a container uses its loaded search index before checking for a newer one. */
    KNOWLEDGE_INDEX_REFRESH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
    /** The Connect instance whose contacts an article is sent to; unset locally (local contacts). */
    CONNECT_INSTANCE_ID: z.string().min(1).optional(),
  })
  .and(IdentityHasherEnvironmentSchema)
  .and(NotifierEnvironmentSchema);
