import * as z from 'zod';
import { TimeZoneEnvironmentSchema, tableName } from '#shared/env.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { NotifierEnvironmentSchema } from '#shared/notifications/default-notifier.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';

/** Appointments' environment: the handler parses it, the SelfService construct fills it. */
export const AppointmentsEnvironmentSchema = z
  .object({ SERVICE_DATA_TABLE_NAME: tableName })
  .and(SpeechEnvironmentSchema)
  .and(TimeZoneEnvironmentSchema)
  .and(IdentityHasherEnvironmentSchema)
  .and(NotifierEnvironmentSchema);
