import { environmentOf, tableName, timeZone } from '#shared/env.ts';
import { contactCentreHoursVariable } from '#shared/hours.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';
import * as z from '#shared/zod.ts';

/**
 * The USSD channel's environment: the tables its sessions and the capability operations use,
 * the identity hasher (number hashes, proofs), the notifier (results by SMS, codes,
 * confirmations) and the gateway's settings.
 */
export const UssdEnvironmentSchema = environmentOf(
  z.object({
    SERVICE_DATA_TABLE_NAME: tableName,
    TICKETS_TABLE_NAME: tableName,
    CALL_LOGS_TABLE_NAME: tableName,
    /** Source addresses the gateway posts from (CIDRs, comma-separated); empty: any (local). */
    USSD_GATEWAY_CIDRS: z._default(z.string(), ''),
    /** How long a session's item is kept after its last step. */
    USSD_SESSION_MINUTES: z._default(z.coerce.number().check(z.int(), z.positive()), 10),
    CALL_LOG_RETENTION_DAYS: z._default(z.coerce.number().check(z.int(), z.positive()), 90),
    TIME_ZONE: timeZone,
    CONTACT_CENTRE_HOURS: contactCentreHoursVariable,
  }),
  IdentityHasherEnvironmentSchema,
  NotifierEnvironmentSchema,
);
export type UssdEnvironment = z.infer<typeof UssdEnvironmentSchema>;
