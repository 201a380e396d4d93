import * as z from 'zod';
import { tableName } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';

export const NotificationDeliveryEnvironmentSchema = z
  .object({
    /** Delivery marks (idempotency) live in the service-data table, which expires them. */
    SERVICE_DATA_TABLE_NAME: tableName,
    /** End User Messaging SMS origination identity: a sender ID, phone number or pool (ARN or id). */
    SMS_ORIGINATION_IDENTITY: z.string().min(1).optional(),
    /** SES verified sender address. */
    EMAIL_FROM: z.email().optional(),
    /** End User Messaging Social's id of the WhatsApp business number notices come from. */
    WHATSAPP_PHONE_NUMBER_ID: z.string().min(1).optional(),
  })
  // The WhatsApp window is kept under the customer's hashed number.
  .and(IdentityHasherEnvironmentSchema);
