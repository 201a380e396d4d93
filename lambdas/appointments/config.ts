import { environmentOf, TimeZoneEnvironmentSchema, tableName } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';

/** Appointments' environment: the handler parses it, the SelfService construct fills it. */
export const AppointmentsEnvironmentSchema = environmentOf(
  z.object({ SERVICE_DATA_TABLE_NAME: tableName }),
  SpeechEnvironmentSchema,
  TimeZoneEnvironmentSchema,
  IdentityHasherEnvironmentSchema,
  NotifierEnvironmentSchema,
);
