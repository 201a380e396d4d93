import * as z from 'zod';
import { tableName } from '#shared/env.ts';

export const NotificationDeliveryEnvironmentSchema = z.object({
  /** Delivery marks (idempotency) live in the service-data table, which expires them. */
  SERVICE_DATA_TABLE_NAME: tableName,
  /** End User Messaging SMS origination identity: a sender ID, phone number or pool (ARN or id). */
  SMS_ORIGINATION_IDENTITY: z.string().min(1).optional(),
  /** SES verified sender address. */
  EMAIL_FROM: z.email().optional(),
});
