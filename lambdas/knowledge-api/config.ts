import { environmentOf, tableName, timeZone } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';
import * as z from '#shared/zod.ts';

/** The knowledge API's environment: the handler parses it, the KnowledgeApi construct fills it. */
export const KnowledgeApiEnvironmentSchema = environmentOf(
  z.object({
    SERVICE_DATA_TABLE_NAME: tableName,
    /** Review dates are calendar dates here. */
    TIME_ZONE: timeZone,
    /** How long a container uses its loaded search index before checking for a newer one. */
    KNOWLEDGE_INDEX_REFRESH_SECONDS: z._default(
      z.coerce.number().check(z.int(), z.gte(0), z.lte(3600)),
      30,
    ),
    /** The Connect instance whose contacts an article is sent to; unset locally (local contacts). */
    CONNECT_INSTANCE_ID: z.optional(z.string().check(z.minLength(1))),
  }),
  IdentityHasherEnvironmentSchema,
  NotifierEnvironmentSchema,
);
