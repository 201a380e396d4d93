import { environmentOf, TimeZoneEnvironmentSchema, tableName } from '#shared/env.ts';
import { contactCentreHoursVariable } from '#shared/hours.ts';
import { IdentityHasherEnvironmentSchema } from '#shared/identity/default-identity-hasher.ts';
import { SpeechEnvironmentSchema } from '#shared/speech/render.ts';
import * as z from '#shared/zod.ts';

/** Caller context's environment: the handler parses it, the SelfService construct fills it. */
export const CallerContextEnvironmentSchema = environmentOf(
  z.object({
    SERVICE_DATA_TABLE_NAME: tableName,
    TICKETS_TABLE_NAME: tableName,
    CONTACT_CENTRE_HOURS: contactCentreHoursVariable,
  }),
  SpeechEnvironmentSchema,
  TimeZoneEnvironmentSchema,
  IdentityHasherEnvironmentSchema,
);
