import { environmentOf, tableName } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import * as z from '#shared/zod.ts';

export const NotificationDeliveryEnvironmentSchema = environmentOf(
  z.object({
    /** Delivery marks (idempotency) live in the service-data table, which expires them. */
    SERVICE_DATA_TABLE_NAME: tableName,
    /** End User Messaging SMS origination identity: a sender ID, phone number or pool (ARN or id). */
    SMS_ORIGINATION_IDENTITY: z.optional(z.string().check(z.minLength(1))),
    /** SES verified sender address. */
    EMAIL_FROM: z.optional(z.email()),
    /** End User Messaging Social's id of the WhatsApp business number notices come from. */
    WHATSAPP_PHONE_NUMBER_ID: z.optional(z.string().check(z.minLength(1))),
  }),
  IdentityHasherEnvironmentSchema,
);
